// Zip archives (TikTok delivers `TikTok_Data_<digits>.zip`): the central directory is read first
// and checked against the limits before any member is inflated, and every member is streamed, so
// a zip bomb is refused by its declared sizes, and a lying one by yauzl's size validation.
import { PassThrough } from 'node:stream';
import yauzl from 'yauzl';
import { UserError } from '../domain/errors';
import { badInput } from './errors';
import { MAX_MEMBERS, MAX_TOTAL_BYTES, MAX_ZIP_RATIO, ZIP_RATIO_FLOOR_BYTES } from './limits';
import type { ByteSource } from './types';
import { countOpen } from './sources';

export type ZipArchive = { members: ByteSource[]; close(): void };

export async function openZip(path: string, displayName: string): Promise<ZipArchive> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, {
      autoClose: false,
      decodeStrings: true,
      validateEntrySizes: true,
    });
  } catch (error) {
    throw badInput(displayName, `not a readable zip archive (${messageOf(error)})`);
  }
  const members: ByteSource[] = [];
  let total = 0;
  try {
    if (zip.entryCount > MAX_MEMBERS) {
      throw badInput(
        displayName,
        `the zip holds ${zip.entryCount} files, more than the ${MAX_MEMBERS} an export can have`,
      );
    }
    for await (const entry of zip.eachEntry()) {
      const name = entry.fileName;
      if (name.endsWith('/') || /(^|\/)(__MACOSX|\.[^/]*)(\/|$)/.test(name)) continue;
      const where = `${displayName} › ${name}`;
      if (entry.isEncrypted()) throw badInput(where, 'the member is encrypted');
      if (!entry.canDecodeFileData())
        throw badInput(where, `unsupported compression method ${entry.compressionMethod}`);
      const size = entry.uncompressedSize;
      total += size;
      if (total > MAX_TOTAL_BYTES) {
        throw badInput(
          displayName,
          `the zip would expand to more than ${MAX_TOTAL_BYTES / 1024 ** 3} GB (a zip bomb?)`,
        );
      }
      if (
        size > ZIP_RATIO_FLOOR_BYTES &&
        size > MAX_ZIP_RATIO * Math.max(entry.compressedSize, 1)
      ) {
        throw badInput(where, `compressed more than ${MAX_ZIP_RATIO}:1 (a zip bomb?)`);
      }
      members.push({ name: where, size, open: () => memberStream(zip, entry, where) });
    }
  } catch (error) {
    zip.close();
    if (error instanceof UserError) throw error;
    // yauzl refuses '..' segments, absolute paths and malformed records; say which archive.
    throw badInput(displayName, `unsafe or malformed zip (${messageOf(error)})`);
  }
  return { members, close: () => zip.close() };
}

/** A member's bytes; errors (corrupt data, a size that lies) arrive as one clear user error. */
function memberStream(
  zip: yauzl.ZipFile,
  entry: yauzl.Entry,
  where: string,
): NodeJS.ReadableStream {
  countOpen(where);
  const out = new PassThrough({ highWaterMark: 1024 * 1024 });
  zip.openReadStream(entry, (error, stream) => {
    if (error || !stream) {
      out.destroy(badInput(where, `cannot be read from the zip (${messageOf(error)})`));
      return;
    }
    stream.on('error', (e) => out.destroy(badInput(where, `corrupt zip data (${messageOf(e)})`)));
    out.on('close', () => stream.destroy());
    stream.pipe(out);
  });
  return out;
}

function messageOf(error: unknown): string {
  return (error instanceof Error ? error.message : String(error)).replace(/\.$/, '');
}
