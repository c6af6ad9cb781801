import { LOOKUP_OUTCOMES, type EnrichResult, type LookupOutcome } from '@main/contract/enrich';
import { countOf, formatCount, formatDuration } from '../format';
import { etaSeconds } from './eta';
import type { EnrichJob } from './use-enrich-job';

const RESUME =
  'What was fetched is kept: if the run stops or Feedlens closes, start again to continue.';

/** A running online lookup: done of total, time left, cancel. */
export function EnrichProgress({
  job,
  onCancel,
}: {
  job: Extract<EnrichJob, { step: 'running' }>;
  onCancel: () => void;
}) {
  const eta = job.total === null ? null : etaSeconds(job.samples, job.total);
  const amount =
    job.total === null
      ? countOf(job.done, 'video')
      : `${formatCount(job.done)} of ${countOf(job.total, 'video')}`;
  return (
    <div className="enrich-progress" data-testid="enrich-progress">
      <p aria-live="polite">
        {job.cancelling ? 'Stopping after the current request… ' : 'Fetching metadata: '}
        <strong data-testid="enrich-done">{amount}</strong>
        {eta !== null && !job.cancelling ? ` · ${formatDuration(eta)} left` : ''}
      </p>
      <progress
        max={job.total ?? 1}
        value={job.total === null ? undefined : job.done}
        aria-label="Metadata fetched"
      />
      <p className="muted">{RESUME}</p>
      <button type="button" disabled={job.cancelling || job.jobId === null} onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}

export function outcomeLabel(outcome: LookupOutcome): string {
  switch (outcome) {
    case 'found':
      return 'found';
    case 'deleted':
      return 'deleted';
    case 'private':
      return 'private';
    case 'bad-answer':
      return 'bad answers';
    case 'failed':
      return 'failed (asked again on the next run)';
  }
}

/** How a run ended: counts by outcome. */
export function EnrichOutcome({ result }: { result: EnrichResult }) {
  return (
    <div data-testid="enrich-outcome" aria-live="polite">
      {result.cancelled && <p>Stopped. {RESUME}</p>}
      <p>
        {result.cancelled ? 'So far' : 'Done'}: asked about {countOf(result.asked, 'video')} in{' '}
        {formatDuration(result.durationMs / 1000)}
        {result.skipped > 0 ? `; ${formatCount(result.skipped)} answered before were skipped` : ''}.
      </p>
      <table className="counts">
        <thead>
          <tr>
            <th scope="col">Outcome</th>
            <th scope="col">Videos</th>
          </tr>
        </thead>
        <tbody>
          {LOOKUP_OUTCOMES.map((o) => (
            <tr key={o}>
              <td>{outcomeLabel(o)}</td>
              <td>{formatCount(result.outcomes[o])}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {result.thumbnails.stored + result.thumbnails.refused + result.thumbnails.failed > 0 && (
        <p data-testid="enrich-thumbnails">
          Thumbnails: {formatCount(result.thumbnails.stored)} downloaded
          {result.thumbnails.refused > 0
            ? `, ${formatCount(result.thumbnails.refused)} not asked (not on TikTok's image servers)`
            : ''}
          {result.thumbnails.failed > 0
            ? `, ${formatCount(result.thumbnails.failed)} not kept (no image, too large or no answer)`
            : ''}
          ; the other cards keep their generated thumbnails.
        </p>
      )}
    </div>
  );
}
