import type { ImportSummary } from '@main/contract/import';
import { countOf, formatCount, formatTime } from '../format';
import { ExportContents } from './ExportContents';
import { ExportSelfFacts } from './ExportSelf';

/** What an import holds and, as plainly, what it lacks or had to estimate. */
export function ImportSummaryView({
  summary,
  onAddMetadata,
}: {
  summary: ImportSummary;
  onAddMetadata: () => void;
}) {
  const kinds = Object.entries(summary.events).sort(([a], [b]) => (a < b ? -1 : 1));
  return (
    <div className="summary" data-testid="import-summary">
      <h3>
        {summary.alreadyImported ? 'Already imported — nothing changed: ' : 'Imported '}
        {summary.name}
      </h3>
      <dl className="facts">
        <dt>Events</dt>
        <dd>{formatCount(summary.eventCount)}</dd>
        <dt>Sessions</dt>
        <dd>{formatCount(summary.sessions)}</dd>
        <dt>From – to</dt>
        <dd>
          {formatTime(summary.from)} – {formatTime(summary.to)}
        </dd>
        <dt>Videos</dt>
        <dd>
          {formatCount(summary.itemsWithMetadata)} with metadata,{' '}
          {formatCount(summary.itemsWithoutMetadata)} known by id only
        </dd>
        <dt>Duplicates removed</dt>
        <dd>{formatCount(summary.duplicatesRemoved)}</dd>
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
              <td>{formatCount(n ?? 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {summary.itemsWithoutMetadata > 0 && (
        <p className="notice" role="note" data-testid="import-metadata-hint">
          {countOf(summary.itemsWithoutMetadata, 'video is', 'videos are')} known by id only:
          without a caption or creator they cannot shape your interests.{' '}
          <button type="button" onClick={onAddMetadata}>
            Add metadata
          </button>
        </p>
      )}
      <ExportSelfFacts facts={summary} />
      <ExportContents summary={summary} />
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
