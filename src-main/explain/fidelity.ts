// The words of "Prove it" and of the fidelity report, the same on the screen, in the CLI and in
// the HTML report.
import { FIDELITY_DEPTH, type FidelityRow, type Standing } from '../engine';

const place = (s: Standing): string => (s.position === null ? 'out of the feed' : `#${s.position}`);
const events = (k: number): string => (k === 1 ? 'this event' : `these ${k} events`);

/** "Without these 3 events, this video falls from #2 to #41." and its plain variants. */
export function withoutSentence(k: number, before: Standing, without: Standing): string {
  const lead = `Without ${events(k)}, this video`;
  if (without.position === before.position)
    return `${lead} stays at ${place(before)}: taking them away does not move it.`;
  if (without.position === null)
    return `${lead} leaves the feed (it was ${place(before)}): no source would propose it, or a rule removes it.`;
  const verb = before.position === null || without.position < before.position ? 'rises' : 'falls';
  const out =
    before.position !== null &&
    before.position <= FIDELITY_DEPTH &&
    without.position > FIDELITY_DEPTH
      ? `, out of the top ${FIDELITY_DEPTH}`
      : '';
  return `${lead} ${verb} from ${place(before)} to ${place(without)}${out}.`;
}

/** "With only these 3 events, it would be #5." */
export function onlySentence(k: number, only: Standing): string {
  return only.position === null
    ? `With only ${events(k)} of the whole history, it would not be in the feed.`
    : `With only ${events(k)} of the whole history, it would be ${place(only)}.`;
}

/** A difference in share that counts (5 points): below it, named and random events tie. */
const MATERIAL = 0.05;

/**
 * The report's headline at k = 3: the named events beat random ones when taking them away keeps
 * materially fewer videos in the top 20 or leaves materially less of their lift; when neither
 * moves the videos (a long history: each rests on many events), it says that instead.
 */
export function fidelityVerdict(rows: readonly FidelityRow[]): string {
  const at = (method: FidelityRow['method']) =>
    rows.find((r) => r.k === 3 && r.method === method) ?? null;
  const named = at('attributed');
  const random = at('random');
  if (!named || !random)
    return 'Too few videos with three explaining events to compare with random events.';
  const share = (x: number) => `${Math.round(x * 100)} %`;
  const kept = `Taking away the 3 events each explanation names keeps ${share(named.pos)} of the videos in the top ${FIDELITY_DEPTH}`;
  if (named.pos + MATERIAL <= random.pos || named.del + MATERIAL <= random.del)
    return `${kept}; taking away 3 random events of the same person keeps ${share(random.pos)}. The explanations name the events that matter.`;
  if (named.pos >= 1 - 2 * MATERIAL && named.del >= 1 - 2 * MATERIAL)
    return `${kept}, and ${share(named.del)} of their lift; 3 random events, ${share(random.pos)}. Three events hardly move a video here, named or not: each rests on many events, and the features saturate.`;
  return `${kept}, against ${share(random.pos)} for 3 random events: here the explanations do no better than chance.`;
}
