import type { ImportSummary } from '@main/api/contract/import';
import { formatUtc } from '../format';

/** What an import holds and, as plainly, what it lacks or had to estimate. */
export function ImportSummaryView({ summary }: { summary: ImportSummary }) {
  const kinds = Object.entries(summary.events).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <div className="summary" data-testid="import-summary">
      <h3>
        {summary.alreadyImported ? 'Already imported — nothing changed: ' : 'Imported '}
        {summary.name}
      </h3>
      <dl className="facts">
        <dt>Events</dt>
        <dd>{summary.eventCount.toLocaleString('en')}</dd>
        <dt>Sessions</dt>
        <dd>{summary.sessions.toLocaleString('en')}</dd>
        <dt>From – to</dt>
        <dd>
          {formatUtc(summary.from)} – {formatUtc(summary.to)}
        </dd>
        <dt>Videos</dt>
        <dd>
          {summary.itemsWithMetadata.toLocaleString('en')} with metadata,{' '}
          {summary.itemsWithoutMetadata.toLocaleString('en')} known by id only
        </dd>
        <dt>Duplicates removed</dt>
        <dd>{summary.duplicatesRemoved.toLocaleString('en')}</dd>
      </dl>
      <table className="counts">
        <thead>
          <tr>
            <th scope="col">Signal</th>
            <th scope="col">Events</th>
          </tr>
        </thead>
        <tbody>
          {kinds.map(([kind, n]) => (
            <tr key={kind}>
              <td>{kind}</td>
              <td>{(n ?? 0).toLocaleString('en')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <Notes title="Estimated, not read" lines={summary.inferred} />
      <Notes title="Not in this source" lines={summary.lacks} />
      <Notes title="Warnings" lines={summary.warnings} />
    </div>
  );
}

function Notes({ title, lines }: { title: string; lines: readonly string[] }) {
  if (lines.length === 0) return null;
  return (
    <>
      <h4>{title}</h4>
      <ul>
        {lines.map((line) => (
          <li key={line}>{line}</li>
        ))}
      </ul>
    </>
  );
}
