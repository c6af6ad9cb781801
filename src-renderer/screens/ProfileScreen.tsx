import { useState } from 'react';
import type { DatasetSummary } from '@main/domain/types';
import { DIM_TYPES, type DimType } from '@main/engine/config';
import { useCall } from '../api/use-call';
import { ProfileChart } from '../charts/ProfileChart';
import type { MetadataFocus } from '../enrich/MetadataScreen';
import { profileSettings, WEAKLY_SEEN_LOADED_FACTOR, type EngineSettings } from '../settings';
import { MetadataNeeded } from './MetadataNeeded';
import { SignalLog } from './SignalLog';
import { Status } from './Status';

export function ProfileScreen({
  dataset,
  settings,
  onSettings,
  onMetadata,
}: {
  dataset: DatasetSummary;
  settings: EngineSettings;
  onSettings: (settings: EngineSettings) => void;
  onMetadata: (focus: MetadataFocus) => void;
}) {
  const datasetId = dataset.id;
  const [dimension, setDimension] = useState<DimType>('topic');
  const timeline = useCall('profile/timeline', {
    datasetId,
    dimension,
    ...profileSettings(settings),
  });
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Interest profile over time</h2>
      <p className="muted">
        Each line is one dimension’s weight in the profile after every event, with time decay. The
        strongest at the end are shown.{' '}
        <label>
          Follow{' '}
          <select value={dimension} onChange={(e) => setDimension(e.target.value as DimType)}>
            {DIM_TYPES.map((d) => (
              <option key={d} value={d}>
                {d}s
              </option>
            ))}
          </select>
        </label>
      </p>
      {dataset.kind === 'zeeschuimer' && (
        <p className="notice" role="note" data-testid="capture-note">
          {settings.loadedFactor === 0 ? (
            <>
              A capture records what the page loaded, not what you watched, so it builds no profile.{' '}
              <button
                type="button"
                onClick={() => onSettings({ ...settings, loadedFactor: WEAKLY_SEEN_LOADED_FACTOR })}
              >
                Count loaded videos as weakly seen
              </button>
            </>
          ) : (
            <>
              Loaded videos count ×{settings.loadedFactor.toFixed(2)}, as if weakly seen: the page
              loaded them, which does not prove you watched them.{' '}
              <button type="button" onClick={() => onSettings({ ...settings, loadedFactor: 0 })}>
                Count them as unseen again
              </button>
            </>
          )}
        </p>
      )}
      <MetadataNeeded dataset={dataset} onMetadata={onMetadata} />
      <Status state={timeline}>
        {(value) =>
          value.points.length === 0 ? (
            <p className="notice" role="note">
              This dataset has no events, so there is no profile to draw: import a TikTok export or
              a capture on the Import screen.
            </p>
          ) : value.topics.length === 0 ? (
            <p className="notice" role="note" data-testid="profile-empty">
              No {dimension} has any weight yet: none of this dataset’s events is about a video or a
              name whose {dimension} is known. Follow another dimension above, or add metadata so
              the videos you watched count.
            </p>
          ) : (
            <ProfileChart timeline={value} />
          )
        }
      </Status>
      <SignalLog datasetId={datasetId} settings={settings} />
    </section>
  );
}
