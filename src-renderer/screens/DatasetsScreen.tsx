import { useState } from 'react';
import type { DatasetSummary } from '@main/domain/types';
import { call } from '../api/client';
import { formatCount, formatTime, zoneName } from '../format';

/** The demo's id (src-main/demo.ts): when it is missing, the screen offers it back. */
const DEMO_ID = 'demo';

/** Every dataset with its counts; rename and delete happen in place, delete asks first. */
export function DatasetsScreen({
  datasets,
  onMetadata,
}: {
  datasets: readonly DatasetSummary[];
  onMetadata: (datasetId: string) => void;
}) {
  const hasDemo = datasets.some((d) => d.id === DEMO_ID);
  return (
    <section aria-labelledby="datasets-title">
      <h2 id="datasets-title">Datasets</h2>
      {datasets.length === 0 ? (
        <p className="notice" role="note">
          No datasets. Import a TikTok export or a capture on the Import screen, or restore the demo
          below.
        </p>
      ) : (
        <div className="table-scroll">
          <table className="datasets">
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">Kind</th>
                <th scope="col">Events</th>
                <th scope="col">Sessions</th>
                <th scope="col">From – to ({zoneName()})</th>
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
        </div>
      )}
      {!hasDemo && <RestoreDemo />}
    </section>
  );
}

function RestoreDemo() {
  const [error, setError] = useState<string | null>(null);
  async function restore() {
    try {
      await call('datasets/restore-demo', {});
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <p>
      <button type="button" onClick={() => void restore()}>
        Restore the demo dataset
      </button>{' '}
      <span className="muted">a synthetic persona’s first week, to try every screen</span>
      {error && (
        <span role="alert" className="error">
          {' '}
          {error}
        </span>
      )}
    </p>
  );
}

function DatasetRow({ dataset, onMetadata }: { dataset: DatasetSummary; onMetadata: () => void }) {
  const [confirming, setConfirming] = useState(false);
  const [renaming, setRenaming] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(action: () => Promise<unknown>) {
    try {
      await action();
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }
  return (
    <tr data-testid="dataset-row">
      <td>
        {renaming ? (
          <RenameForm
            name={dataset.name}
            onCancel={() => setRenaming(false)}
            onSave={(name) =>
              void run(async () => {
                await call('datasets/rename', { id: dataset.id, name });
                setRenaming(false);
              })
            }
          />
        ) : (
          <>
            {dataset.name}{' '}
            <button
              type="button"
              className="link"
              aria-label={`Rename ${dataset.name}`}
              onClick={() => setRenaming(true)}
            >
              rename
            </button>
          </>
        )}
      </td>
      <td>{dataset.kind}</td>
      <td>{formatCount(dataset.eventCount)}</td>
      <td>{formatCount(dataset.sessions)}</td>
      <td>
        {formatTime(dataset.from, 'day')} – {formatTime(dataset.to, 'day')}
      </td>
      <td>
        {error && (
          <span role="alert" className="error">
            {error}{' '}
          </span>
        )}
        <button type="button" onClick={onMetadata}>
          Metadata…
        </button>{' '}
        {confirming ? (
          <span role="group" aria-label={`Confirm deleting ${dataset.name}`}>
            Delete for good?{' '}
            <button
              type="button"
              className="danger"
              onClick={() => void run(() => call('datasets/delete', { id: dataset.id }))}
            >
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

function RenameForm({
  name,
  onSave,
  onCancel,
}: {
  name: string;
  onSave: (name: string) => void;
  onCancel: () => void;
}) {
  const [value, setValue] = useState(name);
  const trimmed = value.trim();
  return (
    <span role="group" aria-label={`Rename ${name}`}>
      <input
        aria-label="New name"
        value={value}
        maxLength={200}
        autoFocus
        onChange={(e) => setValue(e.target.value)}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && trimmed !== '') onSave(trimmed);
          if (e.key === 'Escape') onCancel();
        }}
      />{' '}
      <button type="button" disabled={trimmed === ''} onClick={() => onSave(trimmed)}>
        Save
      </button>{' '}
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </span>
  );
}
