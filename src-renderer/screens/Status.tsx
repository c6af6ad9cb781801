import type { ReactNode } from 'react';
import type { CallState } from '../api/use-call';

/** Loading and error states for one call, so screens only describe the happy path. */
export function Status<T>({
  state,
  children,
}: {
  state: CallState<T>;
  children: (value: T) => ReactNode;
}) {
  if (state.status === 'loading')
    return (
      <p className="muted" aria-busy="true">
        Loading…
      </p>
    );
  if (state.status === 'error')
    return (
      <p role="alert" className="error">
        {state.message}
      </p>
    );
  return <>{children(state.value)}</>;
}
