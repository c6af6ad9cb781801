// The plain words under the agreement figure: what it measures, and what it does not.
import type { Agreement } from '@main/contract/feed';
import { countOf, formatCount, formatPercent } from '../format';

export type AgreementWords = {
  /** One sentence with the figure, or why there is none. */
  headline: string;
  /** What the figure does not mean. */
  caveat: string;
};

/**
 * 'In 41 sessions, 38% of the videos you really watched next (up to 20 a session) were among the
 * first 20 Feedlens would have shown at the session's start (chance would be 2%; NDCG 0.21).'
 */
export function agreementWords(a: Agreement): AgreementWords {
  const caveat =
    'This is Feedlens’s model, not TikTok’s: it sees only what your export says you did before each ' +
    'session, a video it never heard of can’t be a hit, and your real feed also depended on things ' +
    'the export does not hold.';
  const skipped =
    a.skippedSessions > 0
      ? ` ${countOf(a.skippedSessions, 'session was', 'sessions were')} left out: none of the ` +
        `videos watched in ${a.skippedSessions === 1 ? 'it' : 'them'} could have been served at ` +
        `${a.skippedSessions === 1 ? 'its' : 'their'} start (already seen, or unknown to Feedlens).`
      : '';
  if (a.sessions.length === 0) {
    const headline =
      a.skippedSessions > 0
        ? `None of your ${countOf(a.skippedSessions, 'session')} can be compared yet: none of the ` +
          'videos you watched in them could have been served at their start (already seen, or ' +
          'unknown to Feedlens).'
        : 'There is no session to compare yet.';
    return { headline, caveat };
  }
  const headline =
    `In ${countOf(a.sessions.length, 'session')}, ${formatPercent(a.hitRate)} of the videos you ` +
    `really watched next (up to ${a.k} a session) were among the first ${a.k} Feedlens would have ` +
    `shown at the session’s start ` +
    `(chance would be ${formatPercent(a.chance)}; NDCG ${a.ndcg.toFixed(2)}).` +
    versusChance(a.hitRate, a.chance) +
    skipped;
  return { headline, caveat };
}

/** ' That is about 3.2 times chance.' — or, as plainly, no better than chance. */
function versusChance(hitRate: number, chance: number): string {
  // Within a tenth of chance is called "no better" (OURS: a plain-words threshold, not a test).
  if (hitRate <= chance * 1.1) return ' That is no better than chance.';
  if (chance === 0) return '';
  return ` That is about ${formatCount(Math.round((hitRate / chance) * 10) / 10)} times chance.`;
}
