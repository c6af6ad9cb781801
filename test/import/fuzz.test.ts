// Issue #4 acceptance: at least 2,000 generated malformed inputs, each ending in a clear error or
// a valid import; after every error PRAGMA integrity_check is ok and the database is unchanged.
// Inputs are mutations of our valid fixtures (truncation, byte flips, inserted dangerous keys,
// huge numbers, wrong types, long strings, nested zips), through the real pipeline on a real file.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { tempDbPath, tempDir } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';

const SEEDS = [
  'g1/user_data.json',
  'g2/user_data.json',
  'g3/user_data_tiktok.json',
  'g4/user_data_tiktok.json',
  'written-twice/user_data_tiktok.json',
  'TikTok_Data_1730000000.zip',
  'bad/nested.zip',
  'txt-folders/Tiktok/Activity/Browsing History.txt',
  'txt-folders/Tiktok/Activity/Searches.txt',
  'txt-2020/Like List.txt',
  '../zeeschuimer/capture.ndjson',
  '../event-log/sock-puppet.csv',
  '../event-log/sock-puppet.jsonl',
].map((p) => ({ name: p.split('/').at(-1)!, bytes: readFileSync(join(TIKTOK, p)) }));

const INSERTS = [
  '"__proto__":{"polluted":1},',
  '"constructor":{"prototype":{}},',
  '"Date":"9999-12-31 23:59:59",',
  '"Date":-1,',
  '"Link":1e999,',
  '"Views":-42,',
  '"Link":["a"],',
  `"Link":"${'x'.repeat(1_100_000)}",`,
  '{',
  ']',
  '"',
  '\\u0000',
  '\n\n',
  'Date: 1970-01-01 00:00:00\n',
];

const mutation = fc.oneof(
  fc.record({
    kind: fc.constant('truncate' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
  }),
  fc.record({
    kind: fc.constant('flip' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    byte: fc.integer({ min: 0, max: 255 }),
    count: fc.integer({ min: 1, max: 4 }),
  }),
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.double({ min: 0, max: 1, noNaN: true }),
    text: fc.constantFrom(...INSERTS),
  }),
  fc.record({ kind: fc.constant('nest-zip' as const) }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(bytes: Buffer, m: Mutation): Buffer {
  const at = 'at' in m ? Math.floor(m.at * bytes.length) : 0;
  switch (m.kind) {
    case 'truncate':
      return bytes.subarray(0, at);
    case 'flip': {
      const out = Buffer.from(bytes);
      for (let k = 0; k < m.count && at + k < out.length; k++) out[at + k] = m.byte;
      return out;
    }
    case 'insert':
      return Buffer.concat([bytes.subarray(0, at), Buffer.from(m.text), bytes.subarray(at)]);
    case 'nest-zip':
      // A zip whose only member is our fixture zip: nothing readable at the top level.
      return readFileSync(join(TIKTOK, 'bad/nested.zip'));
  }
}

describe('fuzzing the importer', () => {
  it('ends every one of 2,000 malformed inputs in a clear error or a valid import', async () => {
    const dir = tempDir();
    const app = testApp(tempDbPath());
    await importPath(app, join(TIKTOK, 'g1/user_data.json'));
    let before = dbDigest(app.db);
    const outcomes = { imported: 0, refused: 0 };
    let n = 0;
    try {
      await fc.assert(
        fc.asyncProperty(fc.nat(SEEDS.length - 1), mutation, async (seed, m) => {
          const source = SEEDS[seed]!;
          const file = join(dir, `${n++}-${source.name}`);
          writeFileSync(file, mutate(source.bytes, m));
          const result = await app.router.invoke('import/run', { path: file });
          if (result.ok) {
            outcomes.imported++;
            expect(result.value.eventCount).toBeGreaterThan(0);
            before = dbDigest(app.db);
          } else {
            outcomes.refused++;
            expect(result.error.code).toBe('bad-input');
            expect(result.error.message.startsWith(`${n - 1}-`)).toBe(true);
            expect(result.error.message).not.toMatch(/\n| {4}at /);
            expect(dbDigest(app.db)).toEqual(before);
          }
          expect(before.integrity).toBe('ok');
        }),
        { numRuns: 2000, seed: 20260310 },
      );
    } finally {
      app.close();
    }
    expect(outcomes.imported + outcomes.refused).toBe(2000);
    expect(outcomes.refused).toBeGreaterThan(500);
  }, 180_000);
});
