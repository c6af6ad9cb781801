// Re-ranking rules, each switchable and each logging what it did to which candidate and by how
// much. Filters drop; multipliers demote or promote by a factor; the slate fill enforces
// exploration slots and "no two in a row from the same creator or sound".
import type { Item } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig, RuleName } from './config';
import type { Controls } from './controls';
import type { EventKind, Evidence } from '../domain/types';

/**
 * Why a rule acted on a candidate, as data (docs/trace.schema.json, $defs/cause): what the engine
 * saw, never words. src-main/explain/ turns each into the words every surface prints.
 */
export type RuleCause =
  /** unpublished: the video was created after the slate's moment. */
  | { cause: 'created-later'; createdAtMs: number }
  /** seen: the last event that showed it to the viewer. */
  | { cause: 'seen'; eventIndex: number; kind: EventKind; atMs: number }
  /** not-interested: "not interested" on the creator or sound (a dimension key) at a time. */
  | { cause: 'not-interested'; key: string; atMs: number }
  /** fatigue: negative feedback on the key at a time; filtered for filterDays after it. */
  | { cause: 'negative-feedback'; key: string; atMs: number; filterDays: number }
  /**
   * keyword-filter: the keyword that matched the caption or a hashtag, and the event that set the
   * filter with its evidence (an export's own Settings are observed), null if none recorded it.
   */
  | { cause: 'keyword'; keyword: string; setBy: { eventId: string; evidence: Evidence } | null }
  /** topic-sliders: the item's topics whose slider is set, with their levels (0..2). */
  | { cause: 'topic-sliders'; levels: { topic: string; level: number }[] }
  /** out-of-network: the creator is not followed. */
  | { cause: 'not-followed'; creator: string | null }
  /** author-diversity: the creator's (a dimension key) n-th item (n ≥ 2) in score order here. */
  | { cause: 'same-author'; key: string; n: number }
  /** exploration: placed in an exploration slot, or moved down by the slots above it. */
  | { cause: 'exploration-slot' }
  | { cause: 'exploration-slots-above' }
  /** adjacency: passed over at rank `atRank`: same creator or sound (`key`) as the rank before. */
  | { cause: 'same-as-previous'; key: string; atRank: number };

export type RuleEffect = {
  rule: RuleName;
  action: 'demoted' | 'promoted';
  /** Score multiplier, for multiplicative rules. */
  factor?: number;
  /** Ranks before and after, for positional rules (1-based). */
  from?: number;
  to?: number;
  cause: RuleCause;
};

export type Removal = { itemId: string; rule: RuleName; cause: RuleCause };

const DAY = 86_400_000;

/** Twitter 2023 author diversity: (1 − floor) · decay^n + floor for the creator's n-th earlier item. */
export function authorDiversityFactor(n: number, config: EngineConfig): number {
  const { decay, floor } = config.authorDiversity;
  return (1 - floor) * Math.pow(decay, n) + floor;
}

/**
 * Twitter 2023 feedback fatigue, `days` after negative feedback: filtered (0) before filterDays,
 * then rampStart + (1 − rampStart) · (days − filterDays) / (rampEndDays − filterDays), 1 after.
 */
export function fatigueFactor(days: number, config: EngineConfig): number {
  const { filterDays, rampStart, rampEndDays } = config.fatigue;
  if (days < filterDays) return 0;
  if (days >= rampEndDays) return 1;
  return rampStart + ((1 - rampStart) * (days - filterDays)) / (rampEndDays - filterDays);
}

/** Slider level 0..2 → multiplier, linear between sliderMultipliers[0], [1], [2]; never 0. */
export function sliderFactor(level: number, config: EngineConfig): number {
  const [lo, mid, hi] = config.sliderMultipliers;
  const l = Math.min(2, Math.max(0, level));
  return l <= 1 ? lo + (mid - lo) * l : mid + (hi - mid) * (l - 1);
}

/** The filter rule behind each removal cause (a removal records only its cause's rule). */
export const FILTER_RULE = {
  'created-later': 'unpublished',
  seen: 'seen',
  'not-interested': 'not-interested',
  'negative-feedback': 'fatigue',
  keyword: 'keyword-filter',
} as const satisfies Partial<Record<RuleCause['cause'], RuleName>>;

export type FilterCause = Extract<RuleCause, { cause: keyof typeof FILTER_RULE }>;

/** Compiles the keyword filters into one whole-word, case-insensitive pattern (null when none). */
export function keywordPattern(keywords: readonly string[]): RegExp | null {
  if (keywords.length === 0) return null;
  const alt = keywords.map((k) => k.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  return new RegExp(`(?:^|[^\\p{L}\\p{N}_])(${alt})(?=$|[^\\p{L}\\p{N}_])`, 'iu');
}

/** What the seen filter needs: a flag per item and the last event that showed it. */
export type SeenState = {
  seen: Uint8Array;
  seenBy: Int32Array;
  events: readonly { kind: EventKind; atMs: number }[];
};

/**
 * Why the first filter that drops item i does (in rule order: unpublished, seen,
 * not-interested/fatigue, keywords), or null. One allocation per removal: a heavy user's slate
 * removes thousands of seen videos.
 */
export function filterItem(
  i: number,
  cat: PreparedCatalogue,
  config: EngineConfig,
  controls: Controls,
  seen: SeenState,
  nowMs: number,
  keywords: RegExp | null,
): FilterCause | null {
  const rules = config.rules;
  const created = cat.createdAtMs[i]!;
  if (rules.unpublished && created > nowMs) return { cause: 'created-later', createdAtMs: created };
  if (rules.seen && seen.seen[i] === 1) {
    const eventIndex = seen.seenBy[i]!;
    const e = seen.events[eventIndex]!;
    return { cause: 'seen', eventIndex, kind: e.kind, atMs: e.atMs };
  }
  const s = suppression(i, cat, controls);
  if (s) {
    const days = (nowMs - s.atMs) / DAY;
    const filterDays = config.fatigue.filterDays;
    const inFilter = days < filterDays;
    if (rules['not-interested'] && (inFilter || !rules.fatigue))
      return { cause: 'not-interested', key: s.key, atMs: s.atMs };
    if (rules.fatigue && inFilter)
      return { cause: 'negative-feedback', key: s.key, atMs: s.atMs, filterDays };
  }
  if (rules['keyword-filter'] && keywords) {
    const m = keywords.exec(searchText(cat.items[i]!));
    if (m) {
      const keyword = m[1]!.toLowerCase();
      return { cause: 'keyword', keyword, setBy: controls.keywordSources.get(keyword) ?? null };
    }
  }
  return null;
}

function searchText(item: Item): string {
  return `${item.caption ?? ''} ${item.hashtags.map((h) => `#${h}`).join(' ')}`;
}

/** The most recent "not interested" on the item's creator or sound, if any. */
export function suppression(
  i: number,
  cat: PreparedCatalogue,
  controls: Controls,
): { key: string; atMs: number } | null {
  if (controls.suppressed.size === 0) return null;
  let best: { key: string; atMs: number } | null = null;
  for (let k = 0; k < 2; k++) {
    const d = k === 0 ? cat.creatorDim[i]! : cat.soundDim[i]!;
    if (d < 0) continue;
    const key = cat.dims.keys[d]!;
    const at = controls.suppressed.get(key);
    if (at !== undefined && (!best || at > best.atMs)) best = { key, atMs: at };
  }
  return best;
}

/** Score multipliers (fatigue ramp, topic sliders, out-of-network) with their effects. */
export function multipliers(
  i: number,
  cat: PreparedCatalogue,
  config: EngineConfig,
  controls: Controls,
  followed: boolean,
  outOfNetwork: number,
  nowMs: number,
): { factor: number; effects: RuleEffect[] } {
  if (
    controls.suppressed.size === 0 &&
    controls.topicLevels.size === 0 &&
    (outOfNetwork === 1 || followed)
  )
    return NEUTRAL;
  let factor = 1;
  const effects: RuleEffect[] = [];
  if (config.rules.fatigue) {
    const s = suppression(i, cat, controls);
    if (s) {
      const days = (nowMs - s.atMs) / DAY;
      const f = fatigueFactor(days, config);
      if (f > 0 && f < 1) {
        factor *= f;
        effects.push({
          rule: 'fatigue',
          action: 'demoted',
          factor: f,
          cause: { cause: 'negative-feedback', ...s, filterDays: config.fatigue.filterDays },
        });
      }
    }
  }
  if (config.rules['topic-sliders'] && controls.topicLevels.size > 0) {
    const topics = [...new Set(cat.items[i]!.topics)];
    if (topics.length > 0) {
      let sum = 0;
      const levels: { topic: string; level: number }[] = [];
      for (const topic of topics) {
        const level = controls.topicLevels.get(topic);
        sum += level === undefined ? 1 : sliderFactor(level, config);
        if (level !== undefined) levels.push({ topic, level });
      }
      const f = sum / topics.length;
      if (f !== 1) {
        factor *= f;
        effects.push({
          rule: 'topic-sliders',
          action: f < 1 ? 'demoted' : 'promoted',
          factor: f,
          cause: { cause: 'topic-sliders', levels },
        });
      }
    }
  }
  if (outOfNetwork !== 1 && !followed) {
    factor *= outOfNetwork;
    effects.push({
      rule: 'out-of-network',
      action: 'demoted',
      factor: outOfNetwork,
      cause: { cause: 'not-followed', creator: cat.items[i]!.creator },
    });
  }
  return { factor, effects };
}

const NEUTRAL: { factor: number; effects: RuleEffect[] } = Object.freeze({
  factor: 1,
  effects: Object.freeze([]) as unknown as RuleEffect[],
});

/** `rank`: the item's place in id order (PreparedCatalogue.idRank). */
export type Ranked = { j: number; key: number; rank: number };

/** Sorts by key (desc), ties by item id (numeric order of decimal ids, via the id rank). */
export function sortRanked(list: Ranked[]): void {
  list.sort((a, b) => b.key - a.key || a.rank - b.rank);
}

/** Whether slate position p (0-based) is an exploration slot: ⌊(p + 1)·ε⌋ > ⌊p·ε⌋ (even spread). */
export function isExploreSlot(p: number, share: number): boolean {
  return Math.floor((p + 1) * share) > Math.floor(p * share);
}
