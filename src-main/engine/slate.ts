// One recommendation slate: candidates → features → objectives → score → rules → final order,
// with exact attributions and a full decision trace. The ranking pipeline's seam: everything the
// UI shows about a slate is recorded here, as it happens.
import { attribute } from './attribution';
import {
  describeOrigins,
  generateCandidates,
  SOURCE_BIT,
  SOURCES,
  type Candidate,
  type Source,
} from './candidates';
import { halfLifeMs, RULES, type EngineConfig, type RuleName } from './config';
import { dimKey } from './dims';
import { F, writeFeatures, type FeatureContext } from './features';
import { isoUtc, round } from './format';
import { stableHash } from './hash';
import { scoreFeatures, type Model } from './objectives';
import { OBJECTIVES, type Objective } from './presets';
import { createRng, deriveSeed } from './random';
import {
  authorDiversityFactor,
  filterItem,
  FILTER_RULE,
  isExploreSlot,
  keywordPattern,
  multipliers,
  sortRanked,
  type Ranked,
  type Removal,
  type RuleEffect,
} from './rules';
import {
  because,
  featureRecord,
  roundEffect,
  sortedContributions,
  type Contribution,
  type DimEvidence,
  type RuleSummary,
  type SlateTrace,
  type TraceItem,
  type TraceObjective,
} from './trace';
import { ENGINE_VERSION, TRACE_VERSION } from './version';
import { coScores, type Viewer } from './viewer';
import type { Attribution } from './attribution';

export type SlateOptions = {
  nowMs: number;
  seed: number;
  configHash: string;
  model: Model;
  outOfNetwork: number;
};

/**
 * Unrounded numbers behind a trace (attributions sum to score − baseline), and each item's
 * contributions in the one order every surface shows (trace.ts, compareContributions).
 */
export type RawSlate = {
  itemIds: string[];
  attributions: Attribution[];
  contributions: Contribution[][];
};

export type Slate = { trace: SlateTrace; raw: RawSlate };

/**
 * Builds the slate the viewer would get at `nowMs` (from the events applied so far):
 *   score(i) = Σ_k V_k · P_k(i)            (objectives.ts)
 *   rankScore(i) = score(i) · Π multipliers (fatigue ramp, topic sliders, out-of-network,
 *                  author diversity)       (rules.ts)
 * then fills `slateSize` positions from the exploit and exploration queues, never placing two
 * items in a row that share a creator or a sound (when that rule is on).
 */
export function buildSlate(v: Viewer, opts: SlateOptions): Slate {
  const { catalogue: cat, store } = v;
  const { cands, fctx, X, effects, removed, removedOrder, summary, placed } = rankCandidates(
    v,
    opts,
    true,
  );
  const now = opts.nowMs;
  const items: TraceItem[] = [];
  const attributions: Attribution[] = [];
  const evidenceCache = new Map<number, DimEvidence>();
  const weightsV = opts.model.v;
  for (let pos = 0; pos < placed.length; pos++) {
    const p = placed[pos]!;
    const c = cands[p.j]!;
    const a = attribute(opts.model, X, p.j * F);
    attributions.push(a);
    const objectives = {} as Record<Objective, TraceObjective>;
    for (let k = 0; k < OBJECTIVES.length; k++) {
      objectives[OBJECTIVES[k]!] = {
        p: round(a.p[k]!),
        baseline: round(a.p0[k]!),
        weight: weightsV[k]!,
        contributions: featureRecord(a.perObjective, k * F),
      };
    }
    items.push({
      itemId: cat.items[c.idx]!.id,
      rank: pos + 1,
      score: round(a.score),
      baseline: round(a.baseline),
      contributions: featureRecord(a.total, 0),
      objectives,
      sources: describeOrigins(c, cat, store),
      rules: effects[p.j]!.map(roundEffect),
      rankScore: round(p.key),
      slot: p.slot,
      features: featureRecord(X, p.j * F),
      because: because(v, c, a, X, p.j * F, fctx, evidenceCache),
    });
  }
  // Removals in rule order, then id order, ties in candidate order. Most are a heavy user's seen
  // items, so the keys are sorted natively: key · n + position is unique, exact in a double (far
  // below 2^53) and decodes back to the position.
  const nRemoved = removed.length;
  const keys = new Float64Array(nRemoved);
  for (let r = 0; r < nRemoved; r++) keys[r] = removedOrder[r]! * nRemoved + r;
  keys.sort();
  const removedSorted: Removal[] = [];
  for (const k of keys) removedSorted.push(removed[k % nRemoved]!);

  const bySource = {} as Record<Source, number>;
  for (const s of SOURCES) {
    const bit = SOURCE_BIT[s];
    let count = 0;
    for (const c of cands) if (c.mask & bit) count++;
    bySource[s] = count;
  }
  const lastIndex = v.applied - 1;
  const trace: SlateTrace = {
    traceVersion: TRACE_VERSION,
    slateId: slateId(opts.configHash, opts.seed, now, lastIndex),
    at: isoUtc(now),
    seed: opts.seed,
    preset: v.config.preset,
    configHash: opts.configHash,
    engineVersion: ENGINE_VERSION,
    profileRef: {
      eventIndex: lastIndex,
      eventId: lastIndex >= 0 ? v.events[lastIndex]!.id : null,
      events: v.applied,
      dimensions: store.touched.length,
    },
    items,
    removed: removedSorted,
    atMs: now,
    candidates: { total: cands.length, bySource },
    rules: summary,
  };
  return {
    trace,
    raw: {
      itemIds: items.map((i) => i.itemId),
      attributions,
      contributions: attributions.map((a) => sortedContributions(a.total)),
    },
  };
}

/** A slate's videos in order and each one's slot: what a what-if compares, without the trace. */
export type RankedSlate = { itemIds: string[]; slots: ('exploit' | 'explore')[] };

/** The slate buildSlate would place, ranked the same way, without building its trace. */
export function rankSlate(v: Viewer, opts: SlateOptions): RankedSlate {
  const { cands, placed } = rankCandidates(v, opts, false);
  return {
    itemIds: placed.map((p) => v.catalogue.items[cands[p.j]!.idx]!.id),
    slots: placed.map((p) => p.slot),
  };
}

/**
 * Candidates, filters, scores, rules and the fill: everything that decides the slate. With
 * `explain` off (a what-if's slates, which only compare videos), a seen video is dropped before
 * its removal is described, and removals are not listed: the same videos are filtered either way.
 * `scores[j]` is candidate j's score before the multiplicative rules; `ranked`, the candidates no
 * rule removed, best rank score first (fidelity.ts reads a standing beyond the slate from it).
 */
export function rankCandidates(v: Viewer, opts: SlateOptions, explain: boolean) {
  const { catalogue: cat, config, store } = v;
  const now = opts.nowMs;
  const decayRate = Math.LN2 / halfLifeMs(config);
  const controls = store.controls;
  const followedDims = new Set<number>();
  for (const creator of controls.followed.keys()) {
    const id = store.dims.find(dimKey('creator', creator));
    if (id >= 0) followedDims.add(id);
  }
  const co = coScores(v);
  const view = { catalogue: cat, store, config, nowMs: now, decayRate, seen: v.seen, coScores: co };
  const rng = createRng(deriveSeed(opts.seed, now));
  const { list: cands } = generateCandidates(view, followedDims, rng);

  const fctx: FeatureContext = {
    catalogue: cat,
    store,
    config,
    nowMs: now,
    decayRate,
    followedDims,
    recentTopicCounts: v.recentTopicCounts,
    recentSize: v.recentSeen.length,
    coScores: co,
  };
  const summary = Object.fromEntries(
    RULES.map((r) => [r, { on: config.rules[r], removed: 0, demoted: 0, promoted: 0 }]),
  ) as Record<RuleName, RuleSummary>;
  const keywords = config.rules['keyword-filter'] ? keywordPattern(controls.keywords) : null;
  const X = new Float64Array(cands.length * F);
  const scores = new Float64Array(cands.length);
  // Most candidates get no rule effect: their lists stay the shared empty array until one does.
  const effects: RuleEffect[][] = new Array<RuleEffect[]>(cands.length).fill(NO_EFFECTS);
  const effectsOf = (j: number): RuleEffect[] =>
    effects[j] === NO_EFFECTS ? (effects[j] = []) : effects[j]!;
  const removed: Removal[] = [];
  // Sort key of each removal: rule order, then id order (removals are a heavy user's bulk).
  const removedOrder: number[] = [];
  const ranked: Ranked[] = [];
  for (let j = 0; j < cands.length; j++) {
    const c = cands[j]!;
    if (!explain && config.rules.seen && v.seen[c.idx] === 1) continue;
    const cause = filterItem(c.idx, cat, config, controls, v, now, keywords);
    if (cause) {
      const rule = FILTER_RULE[cause.cause];
      removed.push({ itemId: cat.items[c.idx]!.id, rule, cause });
      removedOrder.push(RULE_ORDER[rule] * cat.size + cat.idRank[c.idx]!);
      summary[rule].removed++;
      continue;
    }
    writeFeatures(fctx, c.idx, c.mask === SOURCE_BIT.explore, X, j * F);
    scores[j] = scoreFeatures(opts.model, X, j * F);
    const creator = cat.creatorDim[c.idx]!;
    const m = multipliers(
      c.idx,
      cat,
      config,
      controls,
      creator >= 0 && followedDims.has(creator),
      opts.outOfNetwork,
      now,
    );
    if (m.effects.length > 0) effectsOf(j).push(...m.effects);
    ranked.push({ j, key: scores[j]! * m.factor, rank: cat.idRank[c.idx]! });
  }
  sortRanked(ranked);

  if (config.rules['author-diversity']) {
    const count = new Map<number, number>();
    for (const r of ranked) {
      const creator = cat.creatorDim[cands[r.j]!.idx]!;
      if (creator < 0) continue;
      const n = count.get(creator) ?? 0;
      count.set(creator, n + 1);
      if (n === 0) continue;
      const f = authorDiversityFactor(n, config);
      r.key *= f;
      effectsOf(r.j).push({
        rule: 'author-diversity',
        action: 'demoted',
        factor: f,
        cause: { cause: 'same-author', key: cat.dims.keys[creator]!, n: n + 1 },
      });
    }
    sortRanked(ranked);
  }
  for (const list of effects) for (const e of list) summary[e.rule][e.action]++;

  const placed = fill(ranked, cands, v, config, effectsOf);
  for (const p of placed) {
    for (const e of effects[p.j]!)
      if (e.rule === 'exploration' || e.rule === 'adjacency') summary[e.rule][e.action]++;
  }
  return { cands, fctx, X, scores, ranked, effects, removed, removedOrder, summary, placed };
}

/** A slate's id: its settings, seed, time and the last event it saw (−1 for none). */
export function slateId(
  configHash: string,
  seed: number,
  nowMs: number,
  lastIndex: number,
): string {
  return stableHash([configHash, seed, nowMs, lastIndex, ENGINE_VERSION]);
}

const NO_EFFECTS: RuleEffect[] = [];
const RULE_ORDER = Object.fromEntries(RULES.map((r, i) => [r, i])) as Record<RuleName, number>;

type Placed = { j: number; key: number; slot: 'exploit' | 'explore' };

/**
 * Fills the slate position by position. Exploration slots (⌊(p+1)ε⌋ > ⌊pε⌋) take the best
 * exploration candidate, the others the best exploit candidate; with the adjacency rule on, the
 * first candidate that shares neither creator nor sound with the previous item is taken and the
 * ones passed over are logged as demoted. Falls back to the other queue; stops when none fits.
 */
function fill(
  ranked: Ranked[],
  cands: Candidate[],
  v: Viewer,
  config: EngineConfig,
  effects: (j: number) => RuleEffect[],
): Placed[] {
  const cat = v.catalogue;
  const exploring = config.rules.exploration && config.explorationShare > 0;
  const natural = new Map<number, number>();
  ranked.forEach((r, i) => natural.set(r.j, i + 1));
  const explore: Ranked[] = [];
  const exploit: Ranked[] = [];
  const inExplore = new Set<number>();
  for (const r of ranked) {
    if (exploring && cands[r.j]!.mask & SOURCE_BIT.explore) {
      explore.push(r);
      inExplore.add(r.j);
    } else exploit.push(r);
  }
  const used = new Set<number>();
  const passed = new Set<number>();
  const out: Placed[] = [];
  let prevCreator = -1;
  let prevSound = -1;
  const conflicts = (r: Ranked): boolean => {
    if (!config.rules.adjacency) return false;
    const i = cands[r.j]!.idx;
    const c = cat.creatorDim[i]!;
    const s = cat.soundDim[i]!;
    return (c >= 0 && c === prevCreator) || (s >= 0 && s === prevSound);
  };
  // Each queue keeps a head: everything before it is used, so a pick never rescans them.
  const heads = new Map<Ranked[], number>([
    [explore, 0],
    [exploit, 0],
  ]);
  const pick = (queue: Ranked[], pos: number): Ranked | null => {
    let head = heads.get(queue)!;
    while (head < queue.length && used.has(queue[head]!.j)) head++;
    heads.set(queue, head);
    const skipped: Ranked[] = [];
    for (let q = head; q < queue.length; q++) {
      const r = queue[q]!;
      if (used.has(r.j)) continue;
      if (conflicts(r)) {
        skipped.push(r);
        continue;
      }
      for (const s of skipped) {
        if (passed.has(s.j)) continue;
        passed.add(s.j);
        const i = cands[s.j]!.idx;
        const same =
          cat.creatorDim[i] === prevCreator && prevCreator >= 0
            ? cat.dims.keys[prevCreator]
            : cat.dims.keys[prevSound];
        effects(s.j).push({
          rule: 'adjacency',
          action: 'demoted',
          cause: { cause: 'same-as-previous', key: same!, atRank: pos + 1 },
        });
      }
      return r;
    }
    return null;
  };
  for (let pos = 0; pos < config.slateSize; pos++) {
    const wantExplore = exploring && isExploreSlot(pos, config.explorationShare);
    const r = wantExplore
      ? (pick(explore, pos) ?? pick(exploit, pos))
      : (pick(exploit, pos) ?? pick(explore, pos));
    if (!r) break;
    used.add(r.j);
    const slot = inExplore.has(r.j) ? 'explore' : 'exploit';
    const from = natural.get(r.j)!;
    if (passed.has(r.j)) {
      const last = effects(r.j).findLast((e) => e.rule === 'adjacency');
      if (last) Object.assign(last, { from, to: pos + 1 });
    } else if (slot === 'explore' && from !== pos + 1) {
      effects(r.j).push({
        rule: 'exploration',
        action: from > pos + 1 ? 'promoted' : 'demoted',
        from,
        to: pos + 1,
        cause: { cause: 'exploration-slot' },
      });
    } else if (slot === 'exploit' && from < pos + 1 && exploring) {
      effects(r.j).push({
        rule: 'exploration',
        action: 'demoted',
        from,
        to: pos + 1,
        cause: { cause: 'exploration-slots-above' },
      });
    }
    out.push({ j: r.j, key: r.key, slot });
    const i = cands[r.j]!.idx;
    prevCreator = cat.creatorDim[i]!;
    prevSound = cat.soundDim[i]!;
  }
  return out;
}
