// Errors every floor may raise: the ground floor, so that the store, the importers and the
// exports can refuse bad input in the user's words without reaching up into the API.

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
