// Agreement with the real feed: at each session start, how many of the videos the person really
// watched in that session were among the k the engine would have put first, given only the
// events before it. Not TikTok's algorithm, and not a measure of it: the real feed also rested on
// things no export holds, and a video outside the pool can never be a hit; the chance level says
// what luck alone would score.
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig, RuleName } from './config';
import { replay } from './replay';
import { marksSeen } from './signals';
import { wilsonInterval, type Interval } from './wilson';

export type AgreementSession = {
  session: number;
  atMs: number;
  /**
   * The relevance set's size: distinct videos watched in the session that the pool holds and a
   * feed could have served at its start (not seen before it, not created after it, not deleted
   * or private).
   */
  watched: number;
  /** Of those, in the top k. */
  hits: number;
  /** hits / min(k, watched). */
  hitRate: number;
  /** NDCG@k with relevance 1 for each watched video. */
  ndcg: number;
  /** Expected hitRate of k videos drawn uniformly from the videos a feed could have served. */
  chance: number;
};

export type AgreementSummary = {
  k: number;
  /** Sessions with at least one relevant video, in time order. */
  sessions: AgreementSession[];
  /** Σ min(k, watched) over those sessions: the videos compared, the hit rate's denominator. */
  compared: number;
  /** Σ hits / Σ min(k, watched) over those sessions. */
  hitRate: number;
  /**
   * The hit rate's 95 % Wilson score interval over the `compared` videos (wilson.ts); null when
   * none was compared. It treats each compared video as a separate trial: videos of one session
   * are not independent, so the true uncertainty is somewhat wider.
   */
  interval: Interval | null;
  /** Mean NDCG over those sessions. */
  ndcg: number;
  /** Σ expected hits of random picks / Σ min(k, watched): what luck alone scores. */
  chance: number;
  /** Sessions left out because none of their watched videos could have been served. */
  skippedSessions: number;
};

/** Hits among the first k of `ranked`. */
function hitsAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let hits = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++) if (relevant.has(ranked[i]!)) hits++;
  return hits;
}

/**
 * NDCG@k with binary relevance: DCG = Σ over relevant items at 0-based rank i < k of 1/log2(i + 2),
 * divided by the ideal DCG, Σ_{i < min(k, |relevant|)} 1/log2(i + 2). 0 when nothing is relevant.
 */
function ndcgAt(ranked: readonly string[], relevant: ReadonlySet<string>, k: number): number {
  let dcg = 0;
  for (let i = 0; i < Math.min(k, ranked.length); i++)
    if (relevant.has(ranked[i]!)) dcg += 1 / Math.log2(i + 2);
  let ideal = 0;
  for (let i = 0; i < Math.min(k, relevant.size); i++) ideal += 1 / Math.log2(i + 2);
  return ideal > 0 ? dcg / ideal : 0;
}

/**
 * Expected hits of min(k, servable) videos drawn uniformly without replacement from `servable`
 * videos of which `watched` are relevant (hypergeometric mean: n · watched / servable).
 */
function chanceHits(k: number, watched: number, servable: number): number {
  return servable > 0 ? (Math.min(k, servable) * watched) / servable : 0;
}

export type AgreementInput = {
  /** In processing order (orderEvents). */
  events: readonly FeedEvent[];
  /** The candidate pool, prepared. */
  catalogue: PreparedCatalogue;
  /** The ranked video ids the engine built at each session start (slateTimes 'session'), by time. */
  slates: ReadonlyMap<number, readonly string[]>;
  k: number;
  /** The filters a feed applied: a video the feed could never serve is not counted against it. */
  rules: Pick<Record<RuleName, boolean>, 'seen' | 'unpublished'>;
};

/** Whether an event is a view of a video the person really watched (not a page load). */
const isWatch = (e: FeedEvent): boolean =>
  (e.kind === 'watch' || e.kind === 'rewatch') && e.itemId !== null && e.evidence !== 'loaded';

/**
 * Agreement at every session start. The state a slate at time t sees is every event with atMs < t
 * (as in replay); the session is the run of events sharing `session` from there.
 */
export function agreement(input: AgreementInput): AgreementSummary {
  const { events, catalogue: cat, k, rules } = input;
  const seen = new Uint8Array(cat.size);
  const sessions: AgreementSession[] = [];
  let skipped = 0;
  let applied = 0;
  let hitSum = 0;
  let chanceSum = 0;
  let denominator = 0;
  let ndcgSum = 0;
  for (let start = 0; start < events.length;) {
    let end = start + 1;
    while (end < events.length && events[end]!.session === events[start]!.session) end++;
    const t = events[start]!.atMs;
    for (; applied < events.length && events[applied]!.atMs < t; applied++) {
      const e = events[applied]!;
      const idx = marksSeen(e) ? cat.indexOf.get(e.itemId!) : undefined;
      if (idx !== undefined) seen[idx] = 1;
    }
    const servable = (i: number): boolean =>
      cat.servable[i] === 1 &&
      !(rules.seen && seen[i] === 1) &&
      !(rules.unpublished && cat.createdAtMs[i]! > t);
    const relevant = new Set<string>();
    for (let e = start; e < end; e++) {
      const event = events[e]!;
      const idx = isWatch(event) ? cat.indexOf.get(event.itemId!) : undefined;
      if (idx !== undefined && servable(idx)) relevant.add(event.itemId!);
    }
    if (relevant.size === 0) {
      skipped++;
    } else {
      const ranked = input.slates.get(t);
      if (!ranked) throw new Error(`No slate at the session start ${t}.`);
      let servableCount = 0;
      for (let i = 0; i < cat.size; i++) if (servable(i)) servableCount++;
      const most = Math.min(k, relevant.size);
      const hits = hitsAt(ranked, relevant, k);
      const expected = chanceHits(k, relevant.size, servableCount);
      const ndcg = ndcgAt(ranked, relevant, k);
      sessions.push({
        session: events[start]!.session,
        atMs: t,
        watched: relevant.size,
        hits,
        hitRate: hits / most,
        ndcg,
        chance: expected / most,
      });
      hitSum += hits;
      chanceSum += expected;
      denominator += most;
      ndcgSum += ndcg;
    }
    start = end;
  }
  return {
    k,
    sessions,
    compared: denominator,
    hitRate: denominator > 0 ? hitSum / denominator : 0,
    interval: wilsonInterval(hitSum, denominator),
    ndcg: sessions.length > 0 ? ndcgSum / sessions.length : 0,
    chance: denominator > 0 ? chanceSum / denominator : 0,
    skippedSessions: skipped,
  };
}

/**
 * Replays the events with a slate of k = config.slateSize at each session start (without the
 * traces' event evidence, which ranking does not use) and measures agreement with them.
 */
export function replayAgreement(input: {
  events: readonly FeedEvent[];
  catalogue: PreparedCatalogue;
  config: EngineConfig;
  seed: number;
}): AgreementSummary {
  const slates = new Map<number, readonly string[]>();
  const result = replay({
    ...input,
    points: { kind: 'session' },
    trackEvidence: false,
    keepSlates: false,
    onSlate: (slate) => slates.set(slate.trace.atMs, slate.raw.itemIds),
  });
  return agreement({
    events: result.viewer.events,
    catalogue: input.catalogue,
    slates,
    k: input.config.slateSize,
    rules: input.config.rules,
  });
}
