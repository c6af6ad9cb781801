import { useState } from 'react';
import { DIM_TYPES, type DimType } from '@main/engine/config';
import { useCall } from '../api/use-call';
import { ProfileChart } from '../charts/ProfileChart';
import { SignalLog } from './SignalLog';
import { profileSettings, type EngineSettings } from '../settings';
import { Status } from './Status';

export function ProfileScreen({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
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
      <Status state={timeline}>
        {(value) =>
          value.points.length === 0 ? (
            <p>This dataset has no events yet.</p>
          ) : value.topics.length === 0 ? (
            <p>No {dimension} is known for the videos in this dataset.</p>
          ) : (
            <ProfileChart timeline={value} />
          )
        }
      </Status>
      <SignalLog datasetId={datasetId} settings={settings} />
    </section>
  );
}
