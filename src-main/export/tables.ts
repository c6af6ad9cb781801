// The run's tables (docs/EXPORTS.md, "Data dictionary"): a slate trace and the per-event profile
// deltas, flattened into rows. CSV, SQLite and Parquet are three encodings of these same rows;
// the column lists here are the one definition they all follow (and docs/export-rows.schema.json).
import { FEATURES, isoUtc, round, type ProfileDelta, type SlateTrace } from '../engine';
import { causeWords } from '../explain';

export type ColumnType = 'text' | 'int' | 'real';
export type Column = { name: string; type: ColumnType; nullable?: true };
export type Cell = string | number | null;
export type Row = Cell[];

export const TABLE_NAMES = ['slates', 'items', 'contributions', 'rules', 'profile_deltas'] as const;
export type TableName = (typeof TABLE_NAMES)[number];

const text = (name: string): Column => ({ name, type: 'text' });
const int = (name: string): Column => ({ name, type: 'int' });
const real = (name: string): Column => ({ name, type: 'real' });
const orNull = (c: Column): Column => ({ ...c, nullable: true });

export const TABLES: Record<TableName, Column[]> = {
  slates: [
    int('slate_index'),
    text('slate_id'),
    text('at'),
    int('at_ms'),
    int('seed'),
    text('preset'),
    text('config_hash'),
    text('engine_version'),
    int('profile_event_index'),
    orNull(text('profile_event_id')),
    int('profile_events'),
    int('profile_dimensions'),
    int('candidates'),
    int('items'),
    int('removed'),
    text('line_sha256'),
  ],
  items: [
    text('slate_id'),
    int('rank'),
    text('item_id'),
    real('score'),
    real('baseline'),
    real('rank_score'),
    text('slot'),
    text('sources'),
  ],
  contributions: [
    text('slate_id'),
    text('item_id'),
    text('objective'),
    text('feature'),
    real('contribution'),
    orNull(real('feature_value')),
  ],
  rules: [
    text('slate_id'),
    text('item_id'),
    text('rule'),
    text('action'),
    orNull(real('factor')),
    orNull(int('rank_from')),
    orNull(int('rank_to')),
    text('detail'),
  ],
  profile_deltas: [
    int('event_index'),
    text('event_id'),
    text('at'),
    int('at_ms'),
    text('kind'),
    text('evidence'),
    real('factor'),
    orNull(text('dim')),
    orNull(real('before')),
    orNull(real('after')),
    text('reason'),
  ],
};

export type SlateRows = Record<Exclude<TableName, 'profile_deltas'>, Row[]>;

/** One slate's rows in every slate table; `lineSha256` is the hash of its chained JSONL line. */
export function slateRows(trace: SlateTrace, index: number, lineSha256: string): SlateRows {
  const id = trace.slateId;
  const p = trace.profileRef;
  const items: Row[] = [];
  const contributions: Row[] = [];
  const rules: Row[] = [];
  for (const it of trace.items) {
    items.push([
      id,
      it.rank,
      it.itemId,
      it.score,
      it.baseline,
      it.rankScore,
      it.slot,
      it.sources.join(' '),
    ]);
    for (const f of FEATURES)
      contributions.push([id, it.itemId, 'score', f, it.contributions[f], it.features[f]]);
    for (const [objective, o] of Object.entries(it.objectives))
      for (const f of FEATURES)
        contributions.push([id, it.itemId, objective, f, o.contributions[f], null]);
    for (const e of it.rules)
      rules.push([
        id,
        it.itemId,
        e.rule,
        e.action,
        e.factor ?? null,
        e.from ?? null,
        e.to ?? null,
        causeWords(e, trace.atMs),
      ]);
  }
  for (const r of trace.removed)
    rules.push([id, r.itemId, r.rule, 'removed', null, null, null, causeWords(r, trace.atMs)]);
  const slates: Row[] = [
    [
      index,
      id,
      trace.at,
      trace.atMs,
      trace.seed,
      trace.preset,
      trace.configHash,
      trace.engineVersion,
      p.eventIndex,
      p.eventId,
      p.events,
      p.dimensions,
      trace.candidates.total,
      trace.items.length,
      trace.removed.length,
      lineSha256,
    ],
  ];
  return { slates, items, contributions, rules };
}

/** One row per dimension an event changed; an event that changed nothing gets one row saying why. */
export function deltaRows(d: ProfileDelta): Row[] {
  const head = [
    d.eventIndex,
    d.eventId,
    isoUtc(d.atMs),
    d.atMs,
    d.kind,
    d.evidence,
    round(d.factor),
  ];
  if (d.changes.length === 0) return [[...head, null, null, null, d.noChange ?? 'no-change']];
  return d.changes.map((c) => [...head, c.dim, round(c.before), round(c.after), c.reason]);
}
