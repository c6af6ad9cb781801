import { useEffect, useRef, useState } from 'react';
import type { Args, CallName, Result } from '@main/contract';
import { call } from './client';
import { useDataVersion } from './data-version';

export type CallState<T> =
  { status: 'loading' } | { status: 'error'; message: string } | { status: 'ready'; value: T };

type Answer<T> = { key: string; version: number; state: CallState<T> };

/**
 * Calls `name` whenever its serialised args change, and again whenever the data changes
 * (`datasets/changed`) or `refresh` moves; only the answer to the latest args is shown.
 * A refetch of the same call keeps the previous answer on screen and never abandons one in
 * flight: it waits for it and then asks once more. An online run announces new data every few
 * seconds, and a slow call (agreement over a long history) must still arrive, not be asked
 * again and again. `args === null` waits without calling.
 */
export function useCall<K extends CallName>(
  name: K,
  args: Args<K> | null,
  refresh = 0,
): CallState<Result<K>> {
  const version = useDataVersion() + refresh;
  // The key stands for (name, args): args objects are new on every render.
  const key = JSON.stringify([name, args]);
  const [answer, setAnswer] = useState<Answer<Result<K>> | null>(null);
  // The request in flight; a newer one for other args replaces it and its answer is dropped.
  const inFlight = useRef<{ key: string } | null>(null);
  useEffect(() => {
    const [callName, callArgs] = JSON.parse(key) as [K, Args<K> | null];
    if (callArgs === null) return;
    if (inFlight.current?.key === key) return;
    if (answer?.key === key && answer.version === version) return;
    const request = { key };
    inFlight.current = request;
    const settle = (state: CallState<Result<K>>) => {
      if (inFlight.current !== request) return;
      inFlight.current = null;
      setAnswer({ key, version, state });
    };
    call(callName, callArgs).then(
      (value) => settle({ status: 'ready', value }),
      (error: unknown) => settle({ status: 'error', message: (error as Error).message }),
    );
  }, [key, version, answer]);
  useEffect(
    () => () => {
      inFlight.current = null;
    },
    [],
  );
  return answer?.key === key ? answer.state : { status: 'loading' };
}
