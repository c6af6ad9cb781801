import { useState } from 'react';
import type { MovedMetadata } from '@main/contract/enrich';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { countOf } from '../format';

/**
 * Once, after migration 0060: the metadata files of before now belong to the datasets that use
 * them. Shown until the person says they read it (`enrich/moved-seen`), on any dataset's screen.
 */
export function MovedNotice() {
  const notice = useCall('enrich/moved-notice', {});
  const [read, setRead] = useState(false);
  if (read || notice.status !== 'ready' || notice.value.moved.length === 0) return null;
  return (
    <div className="notice" role="note" data-testid="moved-notice">
      <p>{movedSentence(notice.value.moved)}</p>
      <button
        type="button"
        onClick={() => {
          setRead(true);
          void call('enrich/moved-seen', {});
        }}
      >
        Got it
      </button>
    </div>
  );
}

function movedSentence(moved: readonly MovedMetadata[]): string {
  const owned = moved.filter((m) => m.datasetId !== null);
  const toAll = moved.find((m) => m.datasetId === null);
  const parts = owned.map(
    (m) => `${m.datasetName ?? 'a dataset'} (${countOf(m.records, 'video')})`,
  );
  const rest = toAll
    ? ` Metadata about ${countOf(toAll.records, 'video')} that no dataset lists stays attached to all datasets.`
    : '';
  const head =
    parts.length > 0
      ? `Your metadata files now belong to the datasets that use them: ${parts.join(', ')}.`
      : 'Your metadata files now belong to a dataset each, or explicitly to all.';
  return `${head}${rest} Each is listed under “Metadata added to this dataset” as “Added before metadata belonged to a dataset”, and can be removed there.`;
}
