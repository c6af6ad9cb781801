// The one shape of an import error: "<file>: <problem> (line N, byte N)". Users see it as is.
import { UserError } from '../domain/errors';

export type Where = { line?: number; byte?: number };

export function badInput(file: string, problem: string, where: Where = {}): UserError {
  const at = [
    where.line === undefined ? null : `line ${where.line}`,
    where.byte === undefined ? null : `byte ${where.byte}`,
  ].filter((x) => x !== null);
  const text = `${file}: ${problem}${at.length ? ` (${at.join(', ')})` : ''}`;
  return new UserError('bad-input', /[.?!]$/.test(text) ? text : `${text}.`);
}

export function cancelled(file: string): UserError {
  return new UserError('cancelled', `${file}: import cancelled.`);
}

/** A value from the file, shown safely: quoted, escaped (never a raw newline), at most 40 chars. */
export function quote(value: string): string {
  return JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value);
}
