import { useEffect, useState, type ReactNode } from 'react';
import type { CallState } from '../api/use-call';
import { formatCount } from '../format';

/** Loading and error states for one call, so screens only describe the happy path. */
export function Status<T>({
  state,
  children,
}: {
  state: CallState<T>;
  children: (value: T) => ReactNode;
}) {
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  return <>{children(state.value)}</>;
}

/**
 * "Loading…" (or what is being done), and past a second a bar and the seconds waited, so a long
 * wait (a first replay of a large dataset takes several) shows it is still working. The main side
 * answers a call in one piece, so there is no fraction done to show: the bar is indeterminate.
 */
export function Loading({ label = 'Loading…' }: { label?: string }) {
  const [seconds, setSeconds] = useState(0);
  useEffect(() => {
    const timer = setInterval(() => setSeconds((s) => s + 1), 1000);
    return () => clearInterval(timer);
  }, []);
  return (
    <p className="muted loading" role="status" aria-busy="true">
      {label}
      {/* Hidden from screen readers: "Loading…" is said once, not a count every second. */}
      {seconds > 0 && (
        <span aria-hidden="true">
          {' '}
          <progress /> {formatCount(seconds)} s
        </span>
      )}
    </p>
  );
}
