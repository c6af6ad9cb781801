// One row of the generic event log (docs/EVENT-LOG.md, docs/event-log.schema.json): the zod schema
// for a single field's type and range, then the rules that tie fields together. A CSV cell and a
// JSONL value go through the same schema, so both files mean exactly the same.
import { z } from 'zod';
import { EVENT_KINDS, EVIDENCE, TARGET_TYPES, type EventKind } from '../domain/types';
import { isTimeMs } from './fields';

export const COLUMNS = [
  'time',
  'kind',
  'user',
  'item_id',
  'watch_seconds',
  'watch_ratio',
  'target_type',
  'target',
  'level',
  'evidence',
  'creator',
  'sound',
  'caption',
  'hashtags',
  'duration_seconds',
  'language',
] as const;
export const ITEM_COLUMNS = [
  'creator',
  'sound',
  'caption',
  'hashtags',
  'duration_seconds',
  'language',
] as const;

// Seconds are required and the zone is not optional: a time without one is ambiguous.
const ISO_TIME =
  /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,9}))?(?:(Z)|([+-])(\d{2}):(\d{2}))$/;
const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** Epoch ms for an ISO 8601 time with a zone, or null if it is malformed or not a real date. */
export function parseIsoTime(text: string): number | null {
  const m = ISO_TIME.exec(text);
  if (!m) return null;
  const [year, month, day, hour, minute, second] = m.slice(1, 7).map(Number) as number[];
  const ms = Number((m[7] ?? '').padEnd(3, '0').slice(0, 3));
  const local = Date.UTC(year!, month! - 1, day!, hour, minute, second, ms);
  const check = new Date(local);
  // Date.UTC rolls 2024-02-30 over to March; a real date survives the round trip.
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month! - 1 || hour! > 23) return null;
  if (minute! > 59 || second! > 59) return null;
  const offsetH = Number(m[10] ?? 0);
  const offsetM = Number(m[11] ?? 0);
  if (offsetH > 23 || offsetM > 59) return null;
  const sign = m[9] === '-' ? -1 : 1;
  return local - sign * (offsetH * 60 + offsetM) * 60_000;
}

const text = (name: string, max: number) =>
  z
    .string({ error: `${name} must be text` })
    .max(max, { error: `${name} is longer than ${max} characters` });

const number = (name: string, min: number, max: number) =>
  z
    .union([z.number(), z.string().regex(DECIMAL).transform(Number)], {
      error: `${name} must be a number`,
    })
    .pipe(
      z
        .number()
        .min(min, { error: `${name} must be at least ${min}` })
        .max(max, { error: `${name} must be at most ${max}` }),
    );

const oneOf = <T extends readonly [string, ...string[]]>(name: string, values: T) =>
  z.enum(values, { error: `${name} must be one of ${values.join(', ')}` });

export const rowSchema = z.object({
  time: z
    .string({ error: 'time is required' })
    .refine((v) => parseIsoTime(v) !== null, {
      error: 'time must be ISO 8601 with a zone, like 2025-01-31T18:30:00Z',
      abort: true,
    })
    .refine((v) => isTimeMs(parseIsoTime(v)), { error: 'time must be between 2000 and 2100' })
    .transform((v) => parseIsoTime(v)!),
  kind: oneOf('kind', EVENT_KINDS),
  user: text('user', 200)
    .regex(/^[^\p{Cc}]+$/u, { error: 'user must be non-empty text without control characters' })
    .optional(),
  item_id: z
    .string({ error: 'item_id must be a string (a JSON number cannot hold a 19-digit id)' })
    .regex(/^(?:0|[1-9]\d{0,18})$/, {
      error: 'item_id must be a decimal video id of 1 to 19 digits',
    })
    .optional(),
  watch_seconds: number('watch_seconds', 0, 86_400).optional(),
  watch_ratio: number('watch_ratio', 0, 100).optional(),
  target_type: oneOf('target_type', TARGET_TYPES).optional(),
  target: text('target', 500).min(1, { error: 'target must not be empty' }).optional(),
  level: number('level', 0, 2).optional(),
  evidence: oneOf('evidence', EVIDENCE).default('observed'),
  creator: text('creator', 200).optional(),
  sound: text('sound', 200).optional(),
  caption: text('caption', 10_000).optional(),
  hashtags: z
    .union([z.string(), z.array(z.string()).max(100)], {
      error: 'hashtags must be text (space-separated) or a list of texts',
    })
    .optional(),
  duration_seconds: number('duration_seconds', 0.001, 36_000).optional(),
  language: z
    .string({ error: 'language must be text' })
    .regex(/^[A-Za-z]{2,3}(?:-[A-Za-z0-9]{1,8})*$/, {
      error: 'language must be a language tag like en or pt-BR',
    })
    .optional(),
});
export type Row = z.infer<typeof rowSchema>;

const NEEDS_ITEM: readonly EventKind[] = [
  'impression',
  'watch',
  'rewatch',
  'like',
  'unlike',
  'share',
  'comment',
  'skip',
];
const NEEDS_TARGET: Partial<Record<EventKind, string>> = {
  search: 'query',
  follow: 'creator',
  unfollow: 'creator',
  'keyword-filter': 'keyword',
  'topic-control': 'topic',
};
const WATCHES: readonly EventKind[] = ['watch', 'rewatch', 'skip'];

/** The first rule a well-typed row breaks, or null. */
export function ruleBroken(row: Row): string | null {
  const { kind } = row;
  if ((row.target_type === undefined) !== (row.target === undefined)) {
    return 'target_type and target go together: give both or neither';
  }
  if (NEEDS_ITEM.includes(kind) && row.item_id === undefined) return `a ${kind} needs an item_id`;
  const targetType = NEEDS_TARGET[kind];
  if (targetType && row.target_type !== targetType) {
    return `a ${kind} needs target_type ${targetType} and a target`;
  }
  if (row.item_id === undefined && row.target === undefined) {
    return `a ${kind} needs an item_id or a target`;
  }
  if ((kind === 'topic-control') !== (row.level !== undefined)) {
    return 'level belongs to topic-control, and topic-control needs a level';
  }
  if (!WATCHES.includes(kind) && (row.watch_seconds ?? row.watch_ratio) !== undefined) {
    return `watch_seconds and watch_ratio belong to ${WATCHES.join(', ')}, not ${kind}`;
  }
  if (row.evidence === 'loaded' && kind !== 'impression') {
    return 'evidence loaded (the page loaded it, not proof it was seen) is for impressions only';
  }
  const itemColumn = ITEM_COLUMNS.find((c) => row[c] !== undefined);
  if (itemColumn && row.item_id === undefined)
    return `${itemColumn} describes an item: it needs an item_id`;
  return null;
}
