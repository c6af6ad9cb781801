import { useMemo, useState } from 'react';
import type { ImportSummary } from '@main/contract/import';
import type { ViewingOverviewResult } from '@main/contract/viewing';
import type { DatasetSummary } from '@main/domain/types';
import { useCall } from '../api/use-call';
import { Evidence, ViewingCharts, WATCH_TIME_RULE } from '../charts/ViewingCharts';
import { countOf, formatCount, formatMinutes, formatPercent, type DisplayZone } from '../format';
import { ImportSummaryView } from './ImportSummaryView';
import { Status } from './Status';

/** The browser's own time zone, as an IANA name ('Europe/Berlin'). */
function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone;
}

/**
 * "Your viewing": when and how much the dataset's person watched, from the export alone (no
 * metadata needed). Days and hours in a zone the reader picks, the browser's by default.
 */
export function ViewingScreen({
  dataset,
  zone,
  imported,
  onAddMetadata,
}: {
  dataset: DatasetSummary;
  /** The app's display zone, which picks this screen's first zone. */
  zone: DisplayZone;
  /** The import that just made this dataset, shown once above its overview. */
  imported: ImportSummary | null;
  onAddMetadata: () => void;
}) {
  const [timeZone, setTimeZone] = useState(zone === 'UTC' ? 'UTC' : browserZone());
  const overview = useCall('viewing/overview', { datasetId: dataset.id, timeZone });
  const demo = dataset.kind === 'demo';
  return (
    <section aria-labelledby="viewing-title" className="viewing">
      <h2 id="viewing-title">
        {demo ? 'Viewing of the demo’s sample person (synthetic)' : 'Your viewing'}
      </h2>
      {imported && <ImportSummaryView summary={imported} onAddMetadata={onAddMetadata} />}
      <ZonePicker value={timeZone} onChange={setTimeZone} />
      <Status state={overview}>{(o) => <Overview o={o} />}</Status>
    </section>
  );
}

function ZonePicker({ value, onChange }: { value: string; onChange: (zone: string) => void }) {
  const own = browserZone();
  const zones = useMemo(
    () =>
      [...new Set(['UTC', ...Intl.supportedValuesOf('timeZone')])]
        .filter((z) => z !== own)
        .sort((a, b) => (a === 'UTC' ? -1 : b === 'UTC' ? 1 : a < b ? -1 : a > b ? 1 : 0)),
    [own],
  );
  return (
    <p className="zone-line">
      <label>
        Days and hours in{' '}
        <select value={value} onChange={(e) => onChange(e.target.value)}>
          <option value={own}>your time zone ({own})</option>
          {zones.map((z) => (
            <option key={z} value={z}>
              {z}
            </option>
          ))}
        </select>
      </label>{' '}
      <span className="muted">
        The export writes every time in UTC; shown here in{' '}
        {value === own ? `${own}, this computer’s zone` : value}.
      </span>
    </p>
  );
}

function Overview({ o }: { o: ViewingOverviewResult }) {
  if (o.watches === 0 && o.activity.length === 0)
    return (
      <p className="notice" role="note" data-testid="viewing-empty">
        This dataset holds no watch history, likes, shares or searches: there is no viewing to show.
        A capture records what pages loaded, not what was watched.
      </p>
    );
  const untimed = o.watches - o.timedWatches;
  return (
    <>
      <dl className="facts viewing-facts" data-testid="viewing-facts">
        <dt>Videos started</dt>
        <dd>
          {formatCount(o.watches)} <Evidence kind={o.watches > 0 ? 'observed' : null} />
        </dd>
        {o.watches > 0 && (
          <>
            <dt>Estimated watch time</dt>
            <dd>
              {formatMinutes(o.minutes)} <Evidence kind={o.minutesEvidence} />{' '}
              {untimed > 0 && (
                <span className="muted">
                  ({countOf(untimed, 'video')} without a time, the last of each session)
                </span>
              )}
            </dd>
            <dt>Sessions</dt>
            <dd>
              {formatCount(o.sessions)} <Evidence kind="observed" />
            </dd>
            <dt>Left within {countOf(o.leftWithinS, 'second')}</dt>
            <dd data-testid="viewing-left">
              {o.timedWatches === 0
                ? 'unknown: no video has a watch time'
                : `${formatPercent(o.leftWithinSeconds / o.timedWatches)} (${formatCount(o.leftWithinSeconds)} of ${countOf(o.timedWatches, 'video')} with a watch time)`}{' '}
              <Evidence kind={o.timedWatches === 0 ? null : o.minutesEvidence} />
            </dd>
          </>
        )}
      </dl>
      {o.watches > 0 && (
        <details className="viewing-rules">
          <summary>How these are estimated</summary>
          <p>{WATCH_TIME_RULE}</p>
          <p>
            A video counts as left within {countOf(o.leftWithinS, 'second')} when the next one
            started less than {countOf(o.leftWithinS, 'second')} after it (AlgorithmWatch’s DataSkop
            treats such a gap as a skip). TikTok also logs videos scrolled past, so many of these
            were never really watched.
          </p>
        </details>
      )}
      <ViewingCharts o={o} />
      {o.longestSessions.length > 0 && <LongestSessions o={o} />}
    </>
  );
}

function LongestSessions({ o }: { o: ViewingOverviewResult }) {
  return (
    <>
      <h3>The longest sessions</h3>
      <table className="metrics" data-testid="longest-sessions">
        <thead>
          <tr>
            <th scope="col">Started ({o.timeZone})</th>
            <th scope="col">
              Length <Evidence kind="observed" />
            </th>
            <th scope="col">
              Videos started <Evidence kind="observed" />
            </th>
            <th scope="col">
              Estimated watch time <Evidence kind={o.minutesEvidence} />
            </th>
          </tr>
        </thead>
        <tbody>
          {o.longestSessions.map((s) => (
            <tr key={s.session}>
              <td>{s.startLocal}</td>
              <td>{formatMinutes(s.lengthS / 60)}</td>
              <td>{formatCount(s.watches)}</td>
              <td>{formatMinutes(s.minutes)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
