// Why a feed is empty or thin, in one sentence, with what the person can do about it. Written
// from the pool summary and the rules' removals the engine recorded, counted and worded on the
// main side (feed/at's removedByRule), never guessed.
import type { Feed, FeedEntry } from '@main/contract/feed';
import { hasMetadata } from '@main/engine/pool';
import { countOf, formatCount } from '../format';

/**
 * `before-session`: a session picker that moves the moment to just before it; `demo-candidates`:
 * the person's profile applied to the synthetic demo catalogue (feed/at's `candidates: 'demo'`).
 */
export type FeedAction =
  'earlier-moment' | 'include-demo' | 'add-metadata' | 'before-session' | 'demo-candidates';
export type FeedExplanation = { sentence: string; actions: FeedAction[] };

export type FeedContext = {
  /** Slots asked for (k). */
  k: number;
  /** The demo catalogue is already in the pool. */
  withDemo: boolean;
  /** The feed is built after the last event (earlier moments have more unseen videos). */
  atLatest: boolean;
  /** Sessions a moment can be put before. */
  sessions: number;
  /** A person's own data (not the demo or a Lab session, whose videos are the demo's). */
  imported: boolean;
};

/**
 * Null when the feed is full: nothing to explain here (its videos known by id alone, if any, are
 * explained once by `idOnlyGroup`).
 */
export function explainFeed(
  feed: Pick<Feed, 'entries' | 'removed' | 'removedByRule' | 'pool'>,
  context: FeedContext,
): FeedExplanation | null {
  const shown = feed.entries.length;
  const { pool } = feed;
  const known = pool.size.dataset + pool.size.added + pool.size.demo;
  const actions = (...wanted: FeedAction[]): FeedAction[] =>
    wanted.filter(
      (a) =>
        !(a === 'include-demo' && context.withDemo) &&
        !(a === 'earlier-moment' && !context.atLatest) &&
        !(a === 'before-session' && context.sessions === 0) &&
        !(a === 'demo-candidates' && !context.imported),
    );
  if (known === 0) {
    return {
      sentence:
        'Feedlens knows no video to recommend: this dataset lists none, and no metadata file ' +
        `added any.${unavailableNote(pool)}`,
      actions: actions('add-metadata', 'include-demo'),
    };
  }
  if (pool.unseen === 0) {
    const seen =
      known === 1
        ? 'The only video Feedlens knows was already seen at this moment'
        : `All ${countOf(known, 'video')} Feedlens knows were already seen at this moment`;
    return {
      sentence: `${seen}, so there is nothing new to recommend.${unavailableNote(pool)}`,
      actions: actions('before-session', 'demo-candidates'),
    };
  }
  if (shown === 0) {
    const removed = feed.removed.length;
    const byRule = feed.removedByRule;
    const onlySeen = removed > 0 && byRule.length === 1 && byRule[0]!.rule === 'seen';
    const sentence = onlySeen
      ? removed === 1
        ? 'The only candidate was removed because you had already seen it.'
        : `These ${countOf(removed, 'candidate')} were all removed because you had already seen them.`
      : removed > 0
        ? `All ${countOf(removed, 'candidate')} were removed by rules: ${describeRemovals(byRule)}.`
        : `None of the ${countOf(known, 'video')} Feedlens knows could be recommended at this moment.`;
    const hint = context.atLatest
      ? ' At an earlier moment the videos you watched later are still new; or add videos you have not seen.'
      : ' Add videos you have not seen, or include the demo catalogue.';
    return {
      sentence: sentence + hint,
      actions: actions('earlier-moment', 'include-demo', 'add-metadata'),
    };
  }
  if (shown < context.k) {
    const others = feed.removedByRule.filter((r) => r.rule !== 'seen');
    const otherCount = others.reduce((sum, r) => sum + r.count, 0);
    return {
      sentence:
        `Only ${formatCount(shown)} of ${formatCount(context.k)} places could be filled: of the ` +
        `${countOf(known, 'video')} Feedlens knows${describePool(pool.size)}, you had already seen ` +
        `${formatCount(known - pool.unseen)}` +
        (otherCount > 0
          ? `, and rules removed ${formatCount(otherCount)} more (${describeRemovals(others)}).`
          : '.') +
        unavailableNote(pool),
      actions: actions('earlier-moment', 'include-demo', 'add-metadata'),
    };
  }
  return null;
}

function describeRemovals(byRule: Feed['removedByRule']): string {
  return byRule.map((r) => `${formatCount(r.count)} ${r.words}`).join(', ');
}

function describePool(size: Feed['pool']['size']): string {
  const extra = [
    size.added > 0 ? `${formatCount(size.added)} from your metadata files` : null,
    size.demo > 0 ? countOf(size.demo, 'synthetic demo video') : null,
  ].filter((part) => part !== null);
  return extra.length === 0
    ? ''
    : ` (${formatCount(size.dataset)} from this dataset, ${extra.join(', ')})`;
}

/** ' 61 deleted or private videos are left out.' (an online lookup found them gone). */
function unavailableNote(pool: Feed['pool']): string {
  if (pool.unavailable === 0) return '';
  const verb = pool.unavailable === 1 ? 'is' : 'are';
  return ` ${countOf(pool.unavailable, 'deleted or private video')} ${verb} left out.`;
}

/** A feed's videos known by id alone (no caption, hashtag, creator or sound), shown as one group. */
export type IdOnlyGroup = { entries: FeedEntry[]; sentence: string };

/**
 * Splits off the videos known by id alone, with one sentence for all of them: why they are in
 * the feed (the waterfall steps their scores actually have, as the main side labelled them) and
 * how to add what is missing. Null when every video has metadata.
 */
export function idOnlyGroup(entries: readonly FeedEntry[]): {
  known: FeedEntry[];
  group: IdOnlyGroup | null;
} {
  const known = entries.filter((e) => hasMetadata(e.item));
  const idOnly = entries.filter((e) => !hasMetadata(e.item));
  if (idOnly.length === 0) return { known, group: null };
  const one = idOnly.length === 1;
  const [them, their] = one ? ['it', 'its'] : ['them', 'their'];
  const places =
    known.length === 0
      ? one
        ? 'the only place'
        : `all ${formatCount(idOnly.length)} places`
      : `${one ? 'place' : 'places'} ${listed(idOnly.map((e) => formatCount(e.rank)))}`;
  const moved = stepLabels(idOnly);
  const why =
    moved.length === 0
      ? `${their} ${one ? 'score is' : 'scores are'} the baseline alone`
      : `${their} ${one ? 'place comes' : 'places come'} only from what needs no metadata, ${listed(moved)}`;
  return {
    known,
    group: {
      entries: idOnly,
      sentence:
        `${countOf(idOnly.length, 'video')} Feedlens knows only by ${their} id, at ${places} of ` +
        `this feed. This dataset names ${them} but says nothing of what is in ${them} (no ` +
        `caption, hashtag, creator or sound), so nothing ties ${them} to your interests: ${why}. ` +
        `Add captions and creators on the Metadata screen (from a capture, a file or an online ` +
        `lookup you agree to) to rank ${them} by your interests.`,
    },
  };
}

/** The single-feature waterfall steps of the entries, largest total first, ties by label. */
function stepLabels(entries: readonly FeedEntry[]): string[] {
  const totals = new Map<string, number>();
  for (const e of entries)
    for (const step of e.explanation.waterfall.steps)
      if (step.features.length === 1)
        totals.set(step.label, (totals.get(step.label) ?? 0) + Math.abs(step.value));
  return [...totals].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([label]) => label);
}

/** 'a', 'a and b', 'a, b and c'. */
function listed(words: readonly string[]): string {
  return words.length < 2
    ? (words[0] ?? '')
    : `${words.slice(0, -1).join(', ')} and ${words.at(-1)}`;
}
