// A dataset's items as the engine should see them: what the dataset itself says, with gaps filled
// from items of the same video id in other datasets and from metadata added later (oEmbed, files;
// migration 0020). A TikTok export knows only ids; a Zeeschuimer capture of the same videos knows
// creators, sounds and hashtags (docs/IMPORT.md, Ids).
import { topicsForText } from '../domain/taxonomy';
import { bareItem, type Item } from '../domain/types';
import type { Db } from './connection';
import { rowToItem, type ItemRow } from './datasets';
import { metadataRowToItem, type MetadataRow } from './metadata';

/** The dataset's items, enriched from other datasets and added metadata, ordered by id as a number. */
export function loadCatalogue(db: Db, datasetId: string): Item[] {
  const others = db
    .prepare(
      `SELECT o.* FROM items d JOIN items o ON o.id = d.id AND o.dataset_id <> d.dataset_id
       WHERE d.dataset_id = ? ORDER BY o.id, o.dataset_id`,
    )
    .all(datasetId) as ItemRow[];
  const donors = new Map<string, Item[]>();
  for (const row of others) {
    const list = donors.get(row.id) ?? [];
    list.push(rowToItem(row));
    donors.set(row.id, list);
  }
  const added = db
    .prepare(
      `SELECT m.* FROM items d JOIN metadata m ON m.id = d.id
         JOIN metadata_files f ON f.id = m.file_id
       WHERE d.dataset_id = @dataset AND (f.dataset_id = @dataset OR f.dataset_id IS NULL)
       ORDER BY m.id, m.source, m.file_id`,
    )
    .all({ dataset: datasetId }) as MetadataRow[];
  for (const row of added) {
    const list = donors.get(row.id) ?? [];
    list.push(metadataRowToItem(row));
    donors.set(row.id, list);
  }
  // Row by row: a million row objects held at once, beside their items, doubled the load's peak.
  const own = db
    .prepare('SELECT * FROM items WHERE dataset_id = ? ORDER BY length(id), id')
    .iterate(datasetId) as IterableIterator<ItemRow>;
  const items: Item[] = [];
  for (const row of own) {
    const item = rowToItem(row);
    const list = donors.get(item.id);
    items.push(withTopics(list ? enrich(item, list) : item));
  }
  return items;
}

/**
 * Videos the dataset knows only from its added metadata (its own files and those attached to all
 * datasets, about videos it does not list), for its candidate pool; ordered by id as a number.
 * Another dataset's metadata never reaches it (migration 0060).
 */
export function loadAddedItems(db: Db, datasetId: string): Item[] {
  const rows = db
    .prepare(
      `SELECT m.* FROM metadata m JOIN metadata_files f ON f.id = m.file_id
       WHERE (f.dataset_id = @dataset OR f.dataset_id IS NULL)
         AND NOT EXISTS (SELECT 1 FROM items i WHERE i.dataset_id = @dataset AND i.id = m.id)
       ORDER BY length(m.id), m.id, m.source, m.file_id`,
    )
    .all({ dataset: datasetId }) as MetadataRow[];
  const byId = new Map<string, Item[]>();
  for (const row of rows) {
    const list = byId.get(row.id) ?? [];
    list.push(metadataRowToItem(row));
    byId.set(row.id, list);
  }
  return [...byId].map(([id, list]) => withTopics(enrich(bareItem(id, null), list)));
}

/**
 * Stored topics can be stale (computed before the taxonomy knew a language, or before a caption
 * was added): an item without topics but with words gets them from those words now.
 */
function withTopics(item: Item): Item {
  if (item.topics.length > 0 || (item.caption === null && item.hashtags.length === 0)) return item;
  const topics = topicsForText(item.caption, item.hashtags);
  return topics.length === 0 ? item : { ...item, topics };
}

/** Fills each unknown field from the most complete donor that knows it; known fields stay. */
function enrich(item: Item, donors: Item[]): Item {
  // Stable sort: equally complete donors keep their dataset-id order, so the result is repeatable.
  const ranked = [...donors].sort((a, b) => completeness(b) - completeness(a));
  const pick = <K extends keyof Item>(key: K, unknown: (v: Item[K]) => boolean): Item[K] => {
    if (!unknown(item[key])) return item[key];
    const donor = ranked.find((d) => !unknown(d[key]));
    return donor ? donor[key] : item[key];
  };
  const isNull = (v: unknown) => v === null;
  const isEmpty = (v: readonly string[]) => v.length === 0;
  return {
    id: item.id,
    creator: pick('creator', isNull),
    sound: pick('sound', isNull),
    soundTitle: pick('soundTitle', isNull),
    caption: pick('caption', isNull),
    hashtags: pick('hashtags', isEmpty),
    topics: pick('topics', isEmpty),
    topicsInferred: false,
    durationS: pick('durationS', isNull),
    language: pick('language', isNull),
    createdAtMs: pick('createdAtMs', isNull),
    stats: pick('stats', isNull),
    thumbnailUrl: pick('thumbnailUrl', isNull),
  };
}

function completeness(item: Item): number {
  const known = [
    item.creator,
    item.sound,
    item.soundTitle,
    item.caption,
    item.durationS,
    item.language,
    item.createdAtMs,
    item.stats,
    item.thumbnailUrl,
  ].filter((v) => v !== null).length;
  return known + (item.hashtags.length > 0 ? 1 : 0) + (item.topics.length > 0 ? 1 : 0);
}
