import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { EVENT_KINDS, EVIDENCE, TARGET_TYPES, type EventKind } from '../../src-main/domain/types';
import { COLUMNS } from '../../src-main/import/event-log-schema';
import { readEventLog, readEventLogSource } from '../../src-main/import/event-log';
import type { ImportBatch, ReadContext } from '../../src-main/import/types';
import { FIXED_NOW, tempDir } from '../helpers/temp';

const FIXTURES = fileURLToPath(new URL('../../fixtures', import.meta.url));
const fixture = (name: string) => join(FIXTURES, 'event-log', name);

/** Reads bytes handed over 5 at a time, so characters and rows straddle chunk boundaries. */
function read(
  text: string | Buffer,
  over: Partial<ReadContext> = {},
  chunk = 5,
): Promise<ImportBatch> {
  const bytes = Buffer.from(text);
  const chunks: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += chunk) chunks.push(bytes.subarray(i, i + chunk));
  return readEventLogSource(
    { name: 'log', size: bytes.length, open: () => Readable.from(chunks) },
    {
      fileName: 'run.csv',
      onProgress: () => {},
      signal: new AbortController().signal,
      nowMs: FIXED_NOW,
      ...over,
    },
  );
}

const kinds = (batch: ImportBatch) => {
  const counts: Partial<Record<EventKind, number>> = {};
  for (const e of batch.events) counts[e.kind] = (counts[e.kind] ?? 0) + 1;
  return counts;
};
const span = (batch: ImportBatch) => {
  const times = batch.events.map((e) => e.atMs);
  return [new Date(Math.min(...times)).toISOString(), new Date(Math.max(...times)).toISOString()];
};

describe('the sock-puppet example', () => {
  it('reads the CSV: exact counts per kind, users, items and time span', async () => {
    const batch = await readEventLog(fixture('sock-puppet.csv'));
    expect(batch.format).toBe('event-log-csv');
    expect(batch.datasetKind).toBe('event-log');
    expect(batch.events).toHaveLength(134);
    expect(kinds(batch)).toEqual({
      impression: 52,
      skip: 32,
      rewatch: 12,
      'not-interested': 8,
      watch: 8,
      like: 5,
      search: 2,
      'topic-control': 2,
      'keyword-filter': 2,
      share: 2,
      comment: 2,
      favorite: 2,
      unlike: 2,
      unfollow: 2,
      follow: 1,
    });
    expect(batch.events.filter((e) => e.user === 'puppet-cook')).toHaveLength(67);
    expect(batch.events.filter((e) => e.user === 'puppet-gamer')).toHaveLength(67);
    expect(span(batch)).toEqual(['2025-03-03T09:00:00.000Z', '2025-03-03T09:10:51.000Z']);
    expect(batch.items).toHaveLength(26);
    expect(batch.items.every((it) => it.creator !== null && it.topics.length > 0)).toBe(true);
    expect(batch.warnings).toEqual([]);
  });

  it('gives the identical batch from CSV and JSONL', async () => {
    const csv = await readEventLog(fixture('sock-puppet.csv'));
    const jsonl = await readEventLog(fixture('sock-puppet.jsonl'));
    expect(jsonl.format).toBe('event-log-jsonl');
    expect({ ...jsonl, format: 'event-log-csv' }).toEqual(csv);
  });

  it('reads quoted fields, zones, targets, levels and derived watch ratios', async () => {
    const batch = await readEventLog(fixture('sock-puppet.csv'));
    const pasta = batch.items.find((it) => it.caption?.startsWith('Pasta'))!;
    expect(pasta.caption).toBe('Pasta "alla nonna", the real one\nstep by step #recipe');
    expect(pasta.topics).toEqual(['cooking']);
    expect(batch.events[1]).toEqual({
      atMs: Date.parse('2025-03-03T09:00:20Z'),
      kind: 'topic-control',
      itemId: null,
      target: { type: 'topic', value: 'cooking' },
      watchS: null,
      watchRatio: null,
      level: 2,
      evidence: 'observed',
      user: 'puppet-cook',
    });
    const unfollow = batch.events.find((e) => e.kind === 'unfollow')!;
    expect(unfollow.target).toEqual({ type: 'creator', value: '@cooking_maker0' });
    const watch = batch.events.find((e) => e.kind === 'watch')!;
    const item = batch.items.find((it) => it.id === watch.itemId)!;
    expect(watch.watchRatio).toBeCloseTo(watch.watchS! / item.durationS!, 12);
  });
});

describe('the offline-evaluation example', () => {
  it('has at least 30 users with 40 events each over at least 150 items', async () => {
    const batch = await readEventLog(fixture('eval-small.jsonl'));
    const perUser = new Map<string, number>();
    for (const e of batch.events) perUser.set(e.user!, (perUser.get(e.user!) ?? 0) + 1);
    expect(perUser.size).toBe(36);
    expect(Math.min(...perUser.values())).toBeGreaterThanOrEqual(40);
    expect(batch.items).toHaveLength(180);
    expect(batch.events).toHaveLength(2438);
  });

  it('is what the seeded script writes', () => {
    const out = tempDir();
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/make-event-log.ts', out], {
      cwd: join(FIXTURES, '..'),
    });
    for (const name of ['sock-puppet.csv', 'sock-puppet.jsonl', 'eval-small.jsonl']) {
      expect(readFileSync(join(out, name)).equals(readFileSync(fixture(name)))).toBe(true);
    }
  });
});

describe('the documentation', () => {
  const doc = readFileSync(join(FIXTURES, '..', 'docs', 'EVENT-LOG.md'), 'utf8');
  const block = (lang: string) => new RegExp('```' + lang + '\\n([\\s\\S]*?)```').exec(doc)![1]!;

  it('has CSV and JSONL examples that read to the same events', async () => {
    const csv = await read(block('csv'));
    const jsonl = await read(block('json'));
    expect(csv.events).toHaveLength(6);
    expect(jsonl.events).toEqual(csv.events);
    expect(jsonl.items).toEqual(csv.items);
    expect(csv.events[3]!.watchRatio).toBeCloseTo(29.5 / 31, 12);
  });

  it('has a JSON Schema with the same columns and values as the reader', () => {
    const schema = JSON.parse(
      readFileSync(join(FIXTURES, '..', 'docs', 'event-log.schema.json'), 'utf8'),
    ) as {
      required: string[];
      properties: Record<string, { enum?: string[]; oneOf?: { enum?: string[] }[] }>;
    };
    expect(Object.keys(schema.properties)).toEqual([...COLUMNS]);
    expect(schema.required).toEqual(['time', 'kind']);
    expect(schema.properties.kind!.enum).toEqual([...EVENT_KINDS]);
    expect(schema.properties.target_type!.oneOf![0]!.enum).toEqual([...TARGET_TYPES]);
    expect(schema.properties.evidence!.oneOf![0]!.enum).toEqual([...EVIDENCE]);
  });
});

describe('rows the reader refuses, each with its line number', () => {
  const header = 'time,kind,user,item_id,watch_seconds,target_type,target,level,caption';
  const good = '2025-01-02T10:00:00Z,watch,a,7420605698581150797,3.5,,,,';
  const cases: [string, string, string][] = [
    ['a malformed time', '2025-01-02 10:00:00,watch,a,1,,,,,', 'line 3: time must be ISO 8601'],
    [
      'a time without a zone',
      '2025-01-02T10:00:00,watch,a,1,,,,,',
      'line 3: time must be ISO 8601',
    ],
    ['an impossible date', '2025-02-30T10:00:00Z,watch,a,1,,,,,', 'line 3: time must be ISO 8601'],
    [
      'a time before 2000',
      '1999-12-31T23:59:59Z,watch,a,1,,,,,',
      'line 3: time must be between 2000 and 2100',
    ],
    [
      'a time in the future',
      '2099-01-01T00:00:00Z,watch,a,1,,,,,',
      'line 3: time 2099-01-01T00:00:00.000Z is in the future',
    ],
    [
      'an unknown kind',
      '2025-01-02T10:00:00Z,view,a,1,,,,,',
      'line 3: kind must be one of impression',
    ],
    [
      'an id like 1e21',
      '2025-01-02T10:00:00Z,watch,a,1e21,,,,,',
      'line 3: item_id must be a decimal video id of 1 to 19 digits (got "1e21")',
    ],
    [
      'a negative id',
      '2025-01-02T10:00:00Z,watch,a,-5,,,,,',
      'line 3: item_id must be a decimal video id',
    ],
    [
      'a 20-digit id',
      '2025-01-02T10:00:00Z,watch,a,12345678901234567890,,,,,',
      'line 3: item_id must be a decimal video id',
    ],
    [
      'negative seconds',
      '2025-01-02T10:00:00Z,watch,a,1,-1,,,,',
      'line 3: watch_seconds must be at least 0',
    ],
    ['a missing item', '2025-01-02T10:00:00Z,like,a,,,,,,', 'line 3: a like needs an item_id'],
    [
      'a half target',
      '2025-01-02T10:00:00Z,search,a,,,query,,,',
      'line 3: target_type and target go together',
    ],
    [
      'a level out of place',
      '2025-01-02T10:00:00Z,watch,a,1,,,,1,',
      'line 3: level belongs to topic-control',
    ],
    [
      'a stray quote',
      '2025-01-02T10:00:00Z,watch,a,1,,,,,say "hi"',
      'line 3: field 9: a quote in an unquoted field',
    ],
    [
      'text after a closing quote',
      '2025-01-02T10:00:00Z,watch,a,1,,,,,"say"hi',
      'line 3: field 9: text after the closing quote',
    ],
    [
      'an unclosed quote',
      '2025-01-02T10:00:00Z,watch,a,1,,,,,"say hi\nmore,',
      'line 3: a quoted field is never closed',
    ],
    ['too few fields', '2025-01-02T10:00:00Z,watch,a,1', 'line 3: 4 fields, but the header has 9'],
  ];
  for (const [what, row, message] of cases) {
    it(`refuses ${what}`, async () => {
      await expect(read(`${header}\n${good}\n${row}\n${good}\n`)).rejects.toMatchObject({
        code: 'bad-input',
        message: expect.stringContaining(`run.csv: ${message}`),
      });
    });
  }

  it('refuses unknown, doubled and missing columns on line 1', async () => {
    await expect(read(`time,kind,__proto__\n`)).rejects.toThrow(
      'run.csv: line 1: unknown column "__proto__".',
    );
    await expect(read(`time,kind,kind\n`)).rejects.toThrow(
      'run.csv: line 1: column kind appears twice.',
    );
    await expect(read(`time,user\n`)).rejects.toThrow('run.csv: line 1: no kind column.');
  });

  it('refuses JSONL rows with a __proto__ key, a number id or bad JSON', async () => {
    const ok = '{"time":"2025-01-02T10:00:00Z","kind":"watch","item_id":"1"}';
    const bad = [
      [
        '{"time":"2025-01-02T10:00:00Z","kind":"watch","item_id":"1","__proto__":{"x":1}}',
        'unknown field "__proto__"',
      ],
      [
        '{"time":"2025-01-02T10:00:00Z","kind":"watch","item_id":7420605698581150797}',
        'item_id must be a string',
      ],
      ['{"time":"2025-01-02T10:00:00Z","kind":"watch",', 'not valid JSON'],
      ['["2025-01-02T10:00:00Z","watch"]', 'a row must be a JSON object'],
    ];
    for (const [row, message] of bad) {
      await expect(read(`${ok}\n\n${row}\n`)).rejects.toThrow(`run.csv: line 3: ${message}`);
    }
    expect(({} as Record<string, unknown>).x).toBeUndefined();
  });

  it('refuses an item described two ways', async () => {
    const rows = [
      'time,kind,item_id,creator',
      '2025-01-02T10:00:00Z,watch,1,@one',
      '2025-01-02T10:00:05Z,watch,1,one',
      '2025-01-02T10:00:09Z,watch,1,@two',
    ];
    await expect(read(rows.join('\r\n'))).rejects.toThrow(
      'run.csv: line 4: item 1 has creator @two, but line 2 gave @one.',
    );
  });

  it('names the byte offset of invalid UTF-8, and refuses an empty log', async () => {
    const bytes = Buffer.concat([Buffer.from('time,kind\n2025'), Buffer.from([0xff])]);
    await expect(read(bytes)).rejects.toThrow('run.csv: line 2: invalid UTF-8 at byte 14.');
    await expect(read('time,kind,item_id\r\n')).rejects.toThrow(
      'run.csv: the event log has no events.',
    );
    await expect(read('')).rejects.toThrow('run.csv: the event log has no events.');
  });

  it('names a missing file', async () => {
    const path = join(tempDir(), 'nope.csv');
    await expect(readEventLog(path)).rejects.toMatchObject({ code: 'not-found' });
  });
});

describe('rows the reader accepts', () => {
  it('reads a BOM, zones, a JSON null, array hashtags, defaults and carries users', async () => {
    const jsonl = [
      '\uFEFF{"time":"2025-01-02T11:00:00.5+01:00","kind":"watch","user":"p1","item_id":"7","watch_ratio":0.5,"duration_seconds":20,"hashtags":["#FoodTok","foodtok"],"language":"EN","evidence":null}',
      '{"time":"2025-01-02T10:00:01Z","kind":"follow","target_type":"creator","target":"chef"}',
    ].join('\n');
    const batch = await read(jsonl);
    expect(batch.events).toEqual([
      {
        atMs: Date.parse('2025-01-02T10:00:00.500Z'),
        kind: 'watch',
        itemId: '7',
        target: null,
        watchS: 10,
        watchRatio: 0.5,
        level: null,
        evidence: 'observed',
        user: 'p1',
      },
      {
        atMs: Date.parse('2025-01-02T10:00:01Z'),
        kind: 'follow',
        itemId: null,
        target: { type: 'creator', value: '@chef' },
        watchS: null,
        watchRatio: null,
        level: null,
        evidence: 'observed',
      },
    ]);
    expect(batch.items).toEqual([
      {
        id: '7',
        creator: null,
        sound: null,
        soundTitle: null,
        caption: null,
        hashtags: ['foodtok'],
        topics: ['cooking'],
        topicsInferred: false,
        durationS: 20,
        language: 'en',
        createdAtMs: null,
        stats: null,
        thumbnailUrl: null,
      },
    ]);
  });

  it('reports progress, says what the log lacks, and stops when cancelled', async () => {
    const big = `time,kind,item_id\n${'2025-01-02T10:00:00Z,watch,1\n'.repeat(4500)}`;
    const seen: number[] = [];
    const batch = await read(big, { onProgress: (p) => seen.push(p.records) }, 4096);
    expect(seen).toEqual([2000, 4000]);
    expect(batch.lacks).toEqual([
      'no watch times',
      '1 of 1 items have no metadata: their creators and topics stay unknown unless another dataset covers the same video ids',
    ]);
    const abort = new AbortController();
    abort.abort();
    await expect(read(big, { signal: abort.signal }, 4096)).rejects.toMatchObject({
      code: 'cancelled',
    });
  });
});
