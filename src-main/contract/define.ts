// Building blocks of the API contract: a call is a runtime schema for its arguments plus a
// compile-time result type. The envelope is what every shell carries back to its caller.
import type { z } from 'zod';
import type { ApiError } from '../domain/errors';

export type CallSpec<A extends z.ZodType = z.ZodType, R = unknown> = {
  args: A;
  /** Phantom: only its type is used. */
  result: R;
};

/** `defineCall<Result>()(argsSchema)` — written in two steps so the args type is inferred. */
export function defineCall<R>() {
  return <A extends z.ZodType>(args: A): CallSpec<A, R> => ({ args, result: undefined as R });
}

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** What the Electron preload exposes as `window.feedlens`, and nothing more. */
export type FeedlensBridge = {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
};
