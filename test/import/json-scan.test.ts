// The streaming scanner gives the same records and the same errors wherever chunks are cut.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { JsonScanner } from '../../src-main/import/json-scan';
import { TIKTOK } from './helpers';

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
