// What `feedlens import` prints about a TikTok export beyond its counts: what the export says
// about itself, its sections, what was repaired or skipped and the keys this version does not know
// (names and counts only). The same facts as the Import summary's card (docs/IMPORT.md).
import type { ImportSummary } from '../../../import/types';

export function exportReportLines(s: ImportSummary): string[] {
  const found = s.sections.filter((x) => x.state === 'found');
  const absent = s.sections.filter((x) => x.state === 'absent');
  return [
    ...(s.completion ? [`Export says: ${s.completion.sentence}`] : []),
    ...(s.keywordFilters.length > 0
      ? [
          `Filters:   your keyword filters (observed, from your settings): ${s.keywordFilters.join(', ')}`,
        ]
      : []),
    ...found.map(
      (x) =>
        `Section:   ${x.name}: ${x.rows} rows${x.from ? `, ${x.from.slice(0, 10)} to ${x.to!.slice(0, 10)}` : ''}; feeds ${x.feeds.length ? x.feeds.join(' and ') : 'nothing yet'}`,
    ),
    ...(absent.length > 0 ? [`Absent:    ${absent.map((x) => x.name).join(', ')}`] : []),
    ...s.repairs.map((line) => `Repaired:  ${line}`),
    ...s.skippedRecords.map(
      (x) =>
        `Skipped:   ${x.section}: ${x.count} record(s) with ${x.reason}${x.lines.length ? ` (line ${x.lines.join(', ')})` : ''}`,
    ),
    ...s.unknownKeys.map(
      (k) =>
        `Unknown:   "${k.path}" (${k.rows} records, not read; see docs/IMPORT.md to report it)`,
    ),
  ];
}
