import type { ImportSummary } from '@main/contract/import';
import { countOf, formatCount, formatTime } from '../format';

/**
 * "What's in your export": every section TikTok documents, found (its rows, dates and what it
 * feeds) or absent, so a person knows what the export lacks before looking for it on a chart; then
 * what was repaired, skipped or not understood. The list and its wording come from the main side.
 */
export function ExportContents({ summary }: { summary: ImportSummary }) {
  const found = summary.sections.filter((s) => s.state === 'found');
  const absent = summary.sections.filter((s) => s.state === 'absent');
  return (
    <>
      {summary.sections.length > 0 && (
        <div className="export-contents" data-testid="export-contents">
          <h4>What’s in your export</h4>
          <table className="counts">
            <thead>
              <tr>
                <th scope="col">Section</th>
                <th scope="col">Rows</th>
                <th scope="col">From – to</th>
                <th scope="col">Feeds</th>
              </tr>
            </thead>
            <tbody>
              {found.map((s) => (
                <tr key={s.name}>
                  <td>{s.name}</td>
                  <td>{formatCount(s.rows)}</td>
                  <td>
                    {s.from === null
                      ? '—'
                      : `${formatTime(s.from, 'day')} – ${formatTime(s.to, 'day')}`}
                  </td>
                  <td>{s.feeds.length === 0 ? 'nothing yet' : s.feeds.join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          {absent.length > 0 && (
            <p className="muted" data-testid="export-absent">
              Not in this export: {absent.map((s) => s.name).join(', ')}.
            </p>
          )}
        </div>
      )}
      {summary.repairs.length > 0 && (
        <>
          <h4>Repaired</h4>
          <ul data-testid="import-repairs">
            {summary.repairs.map((line) => (
              <li key={line}>{line}</li>
            ))}
          </ul>
        </>
      )}
      {summary.skippedRecords.length > 0 && (
        <>
          <h4>Skipped records</h4>
          <ul data-testid="import-skipped">
            {summary.skippedRecords.map((s) => (
              <li key={`${s.section}:${s.reason}`}>
                {s.section}: {countOf(s.count, 'record')} with {s.reason}
                {s.lines.length > 0 &&
                  ` (line ${s.lines.join(', ')}${s.count > s.lines.length ? ', …' : ''})`}
                .
              </li>
            ))}
          </ul>
        </>
      )}
      {summary.unknownKeys.length > 0 && (
        <>
          <h4>Parts this version does not know</h4>
          <p className="muted">
            TikTok changed its export: these were counted, not read. Report the names and counts
            (never their content) as docs/IMPORT.md says, so the next version reads them.
          </p>
          <ul data-testid="import-unknown-keys">
            {summary.unknownKeys.map((k) => (
              <li key={k.path}>
                <code>{k.path}</code>: {countOf(k.rows, 'record')}
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
