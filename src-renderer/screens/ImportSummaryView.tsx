import { useState } from 'react';
import type { ImportSummary } from '@main/contract/import';
import type { ImportFile, SectionChoice } from '@main/domain/types';
import { countOf, formatCount, formatTime } from '../format';
import { ExportContents } from './ExportContents';
import { ExportSelfFacts } from './ExportSelf';

const CHOICE_LABELS: Record<SectionChoice, string> = {
  watch: 'Watch history',
  like: 'Likes',
  favorite: 'Favourites',
  ignore: 'Leave out',
};

const STATE_LABELS: Record<ImportFile['state'], string> = {
  read: 'read',
  empty: 'empty section',
  private: 'private: never opened',
  ignored: 'not read',
  'needs-choice': 'needs your choice',
  failed: 'could not be read',
};

/** What an import holds and, as plainly, what it lacks or had to estimate. */
export function ImportSummaryView({
  summary,
  onAddMetadata,
  onChoose,
}: {
  summary: ImportSummary;
  onAddMetadata: () => void;
  /** Imports the export again with these files' sections chosen (absent: cannot re-import). */
  onChoose?: (sections: Record<string, SectionChoice>) => void;
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
      {summary.files.some((f) => f.state === 'needs-choice') && onChoose && (
        <ChooseSections files={summary.files} onChoose={onChoose} />
      )}
      <ExportSelfFacts facts={summary} />
      <ExportContents summary={summary} />
      {summary.files.length > 0 && <FileTable files={summary.files} />}
      <Notes title="Estimated, not read" lines={summary.inferred} />
      <Notes title="Not in this source" lines={summary.lacks} />
      <Notes title="Warnings" lines={summary.warnings} />
    </div>
  );
}

/**
 * Files of dated video links under a name Feedlens does not know: watch history, likes and
 * favourites look alike, so the person says which (docs/IMPORT.md, "Ask, don't guess").
 */
function ChooseSections({
  files,
  onChoose,
}: {
  files: readonly ImportFile[];
  onChoose: (sections: Record<string, SectionChoice>) => void;
}) {
  const pending = files.filter((f) => f.state === 'needs-choice');
  const [choices, setChoices] = useState<Record<string, SectionChoice>>({});
  const chosen = pending.filter((f) => choices[f.name] !== undefined);
  return (
    <div className="notice" role="group" aria-labelledby="choose-sections-title">
      <h4 id="choose-sections-title">Which section is each of these files?</h4>
      <p>
        {countOf(pending.length, 'file holds', 'files hold')} dated video links under a name
        Feedlens does not know. Watch history, likes and favourites look alike in them, so they were
        not imported: say which each one is and Feedlens adds them to this dataset (and remembers
        your answer for these file names).
      </p>
      <ul>
        {pending.map((f) => (
          <li key={f.name}>
            <label>
              <strong>{f.name}</strong> — {countOf(f.rows, 'record')}, {formatTime(f.firstAt)} –{' '}
              {formatTime(f.lastAt)}{' '}
              <select
                value={choices[f.name] ?? ''}
                onChange={(e) =>
                  setChoices((c) => ({ ...c, [f.name]: e.target.value as SectionChoice }))
                }
              >
                <option value="" disabled>
                  Choose…
                </option>
                {(Object.keys(CHOICE_LABELS) as SectionChoice[]).map((choice) => (
                  <option key={choice} value={choice}>
                    {CHOICE_LABELS[choice]}
                  </option>
                ))}
              </select>
            </label>
          </li>
        ))}
      </ul>
      <button type="button" disabled={chosen.length === 0} onClick={() => onChoose(choices)}>
        Import {countOf(chosen.length, 'file')} with these choices
      </button>
    </div>
  );
}

/** Every file of the export and what became of it: nothing is silently dropped. */
function FileTable({ files }: { files: readonly ImportFile[] }) {
  return (
    <details className="files">
      <summary>Every file ({formatCount(files.length)})</summary>
      <table className="counts" data-testid="import-files">
        <thead>
          <tr>
            <th scope="col">File</th>
            <th scope="col">State</th>
            <th scope="col">Section</th>
            <th scope="col">Records</th>
            <th scope="col">From – to</th>
          </tr>
        </thead>
        <tbody>
          {files.map((f) => (
            <tr key={f.name} data-state={f.state}>
              <td>{f.name}</td>
              <td>
                {STATE_LABELS[f.state]}
                {f.note && f.state !== 'private' ? ` (${f.note})` : ''}
              </td>
              <td>
                {f.section ?? '—'}
                {f.by === 'shape' || f.by === 'choice' ? ` (by ${f.by})` : ''}
              </td>
              <td>
                {f.state === 'private' || f.state === 'empty' ? '—' : formatCount(f.rows)}
                {f.skipped > 0 ? ` (${formatCount(f.skipped)} skipped)` : ''}
              </td>
              <td>
                {f.firstAt === null ? '—' : `${formatTime(f.firstAt)} – ${formatTime(f.lastAt)}`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
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
