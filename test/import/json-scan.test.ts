// The streaming scanner gives the same records and the same errors wherever chunks are cut.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonScanner } from '../../src-main/import/json-scan';
import { tempDbPath, tempDir } from '../helpers/temp';
import { importPath, testApp, TIKTOK } from './helpers';

function scan(bytes: Buffer, chunk: number) {
  const got: [string, unknown, number][] = [];
  const scanner = new JsonScanner('f.json', {
    select: (path, kind) =>
      kind === 'array' && /List$/.test(path.at(-1) ?? '')
        ? { mode: 'elements', id: path.at(-1)! }
        : path.at(-1) === 'Content Preferences'
          ? { mode: 'whole', id: 'prefs' }
          : 'descend',
    onValues: (id, values, at) => values.forEach((v, k) => got.push([id, v, at.bytes[k]!])),
    onTrailing: () => false,
  });
  for (let i = 0; i < bytes.length; i += chunk) scanner.push(bytes.subarray(i, i + chunk));
  scanner.end();
  return got;
}

describe('JsonScanner', () => {
  const bytes = readFileSync(join(TIKTOK, 'g2/user_data.json'));
  const whole = scan(bytes, bytes.length);

  it('materialises the selected lists with each record’s byte offset', () => {
    expect(whole.filter(([id]) => id === 'VideoList')).toHaveLength(8);
    const [, first, offset] = whole.find(([id]) => id === 'ItemFavoriteList')!;
    expect(JSON.parse(bytes.toString('utf8', offset, bytes.indexOf('}', offset) + 1))).toEqual(
      first,
    );
    expect(whole.find(([id]) => id === 'prefs')![1]).toHaveProperty([
      'Keyword filters for videos in For You feed',
    ]);
  });

  it('gives the same result for every chunk size from 1 to 97 bytes', () => {
    for (let chunk = 1; chunk <= 97; chunk++) expect(scan(bytes, chunk)).toEqual(whole);
  });

  it('names the same byte for an error wherever the chunks are cut', () => {
    const bad = Buffer.from('{"a": [1, 2, tru]}');
    for (const chunk of [1, 3, 7, 100])
      expect(() => scan(bad, chunk)).toThrow("f.json: unexpected 't' (line 1, byte 13).");
  });

  it('reports a UTF-8 character split across chunks correctly', () => {
    const text = Buffer.from('{"ItemFavoriteList": [{"q": "café ☕ 😀"}]}');
    for (let chunk = 1; chunk <= 8; chunk++) {
      expect(scan(text, chunk)).toEqual([['ItemFavoriteList', { q: 'café ☕ 😀' }, 22]]);
    }
  });
});

describe('JsonScanner: repeated keys and UTF-16 (docs/IMPORT.md)', () => {
  it('refuses a section key repeated in the same object, naming it and its line', () => {
    const bad = Buffer.from('{"Activity": {"VideoList": [1],\n "VideoList": [2]}}');
    for (const chunk of [1, 5, 100])
      expect(() => scan(bad, chunk)).toThrow(
        'f.json: the key "VideoList" appears twice in the same object, so it is not clear which copy to read: keep one and import again (line 2, byte 33).',
      );
  });

  it('keeps the last copy of a key repeated inside a record, as JSON.parse does', () => {
    const text = '{"VideoList": [{"Date": "a", "Link": "x", "Date": "b"}]}';
    expect(scan(Buffer.from(text), 4)).toEqual([
      ['VideoList', (JSON.parse(text) as { VideoList: unknown[] }).VideoList[0], 15],
    ]);
    expect(scan(Buffer.from(text), 4)[0]![1]).toEqual({ Date: 'b', Link: 'x' });
  });

  it('reads a file saved as UTF-16 with a BOM, little- or big-endian, as its UTF-8 twin', () => {
    const bytes = readFileSync(join(TIKTOK, 'g2/user_data.json'));
    const records = scan(bytes, bytes.length).map(([id, value]) => [id, value]);
    const le = Buffer.from(`\uFEFF${bytes.toString('utf8')}`, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const utf16 of [le, be])
      for (const chunk of [2, 7, 64, utf16.length])
        expect(scan(utf16, chunk).map(([id, value]) => [id, value])).toEqual(records);
  });

  it('names a cut UTF-16 character in one sentence', () => {
    const cut = Buffer.from('\uFEFF{"a": 1}', 'utf16le').subarray(0, -1);
    expect(() => scan(cut, 64)).toThrow(
      /^f\.json: invalid UTF-16 \(a lone surrogate or a cut character\)/,
    );
  });
});

describe('import of a UTF-16 export', () => {
  it('imports TikTok JSON saved as UTF-16 with a BOM like the UTF-8 file', async () => {
    const utf8 = join(TIKTOK, 'g3/user_data_tiktok.json');
    const utf16 = join(tempDir(), 'user_data_tiktok.json');
    writeFileSync(utf16, Buffer.from(`\uFEFF${readFileSync(utf8, 'utf8')}`, 'utf16le'));
    const app = testApp(tempDbPath());
    const other = testApp(tempDbPath());
    try {
      const expected = await importPath(app, utf8);
      const got = await importPath(other, utf16);
      expect(got.format).toBe('tiktok-json');
      expect([got.eventCount, got.itemCount, got.from, got.to]).toEqual([
        expected.eventCount,
        expected.itemCount,
        expected.from,
        expected.to,
      ]);
    } finally {
      app.close();
      other.close();
    }
  });
});
