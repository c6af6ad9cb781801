import { useCall } from '../api/use-call';
import { coverageSentence } from '../explain/coverage-sentence';
import { countOf, formatCount } from '../format';
import type { EnrichJob } from '../enrich/use-enrich-job';

/** One line on every screen: what is known about the dataset's videos, and a way to add more. */
export function CoverageStrip({
  datasetId,
  job,
  onAddMetadata,
}: {
  datasetId: string;
  job: EnrichJob;
  /** Absent on the Metadata screen itself; hidden when every video has a caption and creator. */
  onAddMetadata?: () => void;
}) {
  const coverage = useCall('enrich/coverage', { datasetId });
  const running = job.step === 'running' && job.datasetId === datasetId;
  const complete =
    coverage.status === 'ready' &&
    coverage.value.withCaption === coverage.value.items &&
    coverage.value.withCreator === coverage.value.items;
  return (
    <p className="coverage" data-testid="coverage">
      {coverage.status === 'ready' ? (
        <span>{coverageSentence(coverage.value)}.</span>
      ) : coverage.status === 'error' ? (
        <span className="muted">What is known about these videos: {coverage.message}</span>
      ) : (
        <span className="muted">Counting what is known about these videos…</span>
      )}
      {running && (
        <span className="badge">
          fetching: {formatCount(job.done)}
          {job.total === null ? '' : ` of ${countOf(job.total, 'video')}`}
        </span>
      )}
      {onAddMetadata && !complete && (
        <>
          {' '}
          <button type="button" className="link" onClick={onAddMetadata}>
            Add metadata…
          </button>
        </>
      )}
    </p>
  );
}
