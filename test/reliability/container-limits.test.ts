// Issue #11, limits of what holds an export: a folder or zip over 2 GB and over 10,000 files is
// refused from the sizes and counts it lists, before a byte of its files is read, and a record
// over 4 MB while it is read. Each refusal is one line and leaves the database as it was.
import { mkdirSync, truncateSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { MAX_MEMBERS, MAX_TOTAL_BYTES } from '../../src-main/import/limits';
import { tempDbPath, tempDir } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from '../import/helpers';

const dir = tempDir();
let app: App;

beforeAll(async () => {
  app = testApp(tempDbPath());
  await importPath(app, join(TIKTOK, 'g2/user_data.json'));
});

/** import/run's answer, checking that the database is the same before and after. */
async function refusal(path: string) {
  const before = dbDigest(app.db);
  const started = performance.now();
  const result = await app.router.invoke('import/run', { path });
  const ms = performance.now() - started;
  expect(dbDigest(app.db)).toEqual(before);
  return { result, ms };
}

type Member = { name: string; size: number; data: Buffer };

/**
 * A zip archive as its central directory describes it: each member's declared uncompressed size
 * is `size` (deflated, method 8), its data `data`. The importer refuses on the directory alone, so
 * the data is never inflated and need not be real deflate output.
 */
function zipOf(members: Member[]): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const { name, size, data } of members) {
    const nameBytes = Buffer.from(name);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(nameBytes.length, 26);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4); // made by
    entry.writeUInt16LE(20, 6); // version needed
    entry.writeUInt16LE(8, 10);
    entry.writeUInt16LE(0x21, 14);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(size, 24);
    entry.writeUInt16LE(nameBytes.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, nameBytes, data);
    central.push(entry, nameBytes);
    offset += local.length + nameBytes.length + data.length;
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(members.length, 8);
  end.writeUInt16LE(members.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

describe('the largest export in a folder or zip', () => {
  it('refuses a folder over 2 GB from its files’ sizes, without reading them', async () => {
    const folder = join(dir, 'export');
    mkdirSync(folder);
    for (const name of ['a.json', 'b.json']) {
      writeFileSync(join(folder, name), '{');
      truncateSync(join(folder, name), MAX_TOTAL_BYTES / 2 + 1); // sparse
    }
    const { result, ms } = await refusal(folder);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: 'export: the folder holds more than 2 GB, the most one import reads.',
      },
    });
    expect(ms).toBeLessThan(500);
  });

  it('refuses a zip whose members would expand to more than 2 GB, before inflating any', async () => {
    // 21 members of 100 MB, each compressed 91:1 (under the 100:1 ratio): 2.1 GB in all.
    const members = Array.from({ length: 21 }, (_, i) => ({
      name: `part-${i}.json`,
      size: 100 * 1024 * 1024,
      data: Buffer.alloc(1_100_000, i),
    }));
    const file = join(dir, 'big.zip');
    writeFileSync(file, zipOf(members));
    const { result } = await refusal(file);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: 'big.zip: the zip would expand to more than 2 GB (a zip bomb?).',
      },
    });
  });
});

describe('files in a folder or zip', () => {
  it(`refuses a folder of more than ${MAX_MEMBERS} files`, async () => {
    const folder = join(dir, 'many');
    mkdirSync(folder);
    for (let i = 0; i <= MAX_MEMBERS; i++) writeFileSync(join(folder, `${i}.txt`), '');
    const { result } = await refusal(folder);
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'many: more than 10000 files in the folder.' },
    });
  }, 60_000);

  it(`refuses a zip of more than ${MAX_MEMBERS} files from its directory's count`, async () => {
    const members = Array.from({ length: MAX_MEMBERS + 1 }, (_, i) => ({
      name: `${i}.txt`,
      size: 0,
      data: Buffer.alloc(0),
    }));
    const file = join(dir, 'many.zip');
    writeFileSync(file, zipOf(members));
    const { result } = await refusal(file);
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'bad-input',
        message: 'many.zip: the zip holds 10001 files, more than the 10000 an export can have.',
      },
    });
  });
});

describe('one record', () => {
  // An 8 MB record: the check runs at the end of each 1 MiB chunk read, so a record may pass 4 MB
  // by less than a chunk before it is refused.
  it('refuses a record over 4 MB in TikTok’s JSON while reading it', async () => {
    const padding = Array.from({ length: 4_000_000 }, () => '0').join(',');
    const file = join(dir, 'big-record.json');
    writeFileSync(
      file,
      `{"Activity":{"Like List":{"ItemFavoriteList":[{"Date":"2024-11-02 10:00:00","Link":"x","pad":[${padding}]}]}}}`,
    );
    const { result } = await refusal(file);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'bad-input',
        message: expect.stringMatching(
          /^big-record\.json: a record larger than 4 MB \(line 1, byte \d+\)\.$/,
        ),
      },
    });
  });
});
