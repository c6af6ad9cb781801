import type { DatasetSummary } from '@main/domain/types';
import { useCall } from '../api/use-call';
import { missingMetadataSentence } from '../explain/coverage-sentence';
import type { MetadataFocus } from '../enrich/MetadataScreen';

/**
 * "Your export lists 1,990 videos without captions or creators. Add metadata: [Fetch from
 * TikTok] [Add a capture] [Add a file]" — on the Profile and the Feed while any video lacks both.
 */
export function MetadataNeeded({
  dataset,
  onMetadata,
}: {
  dataset: DatasetSummary;
  onMetadata: (focus: MetadataFocus) => void;
}) {
  const plan = useCall('enrich/plan', { datasetId: dataset.id });
  if (plan.status !== 'ready' || plan.value.missing === 0) return null;
  return (
    <div className="notice" role="note" data-testid="metadata-needed">
      {missingMetadataSentence(plan.value.missing, plan.value.alreadyAsked, dataset.kind)} Add
      metadata:{' '}
      {plan.value.requests > 0 && (
        <button type="button" onClick={() => onMetadata('fetch')}>
          Fetch from TikTok
        </button>
      )}{' '}
      <button type="button" onClick={() => onMetadata('file')}>
        Add a capture
      </button>{' '}
      <button type="button" onClick={() => onMetadata('file')}>
        Add a file
      </button>
    </div>
  );
}
