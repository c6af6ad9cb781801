import { useState } from 'react';
import type { DatasetSummary } from '@main/domain/types';
import { call } from '../api/client';
import { formatCount, formatUtc } from '../format';

/** Every dataset with its counts; delete asks first, in place. */
export function DatasetsScreen({
  datasets,
  onMetadata,
}: {
  datasets: readonly DatasetSummary[];
  onMetadata: (datasetId: string) => void;
}) {
  return (
    <section aria-labelledby="datasets-title">
      <h2 id="datasets-title">Datasets</h2>
      {datasets.length === 0 ? (
        <p className="notice" role="note">
          No datasets. Import a TikTok export or a capture on the Import screen.
        </p>
      ) : (
        <table className="datasets">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Kind</th>
              <th scope="col">Events</th>
              <th scope="col">Sessions</th>
              <th scope="col">From – to (UTC)</th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {datasets.map((d) => (
              <DatasetRow key={d.id} dataset={d} onMetadata={() => onMetadata(d.id)} />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DatasetRow({ dataset, onMetadata }: { dataset: DatasetSummary; onMetadata: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function remove() {
    try {
      await call('datasets/delete', { id: dataset.id });
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <tr data-testid="dataset-row">
      <td>{dataset.name}</td>
      <td>{dataset.kind}</td>
      <td>{formatCount(dataset.eventCount)}</td>
      <td>{formatCount(dataset.sessions)}</td>
      <td>
        {formatUtc(dataset.from, 'day')} – {formatUtc(dataset.to, 'day')}
      </td>
      <td>
        {error && <span className="error">{error} </span>}
        <button type="button" onClick={onMetadata}>
          Metadata…
        </button>{' '}
        {confirming ? (
          <span role="group" aria-label={`Confirm deleting ${dataset.name}`}>
            Delete for good?{' '}
            <button type="button" className="danger" onClick={() => void remove()}>
              Delete
            </button>{' '}
            <button type="button" autoFocus onClick={() => setConfirming(false)}>
              Keep
            </button>
          </span>
        ) : (
          <button type="button" onClick={() => setConfirming(true)}>
            Delete…
          </button>
        )}
      </td>
    </tr>
  );
}
