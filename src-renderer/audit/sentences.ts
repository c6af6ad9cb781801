// One plain sentence per Audit chart, from the numbers it draws. Pure; tested in
// test/renderer/audit-sentences.test.ts.
import type { Amplification } from '@main/contract/replay';
import { countOf } from '../format';

export type MetricSentenceSpec = {
  /** "Profile entropy" */
  name: string;
  format: (value: number) => string;
  /** What a rise means and what a fall means, in the reader's words. */
  rise: string;
  fall: string;
};

/** A change smaller than this share of the larger value reads as "held steady". */
const STEADY = 0.05;

/** "Profile entropy went from 3.10 bits to 1.20 bits over 14 slates: the profile narrowed." */
export function metricSentence(spec: MetricSentenceSpec, values: readonly number[]): string {
  const first = values[0];
  const last = values.at(-1);
  if (first === undefined || last === undefined)
    return `No slate to measure ${spec.name.toLowerCase()} on.`;
  if (values.length === 1) return `${spec.name} was ${spec.format(first)} at the only slate.`;
  const span = `over ${countOf(values.length, 'slate')}`;
  const scale = Math.max(Math.abs(first), Math.abs(last));
  if (scale === 0 || Math.abs(last - first) <= STEADY * scale)
    return `${spec.name} held steady at about ${spec.format(last)} ${span}.`;
  const meaning = last > first ? spec.rise : spec.fall;
  return `${spec.name} went from ${spec.format(first)} to ${spec.format(last)} ${span}: ${meaning}.`;
}

/** "2 of 9 topics reached 30% of the profile; the first, Food & Cooking, after 41 events." */
export function amplificationSentence(
  amplification: Amplification,
  label: (topic: string) => string,
): string {
  const { topics, threshold } = amplification;
  const share = `${Math.round(threshold * 100)}% of the profile`;
  if (topics.length === 0) return 'The profile never held a topic, so none could be amplified.';
  const amplified = topics
    .filter((t): t is typeof t & { events: number } => t.events !== null)
    .sort((a, b) => a.events - b.events);
  const first = amplified[0];
  if (!first)
    return `None of the ${countOf(topics.length, 'topic')} the profile held reached ${share}.`;
  return `${amplified.length} of ${countOf(topics.length, 'topic')} reached ${share}; the first, ${label(first.topic)}, after ${countOf(first.events, 'event')}.`;
}
