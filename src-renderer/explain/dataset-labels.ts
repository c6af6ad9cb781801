// The dataset picker's words: a name alone when it is unique; when two datasets share a name, each
// also says when it starts and how many events it holds, so they can be told apart.
import type { DatasetSummary } from '@main/domain/types';
import { countOf, formatTimeIn, type DisplayZone } from '../format';

type Labelled = Pick<DatasetSummary, 'id' | 'name' | 'eventCount' | 'from' | 'createdAt'>;

/** id → label, e.g. 'Demo (1,990 events)' or 'My export, from 2024-11-02 (49,866 events)'. */
export function datasetLabels(
  datasets: readonly Labelled[],
  zone: DisplayZone,
): Map<string, string> {
  const byName = new Map<string, Labelled[]>();
  for (const d of datasets) byName.set(d.name, [...(byName.get(d.name) ?? []), d]);
  const labels = new Map<string, string>();
  for (const d of datasets) {
    const twins = byName.get(d.name)!;
    const events = countOf(d.eventCount, 'event');
    if (twins.length === 1) {
      labels.set(d.id, `${d.name} (${events})`);
      continue;
    }
    const from = `from ${formatTimeIn(zone, d.from, 'day')}`;
    const sameStart = twins.filter((t) => t.from === d.from).length > 1;
    // Same name and same first day (the same export imported twice): the import time tells them apart.
    const imported = sameStart ? `, imported ${formatTimeIn(zone, d.createdAt, 'minute')}` : '';
    labels.set(d.id, `${d.name}, ${from}${imported} (${events})`);
  }
  return labels;
}
