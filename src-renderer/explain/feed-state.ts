// Why a feed is empty or thin, in one sentence, with what the person can do about it. Written
// from the pool summary and the rules' removals the engine recorded, counted and worded on the
// main side (feed/at's removedByRule), never guessed.
import type { Feed } from '@main/contract/feed';
import { countOf, formatCount } from '../format';

export type FeedAction = 'earlier-moment' | 'include-demo' | 'add-metadata';
export type FeedExplanation = { sentence: string; actions: FeedAction[] };

export type FeedContext = {
  /** Slots asked for (k). */
  k: number;
  /** The demo catalogue is already in the pool. */
  withDemo: boolean;
  /** The feed is built after the last event (earlier moments have more unseen videos). */
  atLatest: boolean;
};

/** Null when the feed is full and rests on known metadata: nothing to explain. */
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
        !(a === 'earlier-moment' && !context.atLatest),
    );
  if (known === 0) {
    return {
      sentence:
        'Feedlens knows no video to recommend: this dataset lists none, and no metadata file ' +
        `added any.${unavailableNote(pool)}`,
      actions: actions('add-metadata', 'include-demo'),
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
  if (pool.withMetadata === 0) {
    return {
      sentence:
        `None of the ${countOf(known, 'video')} Feedlens knows has a caption, hashtag, creator or ` +
        'sound yet, so nothing can be matched to your interests: add metadata to see a real ranking.',
      actions: actions('add-metadata'),
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
