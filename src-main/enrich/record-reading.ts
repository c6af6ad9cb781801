// What the metadata file readers share: one record per id, skipped lines kept as warnings.
import { UserError } from '../domain/errors';
import type { MetadataRecord } from '../db/metadata';
import { MAX_WARNINGS } from '../import/limits';

/** What each reader hands back: one record per id (a later line wins), and its warnings. */
export type Parsed = { records: Map<string, MetadataRecord>; warnings: string[] };

/** Skipped lines: the first MAX_WARNINGS in words, the rest counted (a broken file stays small). */
export class SkipLog {
  readonly lines: string[] = [];
  count = 0;
  add(line: number, why: string): void {
    this.count += 1;
    if (this.lines.length < MAX_WARNINGS) this.lines.push(`line ${line}: skipped: ${why}.`);
  }
  warnings(): string[] {
    const more = this.count - this.lines.length;
    return more > 0 ? [...this.lines, `… and ${more} more lines skipped.`] : [...this.lines];
  }
}

export function parseObject(text: string): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? (value as Record<string, unknown>)
      : null;
  } catch {
    return null;
  }
}

export function cancelledRead(name: string): UserError {
  return new UserError('cancelled', `${name}: reading cancelled.`);
}
