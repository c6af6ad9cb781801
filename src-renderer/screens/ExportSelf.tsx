import type { ExportSelf } from '@main/contract/profile';
import { useCall } from '../api/use-call';
import { formatCount } from '../format';

type Facts = Omit<ExportSelf, 'datasetId'>;

/**
 * What a TikTok export says about itself: its lifetime counts, the check of Feedlens's completion
 * estimate against them (the sentence is built on the main side), and the person's own keyword
 * filters, which every feed of the dataset applies. Shown on the Import summary and the Profile.
 */
export function ExportSelfFacts({ facts }: { facts: Facts }) {
  const { activitySummary: counts, completion, keywordFilters } = facts;
  if (counts === null && keywordFilters.length === 0) return null;
  return (
    <div className="export-self" data-testid="export-self">
      <h4>What your export says about itself</h4>
      {counts !== null && (
        <dl className="facts">
          {counts.videosWatchedToTheEnd !== null && (
            <>
              <dt>Watched to the end since you registered</dt>
              <dd>{formatCount(counts.videosWatchedToTheEnd)}</dd>
            </>
          )}
          {counts.videosCommentedOn !== null && (
            <>
              <dt>Commented on</dt>
              <dd>{formatCount(counts.videosCommentedOn)}</dd>
            </>
          )}
          {counts.videosShared !== null && (
            <>
              <dt>Shared</dt>
              <dd>{formatCount(counts.videosShared)}</dd>
            </>
          )}
        </dl>
      )}
      {completion !== null && (
        <p
          className={completion.verdict === 'disagree' ? 'notice' : 'muted'}
          role="note"
          data-testid="completion-check"
        >
          {completion.sentence}
        </p>
      )}
      {keywordFilters.length > 0 && (
        <p data-testid="keyword-filters">
          Your keyword filters (from your TikTok settings, observed):{' '}
          {keywordFilters.map((k, i) => (
            <span key={k}>
              {i > 0 && ', '}
              <code>{k}</code>
            </span>
          ))}
          . Every feed of this dataset applies them, and says which video each one removed.
        </p>
      )}
    </div>
  );
}

/** The Profile's copy, checked against the dataset as it is now (durations added since count). */
export function ExportSelfPanel({ datasetId }: { datasetId: string }) {
  const answer = useCall('profile/export', { datasetId });
  if (answer.status !== 'ready') return null;
  return <ExportSelfFacts facts={answer.value} />;
}
