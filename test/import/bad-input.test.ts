// Issue #4 item 8: each bad input ends in one clear line naming the file and the problem (with a
// line or byte offset where there is one), code bad-input, and the database unchanged.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { App } from '../../src-main/app';
import { tempDbPath, tempDir } from '../helpers/temp';
import { dbDigest, importPath, testApp, TIKTOK } from './helpers';

const watch = (
  date: string,
  link = 'https://www.tiktokv.com/share/video/7431475397079860201/',
  extra = '',
) =>
  `{"Activity":{"Video Browsing History":{"VideoList":[{"Date":"${date}","Link":"${link}"${extra}}]}}}`;

const CASES: [string, string | Buffer, RegExp][] = [
  ['empty.json', '', /^empty\.json: the file is empty\.$/],
  [
    'truncated.json',
    watch('2024-11-02 10:00:00').slice(0, 60),
    /^truncated\.json: the file stops in the middle of the Watch History, around line 1: was it cut when you edited it\?$/,
  ],
  [
    'invalid.json',
    '{"Activity": {"Video Browsing History": [1,,2]}}',
    /^invalid\.json: the file is damaged in the Video Browsing History, around line 1 \(unexpected ','\): was it changed when you edited it\?$/,
  ],
  [
    'proto.json',
    '{"Activity":{"Like List":{"ItemFavoriteList":[{"__proto__":{"x":1}}]}}}',
    /^proto\.json: a "__proto__" key.*\(line 1, byte 47\)\.$/,
  ],
  [
    'constructor.json',
    '{"Activity":{"constructor":{}}}',
    /^constructor\.json: a "constructor" key/,
  ],
  ['escaped-proto.json', '{"Activity":{"\\u005f_proto__":{}}}', /"__proto__" key/],
  [
    'year9999.json',
    watch('9999-01-01 00:00:00'),
    /^year9999\.json: a date out of range "9999-01-01 00:00:00".*\(line 1, byte \d+\)\.$/,
  ],
  [
    'impossible-date.json',
    watch('2024-02-30 10:00:00'),
    /an impossible date "2024-02-30 10:00:00"/,
  ],
  [
    'negative.json',
    watch('2024-11-02 10:00:00', undefined, ',"Views":-3'),
    /an absurd number -3 in "Views"/,
  ],
  [
    'huge-number.json',
    watch('2024-11-02 10:00:00', undefined, ',"Views":1e400'),
    /an absurd number Infinity/,
  ],
  [
    'wrong-type.json',
    '{"Activity":{"Video Browsing History":{"VideoList":[{"Date":20241102,"Link":"x"}]}}}',
    /"Date" is number, expected text/,
  ],
  [
    'long-string.json',
    watch('2024-11-02 10:00:00', 'x'.repeat(10 * 1024 * 1024)),
    /a text value longer than 1 MB \(line 1, byte \d+\)\.$/,
  ],
  [
    'bad-utf8.json',
    Buffer.concat([
      Buffer.from('{"Activity":{"x":"'),
      Buffer.from([0xc3, 0x28]),
      Buffer.from('"}}'),
    ]),
    /^bad-utf8\.json: invalid UTF-8 \(byte 18\)\.$/,
  ],
  ['array.json', '[1,2,3]', /^array\.json: not a file Feedlens can read/],
  ['garbage.bin', Buffer.from([0, 1, 2, 3, 0xff, 0xfe]), /not a file Feedlens can read/],
  [
    'deep-object.json',
    `{"a":${'{"a":'.repeat(80)}1${'}'.repeat(81)}`,
    /nested deeper than 64 levels \(line 1, byte \d+\)\.$/,
  ],
  [
    'trailing.json',
    `${watch('2024-11-02 10:00:00')}]`,
    /unexpected '\]' after the end of the JSON/,
  ],
  [
    'deep.json',
    `${'['.repeat(100)}${']'.repeat(100)}`,
    /^deep\.json: not a file Feedlens can read/,
  ],
  [
    'Like List.txt',
    'Date: 2024-13-01 10:00:00\nLink: https://www.tiktokv.com/share/video/1/\n',
    /^Like List\.txt: an impossible date.*\(line 1\)\.$/,
  ],
  [
    'Browsing History.txt',
    Buffer.concat([
      Buffer.from('Date: 2024-11-01 10:00:00\nLink: '),
      Buffer.from([0xff]),
      Buffer.from('\n'),
    ]),
    /^Browsing History\.txt: invalid UTF-8 \(byte 32\)\.$/,
  ],
];

let app: App | undefined;
afterEach(() => app?.close());

describe('bad input', () => {
  for (const [name, content, message] of CASES) {
    it(`refuses ${name} with one clear line and writes nothing`, async () => {
      const dir = tempDir();
      const file = join(dir, name);
      writeFileSync(file, content);
      app = testApp(tempDbPath());
      await importPath(app, join(TIKTOK, 'g1/user_data.json'));
      const before = dbDigest(app.db);
      const result = await app.router.invoke('import/run', { path: file });
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.error.code).toBe('bad-input');
      expect(result.error.message).toMatch(message);
      expect(result.error.message).not.toContain('\n');
      expect(dbDigest(app.db)).toEqual(before);
    });
  }

  for (const [name, message] of [
    [
      'bad/zip-slip.zip',
      /^zip-slip\.zip: unsafe or malformed zip \(invalid relative path: \.\.\/\.\.\/evil\.json\)\.$/,
    ],
    [
      'bad/absolute-path.zip',
      /^absolute-path\.zip: unsafe or malformed zip \(absolute path: \/etc\/evil\.json\)\.$/,
    ],
    [
      'bad/bomb.zip',
      /^bomb\.zip › user_data_tiktok\.json: compressed more than 100:1 \(a zip bomb\?\)\.$/,
    ],
    ['bad/other-platform.zip', /is it another platform’s export\?$/],
    ['bad/nested.zip', /^nested\.zip: holds no TikTok export, Zeeschuimer capture or event log/],
    ['bad/instagram-likes.json', /^instagram-likes\.json: this is not a TikTok export/],
  ] as const) {
    it(`refuses ${name}`, async () => {
      app = testApp(tempDbPath());
      const before = dbDigest(app.db);
      const result = await app.router.invoke('import/run', { path: join(TIKTOK, name) });
      expect(result).toMatchObject({
        ok: false,
        error: { code: 'bad-input', message: expect.stringMatching(message) },
      });
      expect(dbDigest(app.db)).toEqual(before);
    });
  }

  it('names a missing path', async () => {
    app = testApp(tempDbPath());
    const result = await app.router.invoke('import/run', { path: join(tempDir(), 'nope.zip') });
    expect(result).toEqual({
      ok: false,
      error: { code: 'bad-input', message: 'nope.zip: no such file or folder.' },
    });
  });
});
