// Candidate generation with provenance. Sources: interest match on the strongest profile
// dimensions, followed creators, co-engagement, popular in the viewer's language, and seeded
// exploration outside the profile. Every candidate keeps every source that produced it.
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { DIM_TYPE_CODE } from './dims';
import { compareStrings } from './format';
import type { Rng } from './random';
import type { ProfileStore } from './store';

export const SOURCES = ['interest', 'followed', 'co-engagement', 'popular', 'explore'] as const;
export type Source = (typeof SOURCES)[number];
export const SOURCE_BIT: Record<Source, number> = {
  interest: 1,
  followed: 2,
  'co-engagement': 4,
  popular: 8,
  explore: 16,
};

export type Candidate = {
  idx: number;
  /** Bit set of SOURCE_BIT. */
  mask: number;
  /** Flat pairs (source bit, reference): the dimension id, the seed item index, or −1. */
  origins: number[];
};

export type CandidateView = {
  catalogue: PreparedCatalogue;
  store: ProfileStore;
  config: EngineConfig;
  nowMs: number;
  decayRate: number;
  /** 1 for each catalogue item seen so far (Viewer.seen). */
  seen: Uint8Array;
  coScores: ReadonlyMap<number, number>;
};

export type CandidateSet = { list: Candidate[]; byIdx: Map<number, Candidate> };

function valueOf(view: CandidateView, id: number): number {
  const s = view.store;
  if (id >= s.has.length || !s.has[id]) return 0;
  const age = view.nowMs - s.at[id]!;
  return age === 0 ? s.w[id]! : s.w[id]! * Math.exp(-age * view.decayRate);
}

type Strong = { id: number; value: number; key: string };

/** (value, key) ranks before b: the larger value, ties by key. */
const before = (value: number, key: string, b: Strong): boolean =>
  value > b.value || (value === b.value && key < b.key);

/** Inserts the dimension into `top` (sorted, at most n long) if it is among the n strongest. */
function offer(top: Strong[], n: number, id: number, value: number, key: string): void {
  if (top.length === n && !before(value, key, top[n - 1]!)) return;
  // Insertion into the short sorted list (n is small: the interest quota).
  let at = top.length;
  while (at > 0 && before(value, key, top[at - 1]!)) at--;
  top.splice(at, 0, { id, value, key });
  if (top.length > n) top.pop();
}

const INTEREST_TYPES = new Set([
  DIM_TYPE_CODE.topic,
  DIM_TYPE_CODE.hashtag,
  DIM_TYPE_CODE.creator,
  DIM_TYPE_CODE.sound,
]);

/**
 * The n strongest positive interest dimensions and the strongest language at the view's time,
 * ties by key, in one pass over the profile.
 */
function strongestTwo(view: CandidateView, n: number): [Strong[], Strong | undefined] {
  const interest: Strong[] = [];
  const language: Strong[] = [];
  const { w, dims } = view.store;
  for (const id of view.store.touched) {
    if (w[id]! <= 0) continue; // decay keeps the sign
    const type = dims.type(id);
    if (type === DIM_TYPE_CODE.language) offer(language, 1, id, valueOf(view, id), dims.key(id));
    else if (INTEREST_TYPES.has(type)) offer(interest, n, id, valueOf(view, id), dims.key(id));
  }
  return [interest, language[0]];
}

/**
 * Candidates for one slate. Each source takes up to its quota of unseen items in its own order
 * (interest and followed: by popularity; co-engagement: by co-engagement weight; popular: by
 * popularity), passing seen items on to the `seen` rule (which logs them) without counting them,
 * and scanning at most quota × scanFactor entries. Exploration draws uniformly (seeded) among
 * unseen items whose topics and creator have no positive weight in the profile.
 */
export function generateCandidates(
  view: CandidateView,
  followedDims: ReadonlySet<number>,
  rng: Rng,
): CandidateSet {
  const { catalogue: cat, config } = view;
  const q = config.candidates;
  const byIdx = new Map<number, Candidate>();
  const list: Candidate[] = [];
  const dropSeen = config.rules.seen;
  const dropUnpublished = config.rules.unpublished;
  const add = (idx: number, bit: number, ref: number): void => {
    const c = byIdx.get(idx);
    if (c) {
      c.mask |= bit;
      c.origins.push(bit, ref);
      return;
    }
    // Built with its first origin: pushing onto an empty array makes V8 reserve ~19 slots, and
    // most of a slate's ~1,000 candidates never get a second origin.
    const fresh = { idx, mask: bit, origins: [bit, ref] };
    byIdx.set(idx, fresh);
    list.push(fresh);
  };
  const take = (
    items: ArrayLike<number> | undefined,
    quota: number,
    bit: number,
    ref: number,
  ): number => {
    if (!items || quota <= 0) return 0;
    let taken = 0;
    let scanned = 0;
    const limit = quota * q.scanFactor;
    for (let p = 0; p < items.length && scanned < limit && taken < quota; p++) {
      const idx = items[p]!;
      // A video posted after the slate did not exist yet: skipped outright, it costs the source
      // neither quota nor scan (newest-first ties put such videos at the head of a past moment's
      // lists; a heavy export's pool is mostly videos posted later).
      if (dropUnpublished && cat.createdAtMs[idx]! > view.nowMs) continue;
      scanned++;
      add(idx, bit, ref);
      if (!(dropSeen && view.seen[idx] === 1)) taken++;
    }
    return taken;
  };

  const [interest, language] = strongestTwo(view, q.interestDims);
  for (const { id } of interest) {
    take(cat.byDim[id], q.perDim, SOURCE_BIT.interest, id);
  }

  if (followedDims.size > 0) {
    // Followed creators by their creator weight (strongest first), ties by key.
    const ordered = [...followedDims]
      .map((id) => ({ id, value: valueOf(view, id), key: view.store.dims.key(id) }))
      .sort((a, b) => b.value - a.value || compareStrings(a.key, b.key))
      .map((d) => d.id);
    const per = Math.max(3, Math.ceil(q.followed / ordered.length));
    let left = q.followed;
    for (const id of ordered) {
      if (left <= 0) break;
      left -= take(cat.byDim[id], Math.min(per, left), SOURCE_BIT.followed, id);
    }
  }

  if (view.coScores.size > 0) {
    const co = [...view.coScores]
      .filter(([idx]) => cat.servable[idx] === 1)
      .sort((a, b) => b[1] - a[1] || cat.idRank[a[0]]! - cat.idRank[b[0]]!);
    take(
      co.map(([idx]) => idx),
      q.coEngagement,
      SOURCE_BIT['co-engagement'],
      -1,
    );
  }

  take(
    language ? cat.byDim[language.id] : cat.byPopularity,
    q.popular,
    SOURCE_BIT.popular,
    language ? language.id : -1,
  );

  if (q.explore > 0 && cat.size > 0) {
    let taken = 0;
    for (let attempt = 0; attempt < q.explore * 8 && taken < q.explore; attempt++) {
      const idx = rng.int(cat.size);
      if (byIdx.has(idx) || view.seen[idx] === 1 || cat.servable[idx] === 0) continue;
      if (!outsideProfile(view, idx)) continue;
      add(idx, SOURCE_BIT.explore, -1);
      taken++;
    }
  }
  return { list, byIdx };
}

/** No topic and not the creator of the item has a positive weight in the profile. */
function outsideProfile(view: CandidateView, idx: number): boolean {
  const cat = view.catalogue;
  const s = view.store;
  for (let p = cat.dimStart[idx]!; p < cat.dimStart[idx + 1]!; p++) {
    const type = cat.dimType[p]!;
    if (type !== DIM_TYPE_CODE.topic && type !== DIM_TYPE_CODE.creator) continue;
    const d = cat.dimId[p]!;
    if (d < s.has.length && s.has[d] && s.w[d]! > 0) return false;
  }
  return true;
}

/** Readable provenance: `interest:topic:cooking`, `followed:creator:@x`, `co-engagement`, ... */
export function describeOrigins(
  c: Candidate,
  cat: PreparedCatalogue,
  store: ProfileStore,
): string[] {
  const out = new Set<string>();
  for (let i = 0; i < c.origins.length; i += 2) {
    const bit = c.origins[i]!;
    const ref = c.origins[i + 1]!;
    const name = SOURCES.find((s) => SOURCE_BIT[s] === bit)!;
    if (bit === SOURCE_BIT['co-engagement'] || bit === SOURCE_BIT.explore) out.add(name);
    else if (ref >= 0) out.add(`${name}:${store.dims.key(ref)}`);
    else out.add(name === 'popular' ? 'popular:all' : name);
  }
  void cat;
  return [...out].sort(compareStrings);
}
