// A prepared catalogue: per-item dimension lists, popularity, creation time and inverted indices,
// built once per catalogue and reused by every slate (the bench counts it separately).
import type { Item, ItemId } from '../domain/types';
import { TOPICS } from '../domain/taxonomy';
import { DIM_TYPE_CODE, dimKey, itemDims, type DimTable } from './dims';
import { compareIds } from './format';

export type CoEngagement = {
  /** CSR: neighbours of item i are nbr[start[i] .. start[i+1]) with weights w (cosine of co-counts). */
  start: Int32Array;
  nbr: Int32Array;
  w: Float64Array;
};

export type PreparedCatalogue = {
  items: readonly Item[];
  size: number;
  indexOf: ReadonlyMap<ItemId, number>;
  dims: DimTable;
  /** CSR over items: the item's dimensions (ids into `dims`), their types and splits. */
  dimStart: Int32Array;
  dimId: Int32Array;
  dimType: Uint8Array;
  dimSplit: Float64Array;
  creatorDim: Int32Array;
  soundDim: Int32Array;
  languageDim: Int32Array;
  /** log1p(count) / log1p(max count) ∈ [0, 1]; 0 when unknown. */
  popularity: Float64Array;
  /** Creation time in epoch ms, NaN when unknown (from createdAtMs, else the id: id >> 32 seconds). */
  createdAtMs: Float64Array;
  /** Items by popularity (desc), ties by id. */
  byPopularity: Int32Array;
  /**
   * Item index → its place in numeric id order (equal ids share a place), so that slates break
   * ties by id with an integer comparison instead of comparing id strings.
   */
  idRank: Int32Array;
  /** dim id → items carrying it, by popularity (desc), ties by id. */
  byDim: readonly (Int32Array | undefined)[];
  /**
   * 1 for items a feed may serve, 0 for those it never may (deleted or private videos): these
   * still count in the profile, but no candidate source lists them (not byPopularity, byDim,
   * exploration or co-engagement).
   */
  servable: Uint8Array;
  coEngagement: CoEngagement | null;
};

export type PrepareOptions = {
  /** Interaction counts per item (overrides stats.plays; evaluate passes training counts). */
  popularityCounts?: ReadonlyMap<ItemId, number>;
  /** Groups of items engaged together (sessions, users' histories), for co-engagement. */
  interactions?: readonly (readonly ItemId[])[];
  /** Pairs are counted within this many positions of each other in a group (OURS: 10). */
  coWindow?: number;
  /** Neighbours kept per item (OURS: 50). */
  coNeighbours?: number;
  /** Items that can never be served (an online lookup found them deleted or private). */
  unservable?: ReadonlySet<ItemId>;
};

/** TikTok launched internationally in 2017 (musical.ly ids from 2014): earlier id times are not times. */
// 2014-01-01T00:00:00Z in epoch ms.
const MIN_PLAUSIBLE_ID_MS = 1_388_534_400_000;

/**
 * A TikTok video id encodes its creation time: `id >> 32` is Unix seconds (PRODUCT.md). Returns
 * epoch ms, or NaN when the id is not a decimal string or decodes to an implausible time.
 */
function createdAtFromId(id: string): number {
  if (!/^\d{1,19}$/.test(id)) return Number.NaN;
  const seconds = Number(BigInt(id) >> 32n);
  const ms = seconds * 1000;
  return ms >= MIN_PLAUSIBLE_ID_MS ? ms : Number.NaN;
}

export function prepareCatalogue(
  items: readonly Item[],
  options: PrepareOptions = {},
): PreparedCatalogue {
  const n = items.length;
  const indexOf = new Map<ItemId, number>();
  items.forEach((item, i) => indexOf.set(item.id, i));

  const ids = new Map<string, number>();
  const keys: string[] = [];
  const types: number[] = [];
  const intern = (key: string, type: number): number => {
    let id = ids.get(key);
    if (id === undefined) {
      id = keys.length;
      ids.set(key, id);
      keys.push(key);
      types.push(type);
    }
    return id;
  };
  for (const topic of TOPICS) intern(dimKey('topic', topic.id), DIM_TYPE_CODE.topic);

  const dimStart = new Int32Array(n + 1);
  const idList: number[] = [];
  const typeList: number[] = [];
  const splitList: number[] = [];
  const creatorDim = new Int32Array(n).fill(-1);
  const soundDim = new Int32Array(n).fill(-1);
  const languageDim = new Int32Array(n).fill(-1);
  const createdAtMs = new Float64Array(n);
  const counts = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const item = items[i]!;
    dimStart[i] = idList.length;
    for (const d of itemDims(item)) {
      const id = intern(d.key, DIM_TYPE_CODE[d.type]);
      idList.push(id);
      typeList.push(DIM_TYPE_CODE[d.type]);
      splitList.push(d.split);
      if (d.type === 'creator') creatorDim[i] = id;
      else if (d.type === 'sound') soundDim[i] = id;
      else if (d.type === 'language') languageDim[i] = id;
    }
    createdAtMs[i] = item.createdAtMs ?? createdAtFromId(item.id);
    counts[i] = options.popularityCounts?.get(item.id) ?? item.stats?.plays ?? 0;
  }
  dimStart[n] = idList.length;

  let maxLog = 0;
  for (let i = 0; i < n; i++) maxLog = Math.max(maxLog, Math.log1p(Math.max(0, counts[i]!)));
  const popularity = new Float64Array(n);
  for (let i = 0; i < n; i++)
    popularity[i] = maxLog > 0 ? Math.log1p(Math.max(0, counts[i]!)) / maxLog : 0;

  const servable = new Uint8Array(n);
  for (let i = 0; i < n; i++) servable[i] = options.unservable?.has(items[i]!.id) ? 0 : 1;
  const order = Array.from({ length: n }, (_, i) => i).filter((i) => servable[i] === 1);
  // Equal popularity (always, when no play counts are known: an export with oEmbed captions) goes
  // newest first: sources should reach recent videos ("recent in your region", TikTok 2022; X
  // 2026 sources only posts under 48 h), and ties by id alone put the oldest first, so an
  // export's sources filled up with year-old videos (docs/ALGORITHM.md §9).
  const posted = (i: number): number =>
    Number.isNaN(createdAtMs[i]!) ? Number.NEGATIVE_INFINITY : createdAtMs[i]!;
  order.sort(
    (a, b) =>
      popularity[b]! - popularity[a]! ||
      posted(b) - posted(a) ||
      compareIds(items[a]!.id, items[b]!.id),
  );
  const byPopularity = Int32Array.from(order);

  const byId = Array.from({ length: n }, (_, i) => i).sort((a, b) =>
    compareIds(items[a]!.id, items[b]!.id),
  );
  const idRank = new Int32Array(n);
  for (let r = 1; r < n; r++) {
    const same = items[byId[r]!]!.id === items[byId[r - 1]!]!.id;
    idRank[byId[r]!] = idRank[byId[r - 1]!]! + (same ? 0 : 1);
  }

  const lists: number[][] = [];
  for (const i of order) {
    for (let p = dimStart[i]!; p < dimStart[i + 1]!; p++) {
      const d = idList[p]!;
      (lists[d] ??= []).push(i);
    }
  }
  const byDim: (Int32Array | undefined)[] = new Array(keys.length);
  for (let d = 0; d < keys.length; d++)
    byDim[d] = lists[d] ? Int32Array.from(lists[d]!) : undefined;

  return {
    items,
    size: n,
    indexOf,
    dims: { ids, keys, types: Uint8Array.from(types) },
    dimStart,
    dimId: Int32Array.from(idList),
    dimType: Uint8Array.from(typeList),
    dimSplit: Float64Array.from(splitList),
    creatorDim,
    soundDim,
    languageDim,
    popularity,
    createdAtMs,
    byPopularity,
    idRank,
    byDim,
    servable,
    coEngagement: options.interactions
      ? buildCoEngagement(
          n,
          indexOf,
          options.interactions,
          options.coWindow ?? 10,
          options.coNeighbours ?? 50,
          items,
        )
      : null,
  };
}

/**
 * Item–item co-engagement: c(i, j) = number of groups where i and j occur within `window`
 * positions; weight = c(i, j) / sqrt(n_i · n_j) (cosine), keeping the top `keep` per item.
 */
function buildCoEngagement(
  n: number,
  indexOf: ReadonlyMap<ItemId, number>,
  groups: readonly (readonly ItemId[])[],
  window: number,
  keep: number,
  items: readonly Item[],
): CoEngagement {
  const pairs = new Map<number, Map<number, number>>();
  const occ = new Float64Array(n);
  for (const group of groups) {
    const idx = group.map((id) => indexOf.get(id) ?? -1);
    for (let a = 0; a < idx.length; a++) {
      const i = idx[a]!;
      if (i < 0) continue;
      occ[i]! += 1;
      for (let b = a + 1; b < Math.min(idx.length, a + 1 + window); b++) {
        const j = idx[b]!;
        if (j < 0 || j === i) continue;
        bump(pairs, i, j);
        bump(pairs, j, i);
      }
    }
  }
  const start = new Int32Array(n + 1);
  const nbr: number[] = [];
  const w: number[] = [];
  for (let i = 0; i < n; i++) {
    start[i] = nbr.length;
    const row = pairs.get(i);
    if (!row) continue;
    const scored = [...row].map(([j, c]) => [j, c / Math.sqrt(occ[i]! * occ[j]!)] as const);
    scored.sort((x, y) => y[1] - x[1] || compareIds(items[x[0]]!.id, items[y[0]]!.id));
    for (const [j, s] of scored.slice(0, keep)) {
      nbr.push(j);
      w.push(s);
    }
  }
  start[n] = nbr.length;
  return { start, nbr: Int32Array.from(nbr), w: Float64Array.from(w) };
}

function bump(pairs: Map<number, Map<number, number>>, i: number, j: number): void {
  let row = pairs.get(i);
  if (!row) pairs.set(i, (row = new Map()));
  row.set(j, (row.get(j) ?? 0) + 1);
}
