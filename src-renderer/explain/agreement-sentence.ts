// The plain words under the agreement figure: what it measures, and what it does not.
import type { Agreement } from '@main/contract/feed';
import { countOf, formatCount, formatPercent } from '../format';

export type AgreementWords = {
  /** One sentence with the figure, or why there is none. */
  headline: string;
  /** Why the figure says little here (greyed on screen), or null when it can be read. */
  caution: string | null;
  /** What the figure does not mean. */
  caveat: string;
};

/** Fewer scored sessions than this and the figure is greyed (the threshold, OURS). */
export const MIN_SESSIONS = 5;
/** Chance at or above this and the figure is greyed: luck alone would score as well. */
export const CHANCE_CEILING = 0.5;

/** '95% interval 30%–95%': the hit rate's Wilson score interval (engine/wilson.ts). */
export function intervalWords(a: Pick<Agreement, 'interval'>): string {
  return a.interval
    ? `95% interval ${formatPercent(a.interval.low)}–${formatPercent(a.interval.high)}`
    : 'no interval';
}

/** Why the figure says little, in one or two sentences; null when it can be read. */
export function agreementCaution(a: Pick<Agreement, 'sessions' | 'chance' | 'k'>): string | null {
  const parts: string[] = [];
  if (a.sessions.length > 0 && a.chance >= CHANCE_CEILING)
    parts.push(
      `Random picks would score ${formatPercent(a.chance)} here, because few videos were left ` +
        `that a feed could serve, so this figure says little about the model.`,
    );
  if (a.sessions.length > 0 && a.sessions.length < MIN_SESSIONS)
    parts.push(
      `Only ${countOf(a.sessions.length, 'session was', 'sessions were')} scored; with fewer ` +
        `than ${MIN_SESSIONS} the figure is too thin to judge.`,
    );
  return parts.length > 0 ? parts.join(' ') : null;
}

/**
 * 'In 41 sessions, 38% (95% interval 33%–43%, over 312 videos) of the videos you really watched
 * next (up to 20 a session) were among the first 20 Feedlens would have shown at the session's
 * start (chance would be 2%; NDCG 0.21).'
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
    return { headline, caution: null, caveat };
  }
  const headline =
    `In ${countOf(a.sessions.length, 'session')}, ${formatPercent(a.hitRate)} ` +
    `(${intervalWords(a)}, over ${countOf(a.compared, 'video')}) of the videos you ` +
    `really watched next (up to ${a.k} a session) were among the first ${a.k} Feedlens would have ` +
    `shown at the session’s start ` +
    `(chance would be ${formatPercent(a.chance)}; NDCG ${a.ndcg.toFixed(2)}).` +
    versusChance(a.hitRate, a.chance) +
    skipped;
  return { headline, caution: agreementCaution(a), caveat };
}

/** ' That is about 3.2 times chance.' — or, as plainly, no better than chance. */
function versusChance(hitRate: number, chance: number): string {
  // Within a tenth of chance is called "no better" (OURS: a plain-words threshold, not a test).
  if (hitRate <= chance * 1.1) return ' That is no better than chance.';
  if (chance === 0) return '';
  return ` That is about ${formatCount(Math.round((hitRate / chance) * 10) / 10)} times chance.`;
}
