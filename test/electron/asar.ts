// Reads an app.asar archive without Electron: the format is a pickled JSON header (sizes as
// little-endian uint32s) followed by the file bodies. Enough to list and extract a packaged app.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

type Entry = { files?: Record<string, Entry>; size?: number; offset?: string; unpacked?: boolean };
export type AsarFile = { path: string; unpacked: boolean; offset: number; size: number };

export function listAsar(archive: string): AsarFile[] {
  const buffer = readFileSync(archive);
  const headerPickleSize = buffer.readUInt32LE(4);
  const headerLength = buffer.readUInt32LE(12);
  const header = JSON.parse(buffer.subarray(16, 16 + headerLength).toString('utf8')) as Entry;
  const walk = (entry: Entry, prefix: string): AsarFile[] =>
    Object.entries(entry.files ?? {}).flatMap(([name, child]) =>
      child.files
        ? walk(child, `${prefix}${name}/`)
        : [
            {
              path: `${prefix}${name}`,
              unpacked: child.unpacked === true,
              offset: 8 + headerPickleSize + Number(child.offset ?? 0),
              size: child.size ?? 0,
            },
          ],
    );
  return walk(header, '');
}

export function readAsarFile(archive: string, path: string): Buffer {
  const file = listAsar(archive).find((f) => f.path === path);
  if (!file) throw new Error(`${path} is not in ${archive}`);
  if (file.unpacked) return readFileSync(join(`${archive}.unpacked`, path));
  return readFileSync(archive).subarray(file.offset, file.offset + file.size);
}

/** Writes every file of the archive (unpacked ones from `<archive>.unpacked`) under `dest`. */
export function extractAsar(archive: string, dest: string): void {
  const buffer = readFileSync(archive);
  for (const file of listAsar(archive)) {
    const target = join(dest, file.path);
    mkdirSync(dirname(target), { recursive: true });
    if (file.unpacked) copyFileSync(join(`${archive}.unpacked`, file.path), target);
    else writeFileSync(target, buffer.subarray(file.offset, file.offset + file.size));
  }
}
