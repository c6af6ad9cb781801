import { createReadStream, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { cachedDataset } from '../../src-main/operations/loaded';
import type { Context } from '../../src-main/operations/context';
import { loadAddedItems, loadCatalogue } from '../../src-main/db/catalogue';
import { metadataOf, writeMetadata } from '../../src-main/db/metadata';
import { type Db, openDatabase } from '../../src-main/db/connection';
import { insertDataset } from '../../src-main/db/datasets';
import { bareItem, type DatasetKind, type Item } from '../../src-main/domain/types';
import { readZeeschuimer } from '../../src-main/import/zeeschuimer';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const bare = (id: string): Item => bareItem(id, null);

let db: Db | undefined;
afterEach(() => db?.close());

function open(): Db {
  db = openDatabase(tempDbPath());
  return db;
}

function add(d: Db, id: string, kind: DatasetKind, items: Item[]): void {
  insertDataset(
    d,
    { id, name: id, kind, sourceSha256: null, createdAt: '2026-03-10T12:00:00.000Z', warnings: [] },
    items,
    [],
  );
}

describe('loadCatalogue', () => {
  it('fills what a dataset lacks from other datasets, keeping what it knows', () => {
    const d = open();
    add(d, 'export', 'tiktok-export', [
      bare('7420605698581150797'),
      { ...bare('7421255099413710332'), caption: 'my own caption' },
      bare('5'),
    ]);
    add(d, 'capture', 'zeeschuimer', [
      {
        ...bare('7420605698581150797'),
        creator: '@pastapal',
        hashtags: ['cooking'],
        topics: ['cooking'],
        durationS: 8,
      },
      { ...bare('7421255099413710332'), caption: 'their caption', creator: '@lou' },
      { ...bare('999'), creator: '@not-in-the-export' },
    ]);
    const items = loadCatalogue(d, 'export');
    expect(items.map((it) => it.id)).toEqual(['5', '7420605698581150797', '7421255099413710332']);
    expect(items[0]).toEqual(bare('5'));
    expect(items[1]).toMatchObject({
      creator: '@pastapal',
      hashtags: ['cooking'],
      topics: ['cooking'],
      durationS: 8,
    });
    expect(items[2]).toMatchObject({ caption: 'my own caption', creator: '@lou' });
    // The donor dataset itself is untouched.
    expect(loadCatalogue(d, 'capture').find((it) => it.id === '7421255099413710332')?.caption).toBe(
      'their caption',
    );
  });

  it('prefers the most complete donor, field by field, and orders ids as numbers', () => {
    const d = open();
    add(d, 'a-thin', 'event-log', [{ ...bare('10'), creator: '@thin', language: 'nl' }]);
    add(d, 'b-rich', 'zeeschuimer', [
      { ...bare('10'), creator: '@rich', sound: '1', caption: 'rich', durationS: 30 },
    ]);
    add(d, 'target', 'tiktok-export', [bare('100'), bare('10'), bare('9')]);
    const items = loadCatalogue(d, 'target');
    expect(items.map((it) => it.id)).toEqual(['9', '10', '100']);
    expect(items[1]).toMatchObject({
      creator: '@rich',
      sound: '1',
      caption: 'rich',
      language: 'nl',
    });
  });

  it('gives a TikTok export the metadata of a Zeeschuimer capture through cachedDataset', async () => {
    const d = open();
    const path = fileURLToPath(
      new URL('../../fixtures/zeeschuimer/capture.ndjson', import.meta.url),
    );
    const capture = await readZeeschuimer(
      { name: 'capture.ndjson', size: statSync(path).size, open: () => createReadStream(path) },
      {
        fileName: 'capture.ndjson',
        onProgress: () => {},
        signal: new AbortController().signal,
        nowMs: FIXED_NOW,
      },
    );
    add(d, 'capture', 'zeeschuimer', capture.items);
    add(d, 'export', 'tiktok-export', [bare('7421904496894529327'), bare('1')]);
    // cachedDataset needs only the database and the loaded-datasets cache of a context.
    const ctx = { db: d, loaded: new Map() } as unknown as Context;
    const { items, summary } = cachedDataset(ctx, 'export');
    expect(summary.itemCount).toBe(2);
    expect(items[0]).toEqual(bare('1'));
    expect(items[1]).toMatchObject({
      creator: '@barkbuddy',
      caption: 'My dog learned a new trick (part 2)',
      topics: ['pets'],
    });
  });

  it('fills gaps from added metadata (any source), keeps what the dataset knows, and adds a thumbnail', () => {
    const d = open();
    add(d, 'export', 'tiktok-export', [
      bare('7420605698581150797'),
      { ...bare('7421255099413710332'), creator: '@own' },
    ]);
    writeMetadata(
      d,
      'oembed',
      [
        {
          ...metadataOf(bare('7420605698581150797')),
          caption: 'pasta night #cooking',
          creator: '@pastapal',
          hashtags: ['cooking'],
          thumbnailUrl: 'https://p16.example/t.jpg',
        },
        { ...metadataOf(bare('7421255099413710332')), creator: '@theirs', caption: 'hi' },
      ],
      1,
    );
    writeMetadata(d, 'csv', [{ ...metadataOf(bare('7420605698581150797')), durationS: 12 }], 2);
    const [first, second] = loadCatalogue(d, 'export');
    expect(first).toMatchObject({
      caption: 'pasta night #cooking',
      creator: '@pastapal',
      hashtags: ['cooking'],
      topics: ['cooking'],
      durationS: 12,
      thumbnailUrl: 'https://p16.example/t.jpg',
    });
    expect(second).toMatchObject({ creator: '@own', caption: 'hi' });
  });

  it('recomputes stale empty topics from the words an item now has', () => {
    const d = open();
    // Stored before the taxonomy (or a caption) could map it: topics empty, hashtags known.
    add(d, 'capture', 'zeeschuimer', [{ ...bare('10'), hashtags: ['cooking'], topics: [] }]);
    add(d, 'export', 'tiktok-export', [bare('10'), bare('11')]);
    writeMetadata(d, 'csv', [{ ...metadataOf(bare('11')), caption: 'my dog #pets' }], 1);
    expect(loadCatalogue(d, 'capture')[0]!.topics).toEqual(['cooking']);
    const items = loadCatalogue(d, 'export');
    expect(items.map((it) => it.topics)).toEqual([['cooking'], ['pets']]);
  });

  it('loadAddedItems lists videos only metadata knows, merged across sources, by id as a number', () => {
    const d = open();
    add(d, 'export', 'tiktok-export', [bare('5')]);
    writeMetadata(
      d,
      'zeeschuimer',
      [
        { ...metadataOf(bare('5')), creator: '@listed' },
        { ...metadataOf(bare('100')), creator: '@cap', hashtags: ['pets'] },
        { ...metadataOf(bare('20')), caption: 'twenty' },
      ],
      1,
    );
    writeMetadata(d, 'ytdlp', [{ ...metadataOf(bare('100')), durationS: 30 }], 2);
    const added = loadAddedItems(d, 'export');
    expect(added.map((it) => it.id)).toEqual(['20', '100']);
    expect(added[1]).toMatchObject({ creator: '@cap', durationS: 30, topics: ['pets'] });
  });
});
