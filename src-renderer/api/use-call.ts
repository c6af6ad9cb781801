import { useEffect, useState } from 'react';
import type { Args, CallName, Result } from '@main/api/contract';
import { call } from './client';
import { useDataVersion } from './data-version';

export type CallState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

/**
 * Calls `name` whenever its serialised args change, and again whenever the data changes
 * (`datasets/changed`) or `refresh` moves; only the answer to the latest request is shown.
 * While a refetch of the same call is in flight the previous answer stays on screen, so a run
 * that changes data every few seconds does not make the screen flicker. `args === null` waits
 * without calling.
 */
export function useCall<K extends CallName>(
  name: K,
  args: Args<K> | null,
  refresh = 0,
): CallState<Result<K>> {
  const version = useDataVersion() + refresh;
  // The key stands for (name, args): args objects are new on every render.
  const key = JSON.stringify([name, args]);
  const [answer, setAnswer] = useState<{ key: string; state: CallState<Result<K>> } | null>(null);
  useEffect(() => {
    const [callName, callArgs] = JSON.parse(key) as [K, Args<K> | null];
    if (callArgs === null) return;
    let current = true;
    call(callName, callArgs).then(
      (value) => current && setAnswer({ key, state: { status: 'ready', value } }),
      (error: unknown) =>
        current &&
        setAnswer({ key, state: { status: 'error', message: (error as Error).message } }),
    );
    return () => {
      current = false;
    };
  }, [key, version]);
  return answer?.key === key ? answer.state : { status: 'loading' };
}
