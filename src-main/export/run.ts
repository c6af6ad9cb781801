// One export run: replay the dataset, redact, chain each trace line, flatten it into the tables,
// then add every event's profile delta. The rows go to a sink (the folder's writers, or the
// preview's counters), so `--dry-run` sees exactly what a real export would write.
import {
  deltaAt,
  ENGINE_VERSION,
  replay,
  traceLine,
  type EngineConfig,
  type PresetName,
  type SlateTrace,
} from '../engine';
import { EXPORT_FORMATS, type ExportFormat } from '../contract/export';
import type { Context } from '../operations/context';
import { catalogueOf, engineConfig } from '../operations/engine-options';
import { cachedDataset } from '../operations/loaded';
import { getDataset } from '../db/datasets';
import { createChain } from './chain';
import { createRedactor, type Redaction } from './redact';
import { deltaRows, slateRows, TABLE_NAMES, type Row, type TableName } from './tables';

export const FORMATS = EXPORT_FORMATS;
export type Format = ExportFormat;

/** Engine settings beyond the preset (the UI's sliders); {} for the preset as published. */
export type EngineOverrides = Omit<
  Parameters<typeof engineConfig>[0],
  'preset' | 'seed' | 'withDemo'
>;

export type ExportOptions = {
  datasetId: string;
  preset: PresetName;
  seed: number;
  withDemo: boolean;
  /** Omitted: {} (the preset as published). */
  engine?: EngineOverrides;
  formats: Format[];
  redaction: Redaction;
};

export type ExportSink = {
  /** One chained JSONL line (no newline) and the redacted trace it encodes. */
  trace(line: string, trace: SlateTrace): void;
  rows(table: TableName, rows: readonly Row[]): void;
};

export type RunFacts = {
  dataset: { id: string; name: string; kind: string; events: number; poolItems: number };
  engineVersion: string;
  config: EngineConfig;
  configHash: string;
  slates: number;
  rows: Record<TableName, number>;
  chainHead: string;
};

export function runExport(ctx: Context, options: ExportOptions, sink: ExportSink): RunFacts {
  const { pool, events } = cachedDataset(ctx, options.datasetId, { withDemo: options.withDemo });
  const summary = getDataset(ctx.db, options.datasetId)!;
  const config = engineConfig({ ...(options.engine ?? {}), preset: options.preset });
  const redactor = createRedactor(options.redaction);
  const chain = createChain();
  const rows = Object.fromEntries(TABLE_NAMES.map((t) => [t, 0])) as Record<TableName, number>;
  const put = (table: TableName, list: readonly Row[]): void => {
    rows[table] += list.length;
    sink.rows(table, list);
  };
  let slates = 0;
  const result = replay({
    events,
    catalogue: catalogueOf(pool),
    config,
    seed: options.seed,
    points: { kind: 'session' },
    keepSlates: false,
    onSlate: (slate) => {
      const trace = redactor.trace(slate.trace);
      const line = chain.next(traceLine(trace));
      sink.trace(line, trace);
      const tables = slateRows(trace, slates++, chain.head());
      put('slates', tables.slates);
      put('items', tables.items);
      put('contributions', tables.contributions);
      put('rules', tables.rules);
    },
  });
  const v = result.viewer;
  for (let i = 0; i < v.events.length; i++)
    put('profile_deltas', deltaRows(redactor.delta(deltaAt(v.log, v.store, v.events, i, config))));
  return {
    dataset: {
      id: summary.id,
      name: summary.name,
      kind: summary.kind,
      events: v.events.length,
      poolItems: pool.items.length,
    },
    engineVersion: ENGINE_VERSION,
    config,
    configHash: result.configHash,
    slates,
    rows,
    chainHead: chain.head(),
  };
}
