// Turns validated event-log rows into an ImportBatch: events in file order, and one catalogue item
// per video id, assembled from the item columns of every row that mentions it.
import { topicsForText } from '../domain/taxonomy';
import type { Item, Target } from '../domain/types';
import { ITEM_COLUMNS, type Row } from './event-log-schema';
import { creatorHandle, hashtagName, itemFromId } from './fields';
import { LineError } from './lines';
import type { ImportBatch, ImportedEvent, ImportFormat } from './types';

type ItemColumn = (typeof ITEM_COLUMNS)[number];
type Draft = { item: Item; givenOn: Partial<Record<ItemColumn, { line: number; value: string }>> };

export class EventLogBuilder {
  private readonly events: ImportedEvent[] = [];
  private readonly drafts = new Map<string, Draft>();

  get count(): number {
    return this.events.length;
  }

  add(row: Row, line: number): void {
    const itemId = row.item_id ?? null;
    if (itemId !== null) this.describe(itemId, row, line);
    this.events.push({
      atMs: row.time,
      kind: row.kind,
      itemId,
      target: targetOf(row),
      watchS: row.watch_seconds ?? null,
      watchRatio: row.watch_ratio ?? null,
      level: row.level ?? null,
      evidence: row.evidence,
      ...(row.user === undefined ? {} : { user: row.user }),
    });
  }

  batch(format: ImportFormat): ImportBatch {
    const items = [...this.drafts.values()].map(({ item }) => ({
      ...item,
      topics: topicsForText(item.caption, item.hashtags),
    }));
    const durations = new Map(items.map((it) => [it.id, it.durationS]));
    // With the item's duration known, seconds and ratio say the same thing: fill in the other.
    const events = this.events.map((e) => {
      const duration = e.itemId === null ? null : (durations.get(e.itemId) ?? null);
      if (duration === null || (e.watchS === null) === (e.watchRatio === null)) return e;
      return e.watchS !== null
        ? { ...e, watchRatio: e.watchS / duration }
        : { ...e, watchS: e.watchRatio! * duration };
    });
    return {
      format,
      datasetKind: 'event-log',
      items,
      events,
      warnings: [],
      lacks: lacks(items, events),
    };
  }

  /** Records the row's item columns; a value that contradicts an earlier row is an error. */
  private describe(id: string, row: Row, line: number): void {
    let draft = this.drafts.get(id);
    if (!draft) {
      draft = { item: itemFromId(id), givenOn: {} };
      this.drafts.set(id, draft);
    }
    for (const column of ITEM_COLUMNS) {
      if (row[column] === undefined) continue;
      const value = normalise(column, row);
      // Hashtags are a set: the same tags in another order do not contradict.
      const key = Array.isArray(value) ? [...value].sort().join(' ') : String(value);
      const earlier = draft.givenOn[column];
      if (earlier && earlier.value !== key) {
        throw new LineError(
          line,
          `item ${id} has ${column} ${key}, but line ${earlier.line} gave ${earlier.value}`,
        );
      }
      draft.givenOn[column] ??= { line, value: key };
      setColumn(draft.item, column, value);
    }
  }
}

function normalise(column: ItemColumn, row: Row): string | string[] | number | null {
  switch (column) {
    case 'creator':
      return creatorHandle(row.creator!);
    case 'hashtags': {
      const raw = row.hashtags!;
      const names = (typeof raw === 'string' ? raw.split(/\s+/) : raw).map(hashtagName);
      return [...new Set(names.filter((n): n is string => n !== null))];
    }
    case 'language':
      return row.language!.toLowerCase();
    case 'duration_seconds':
      return row.duration_seconds!;
    default:
      return row[column]!;
  }
}

function setColumn(item: Item, column: ItemColumn, value: string | string[] | number | null): void {
  if (column === 'hashtags') item.hashtags = value as string[];
  else if (column === 'duration_seconds') item.durationS = value as number;
  else item[column] = value as string | null;
}

function targetOf(row: Row): Target | null {
  if (row.target_type === undefined || row.target === undefined) return null;
  const value =
    row.target_type === 'creator'
      ? creatorHandle(row.target)
      : row.target_type === 'hashtag'
        ? hashtagName(row.target)
        : row.target;
  return { type: row.target_type, value: value ?? row.target };
}

function lacks(items: Item[], events: ImportedEvent[]): string[] {
  const out: string[] = [];
  if (!events.some((e) => e.watchS !== null || e.watchRatio !== null)) out.push('no watch times');
  // The same test as the import summary's itemsWithoutMetadata.
  const bare = items.filter(
    (it) =>
      it.caption === null &&
      it.hashtags.length === 0 &&
      it.creator === null &&
      it.sound === null &&
      it.durationS === null,
  );
  if (bare.length > 0) {
    out.push(
      `${bare.length} of ${items.length} items have no metadata: their creators and topics stay unknown unless another dataset covers the same video ids`,
    );
  }
  return out;
}
