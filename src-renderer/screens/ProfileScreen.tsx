import { useCall } from '../api/use-call';
import { ProfileChart } from '../charts/ProfileChart';
import { Status } from './Status';

export function ProfileScreen({ datasetId }: { datasetId: string }) {
  const timeline = useCall('profile/timeline', { datasetId });
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Interest profile over time</h2>
      <p className="muted">
        Each line is a topic’s weight in the profile after every event, with time decay. The
        strongest topics at the end are shown.
      </p>
      <Status state={timeline}>
        {(value) =>
          value.points.length === 0 ? (
            <p>This dataset has no events yet.</p>
          ) : (
            <ProfileChart timeline={value} />
          )
        }
      </Status>
    </section>
  );
}
