// "The moment before a session": one of the dataset's sessions, picked by its start, moves the
// Feed to just before it (a feed at t sees the events before t, so that session's videos are
// still new). The sessions are the moment slider's (datasets/sessions).
import { useId, useState } from 'react';
import { formatCount, formatTime } from '../format';

export function SessionPicker({
  moments,
  onPick,
}: {
  /** Session starts, oldest first. */
  moments: readonly number[];
  onPick: (atMs: number) => void;
}) {
  // The last session first: the moment before it has the most history behind it.
  const [chosen, setChosen] = useState(moments.at(-1)!);
  const id = useId();
  const total = formatCount(moments.length);
  return (
    <span className="session-picker" data-testid="session-picker">
      <label htmlFor={id}>The moment before a session:</label>{' '}
      <select id={id} value={chosen} onChange={(e) => setChosen(Number(e.target.value))}>
        {moments
          .map((atMs, i) => (
            <option key={atMs} value={atMs}>
              {formatTime(atMs, 'minute')} (session {formatCount(i + 1)} of {total})
            </option>
          ))
          .reverse()}
      </select>{' '}
      <button type="button" onClick={() => onPick(chosen)}>
        Show the feed before it
      </button>
    </span>
  );
}
