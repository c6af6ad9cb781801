// Building blocks of the API contract: a call is a runtime schema for its arguments plus a
// compile-time result type. The envelope is what every shell carries back to its caller.
import type { z } from 'zod';

export type CallSpec<A extends z.ZodType = z.ZodType, R = unknown> = {
  args: A;
  /** Phantom: only its type is used. */
  result: R;
};

/** `defineCall<Result>()(argsSchema)` — written in two steps so the args type is inferred. */
export function defineCall<R>() {
  return <A extends z.ZodType>(args: A): CallSpec<A, R> => ({ args, result: undefined as R });
}

export const ERROR_CODES = [
  'bad-args',
  'unknown-call',
  'not-found',
  'bad-input',
  'conflict',
  'cancelled',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export type ApiError = { code: ErrorCode; message: string };
export type Envelope<T> = { ok: true; value: T } | { ok: false; error: ApiError };

/** An error meant for the user: its message is shown as is, so it must be one clear sentence. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
