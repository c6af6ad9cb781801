// The candidate pool: every video a feed may draw from, and where each came from. A TikTok export
// names only the videos the person met, so its pool is those videos (the engine skips what was
// seen before the moment), videos known only from metadata files, and, when asked, the synthetic
// demo catalogue, always labelled as such.
import type { FeedEvent, Item, ItemId } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import { marksSeen } from './signals';

/**
 * `dataset`: the dataset's own videos (watched, liked, shared...); `added`: videos known only from
 * metadata files or captures, never mentioned by the dataset; `demo`: the synthetic catalogue.
 */
export const POOL_SOURCES = ['dataset', 'added', 'demo'] as const;
export type PoolSource = (typeof POOL_SOURCES)[number];

export type Pool = {
  items: Item[];
  /** Where items[i] came from. */
  sources: PoolSource[];
  /**
   * Pool videos an online lookup found deleted or private: they stay in the catalogue, so the
   * events about them still count in the profile, but no feed serves them (prepare the catalogue
   * with them as `unservable`).
   */
  unavailable: ReadonlySet<ItemId>;
};

/** The pool at one moment, so that an empty or thin feed can say why. */
export type PoolSummary = {
  /** Videos in the pool, by source. */
  size: Record<PoolSource, number>;
  /** Of all pool videos, those the person had not seen before this moment. */
  unseen: number;
  /** Of all pool videos, those with any caption, hashtag, creator or sound. */
  withMetadata: number;
  /** Videos left out of the pool because an online lookup found them deleted or private. */
  unavailable: number;
};

/**
 * The parts joined in order, each video once (the first part that has an id keeps it), with the
 * ones among `unavailable` marked.
 */
export function mergePool(
  parts: readonly { source: PoolSource; items: readonly Item[] }[],
  unavailable: ReadonlySet<ItemId> = new Set(),
): Pool {
  const taken = new Set<string>();
  const items: Item[] = [];
  const sources: PoolSource[] = [];
  for (const part of parts) {
    for (const item of part.items) {
      if (taken.has(item.id)) continue;
      taken.add(item.id);
      items.push(item);
      sources.push(part.source);
    }
  }
  return {
    items,
    sources,
    unavailable: new Set(items.filter((i) => unavailable.has(i.id)).map((i) => i.id)),
  };
}

/** Whether anything beyond the id is known that can place the video in a profile. */
export function hasMetadata(item: Item): boolean {
  return (
    item.caption !== null ||
    item.hashtags.length > 0 ||
    item.creator !== null ||
    item.sound !== null
  );
}

/**
 * Per catalogue item, 1 when an event before `atMs` marks it seen (the same events replay has
 * applied for a slate at `atMs`, and the same test, `marksSeen`).
 */
export function seenBefore(
  events: readonly FeedEvent[],
  catalogue: PreparedCatalogue,
  atMs: number,
): Uint8Array {
  const seen = new Uint8Array(catalogue.size);
  for (const e of events) {
    if (e.atMs >= atMs || !marksSeen(e)) continue;
    const idx = catalogue.indexOf.get(e.itemId!);
    if (idx !== undefined) seen[idx] = 1;
  }
  return seen;
}

/**
 * The pool's size by source, how much of it was unseen at `atMs`, and how much has metadata.
 * `catalogue` is the pool's items prepared in order (item i of the pool is catalogue item i).
 */
export function summarisePool(
  pool: Pool,
  catalogue: PreparedCatalogue,
  events: readonly FeedEvent[],
  atMs: number,
): PoolSummary {
  const size: Record<PoolSource, number> = { dataset: 0, added: 0, demo: 0 };
  const seen = seenBefore(events, catalogue, atMs);
  let unseen = 0;
  let withMetadata = 0;
  pool.items.forEach((item, i) => {
    if (pool.unavailable.has(item.id)) return;
    size[pool.sources[i]!]++;
    if (seen[i] === 0) unseen++;
    if (hasMetadata(item)) withMetadata++;
  });
  return { size, unseen, withMetadata, unavailable: pool.unavailable.size };
}
