import type { ProfileStream } from '@main/contract/profile';
import { formatCount, formatPercent, formatTime } from '../format';
import { ChartTable } from './ChartTable';

/** The chart's data as a table: one row per point, each with a way to open its event. */
export function ProfileStreamTable({
  stream,
  onOpenEvent,
}: {
  stream: ProfileStream;
  onOpenEvent: (eventIndex: number) => void;
}) {
  return (
    <ChartTable>
      {() => (
        <table className="metrics" data-testid="profile-chart-table">
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">When</th>
              {stream.topics.map((t) => (
                <th key={t} scope="col">
                  {t}
                </th>
              ))}
              <th scope="col">other</th>
              <th scope="col">Events in the point</th>
              <th scope="col">Not observed</th>
            </tr>
          </thead>
          <tbody>
            {stream.buckets.map((b) => (
              <tr key={b.eventIndex}>
                <td>
                  <button
                    type="button"
                    className="link"
                    onClick={() => onOpenEvent(b.eventIndex)}
                    aria-label={`Open event #${formatCount(b.eventIndex + 1)} in the signal log`}
                  >
                    #{formatCount(b.eventIndex + 1)}
                  </button>
                </td>
                <td>{formatTime(b.atMs, 'minute')}</td>
                {stream.topics.map((t) => (
                  <td key={t}>{(b.weights[t] ?? 0).toFixed(2)}</td>
                ))}
                <td>{b.other.toFixed(2)}</td>
                <td>{formatCount(b.events)}</td>
                <td>{b.events > 0 ? formatPercent(b.notObserved / b.events) : '–'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </ChartTable>
  );
}
