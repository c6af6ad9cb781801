// Pure math for the Lab's small profile chart: the strongest topics as bars, keyed by topic so
// React keeps each bar and CSS animates its width and place when an action moves the profile.
// Tested without a DOM (test/renderer/lab-chart.test.ts).
import { topicColour, topicLabel, type TopicTable } from '../cards/card-look';

export type ProfileBar = {
  topic: string;
  label: string;
  colour: string;
  weight: number;
  /** Bar length as a share of the strongest |weight| shown, 0..1. */
  share: number;
  /** Row in the chart, 0 at the top. */
  row: number;
  negative: boolean;
};

/**
 * The `limit` topics with the largest |weight|, strongest first (ties by topic id), each scaled to
 * the strongest so the longest bar fills the row.
 */
export function profileBars(
  topics: TopicTable,
  weights: Record<string, number>,
  limit: number,
): ProfileBar[] {
  const top = Object.entries(weights)
    .filter(([, w]) => w !== 0 && Number.isFinite(w))
    .sort(([a, wa], [b, wb]) => Math.abs(wb) - Math.abs(wa) || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, limit);
  const peak = top.length > 0 ? Math.abs(top[0]![1]) : 1;
  return top.map(([topic, weight], row) => ({
    topic,
    label: topicLabel(topics, topic),
    colour: topicColour(topics, topic),
    weight,
    share: Math.abs(weight) / peak,
    row,
    negative: weight < 0,
  }));
}
