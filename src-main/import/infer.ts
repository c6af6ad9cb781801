// From a reader's batch to stored events: sort, remove exact duplicates, cut sessions, estimate
// watch times from gaps, give ids. Pure: the same batch and gap give the same events.
import { topicsForText } from '../domain/taxonomy';
import { EVENT_KINDS, type FeedEvent, type Item } from '../domain/types';
import { INFERRED_WATCH_CAP_S } from './limits';
import { itemFromId } from './fields';
import type { ImportBatch, ImportedEvent } from './types';

export type Finalized = {
  events: FeedEvent[];
  items: Item[];
  duplicatesRemoved: number;
  /** Watches whose time was estimated from the gap to the next one. */
  inferredWatches: number;
};

const KIND_RANK = new Map<string, number>(EVENT_KINDS.map((k, i) => [k, i]));

export function finalize(batch: ImportBatch, sessionGapMs: number): Finalized {
  const sorted = sortEvents(batch.events);
  // Exact duplicates share a timestamp, so compare only within each run of equal times.
  const kept: ImportedEvent[] = [];
  let duplicatesRemoved = 0;
  let runStart = 0;
  for (const e of sorted) {
    if (kept.length > 0 && kept[kept.length - 1]!.atMs !== e.atMs) runStart = kept.length;
    let duplicate = false;
    for (let k = runStart; k < kept.length && !duplicate; k++) duplicate = sameEvent(kept[k]!, e);
    if (duplicate) duplicatesRemoved++;
    else kept.push(e);
  }

  const sessions = new Int32Array(kept.length);
  let session = 0;
  for (let i = 1; i < kept.length; i++) {
    if (kept[i]!.atMs - kept[i - 1]!.atMs >= sessionGapMs) session++;
    sessions[i] = session;
  }

  // Watch time = the gap to the next watch in the same session, capped (DataSkop's rule; the cap
  // is wrapped's). Only for watches that came without one, which is every watch in an export.
  const watchS = new Float64Array(kept.length).fill(Number.NaN);
  let inferredWatches = 0;
  let nextWatch = -1;
  for (let i = kept.length - 1; i >= 0; i--) {
    const e = kept[i]!;
    if (e.kind !== 'watch') continue;
    if (
      e.watchS === null &&
      e.evidence === 'inferred' &&
      nextWatch >= 0 &&
      sessions[nextWatch] === sessions[i]
    ) {
      watchS[i] = Math.min((kept[nextWatch]!.atMs - e.atMs) / 1000, INFERRED_WATCH_CAP_S);
      inferredWatches++;
    }
    nextWatch = i;
  }

  // Finished in place: a million events are not copied a second time.
  const width = Math.max(6, String(kept.length).length);
  const events = kept as unknown as FeedEvent[];
  for (let i = 0; i < kept.length; i++) {
    const e = events[i]!;
    e.id = `e${String(i).padStart(width, '0')}`;
    e.session = sessions[i]!;
    if (!Number.isNaN(watchS[i]!)) e.watchS = watchS[i]!;
  }
  return { events, items: completeItems(batch.items, events), duplicatesRemoved, inferredWatches };
}

/**
 * By time, then kind (a watch before the like it led to), then file order. Ties keep the order
 * the file implies: TikTok lists are usually newest first, so a kind whose entries run backwards
 * in the file has its same-second entries taken backwards too.
 */
function sortEvents(events: readonly ImportedEvent[]): ImportedEvent[] {
  const first = new Map<string, number>();
  const last = new Map<string, number>();
  for (const e of events) {
    if (!first.has(e.kind)) first.set(e.kind, e.atMs);
    last.set(e.kind, e.atMs);
  }
  const n = events.length;
  const at = new Float64Array(n);
  const rank = new Int32Array(n);
  const order = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const e = events[i]!;
    at[i] = e.atMs;
    rank[i] = KIND_RANK.get(e.kind)!;
    order[i] = first.get(e.kind)! > last.get(e.kind)! ? -i : i;
  }
  const idx = Array.from({ length: n }, (_, i) => i);
  idx.sort((a, b) => at[a]! - at[b]! || rank[a]! - rank[b]! || order[a]! - order[b]!);
  return idx.map((i) => events[i]!);
}

function sameEvent(a: ImportedEvent, b: ImportedEvent): boolean {
  return (
    a.kind === b.kind &&
    a.itemId === b.itemId &&
    a.target?.type === b.target?.type &&
    a.target?.value === b.target?.value &&
    a.watchS === b.watchS &&
    a.watchRatio === b.watchRatio &&
    a.level === b.level &&
    a.evidence === b.evidence &&
    a.user === b.user
  );
}

/** Every item an event names, once; a name no reader described becomes an id-only item. */
function completeItems(items: readonly Item[], events: readonly FeedEvent[]): Item[] {
  const byId = new Map<string, Item>();
  for (const it of items) {
    // What a caption and hashtags say, through the taxonomy; what they do not say stays unknown.
    const unmapped = it.topics.length === 0 && (it.caption !== null || it.hashtags.length > 0);
    byId.set(it.id, unmapped ? { ...it, topics: topicsForText(it.caption, it.hashtags) } : it);
  }
  for (const e of events)
    if (e.itemId !== null && !byId.has(e.itemId)) byId.set(e.itemId, itemFromId(e.itemId));
  return [...byId.values()].sort((a, b) =>
    a.id.length !== b.id.length
      ? a.id.length - b.id.length
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0,
  );
}
