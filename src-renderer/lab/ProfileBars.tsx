import { useMemo } from 'react';
import type { LabProfile } from '@main/contract/lab';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import { ModelMark } from '../charts/ChartFrame';
import { profileBars } from './profile-bars-math';

const ROW_PX = 24;

/**
 * The profile's strongest topics as bars. Each bar is keyed by topic and placed by a transform, so
 * after an action CSS animates it to its new length and row (the chart "moves" with the feed).
 * HTML rather than SVG, so it has the model's mark and a table but no "Save as image".
 */
export function ProfileBars({ profile, limit = 8 }: { profile: LabProfile; limit?: number }) {
  const bars = useMemo(
    () =>
      profileBars(
        TOPIC_TABLE,
        Object.fromEntries(profile.topics.map((d) => [d.name, d.weight])),
        limit,
      ),
    [profile, limit],
  );
  if (bars.length === 0)
    return (
      <p className="muted" data-testid="lab-profile">
        The profile is empty: no topic has a weight yet. Watch, like or skip a card.
      </p>
    );
  return (
    <>
      <ModelMark />
      <figure
        className="lab-bars"
        data-testid="lab-profile"
        style={{ height: bars.length * ROW_PX }}
      >
        <figcaption className="visually-hidden">
          Interest profile, strongest topics:{' '}
          {bars.map((b) => `${b.label} ${b.weight.toFixed(2)}`).join(', ')}
        </figcaption>
        {bars.map((b) => (
          <div
            key={b.topic}
            className="lab-bar-row"
            data-topic={b.topic}
            style={{ transform: `translateY(${b.row * ROW_PX}px)` }}
            aria-hidden="true"
          >
            <span className="lab-bar-label">{b.label}</span>
            <span className="lab-bar-track">
              <span
                className={b.negative ? 'lab-bar negative' : 'lab-bar'}
                style={{ width: `${(b.share * 100).toFixed(1)}%`, background: b.colour }}
              />
            </span>
            <span className="lab-bar-value">{b.weight.toFixed(2)}</span>
          </div>
        ))}
      </figure>
      <details className="chart-data">
        <summary>The bars as a table</summary>
        <table className="metrics" data-testid="lab-profile-table">
          <thead>
            <tr>
              <th scope="col">Topic</th>
              <th scope="col">Weight</th>
            </tr>
          </thead>
          <tbody>
            {bars.map((b) => (
              <tr key={b.topic}>
                <td>{b.label}</td>
                <td>{b.weight.toFixed(2)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
