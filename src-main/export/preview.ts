// The consent preview (`feedlens export --dry-run`, the Audit screen): the same run as an export,
// with redaction applied, but nothing written. It says how many records each file would hold,
// which fields they have, and shows one example of each.
import type { ExportPreview } from '../contract/export';
import type { Context } from '../operations/context';
import type { SlateTrace } from '../engine';
import { runExport, type ExportOptions } from './run';
import { TABLE_NAMES, TABLES, type Cell, type TableName } from './tables';

export type { ExportPreview };

export function previewExport(ctx: Context, options: ExportOptions): ExportPreview {
  let first: { trace: SlateTrace; line: string } | null = null;
  const firstRows = new Map<TableName, Cell[]>();
  const facts = runExport(ctx, options, {
    trace: (line, trace) => {
      first ??= { trace, line };
    },
    rows: (table, rows) => {
      if (!firstRows.has(table) && rows.length > 0) firstRows.set(table, rows[0]!);
    },
  });
  const named = (t: TableName) => {
    const row = firstRows.get(t);
    return row ? Object.fromEntries(TABLES[t].map((c, i) => [c.name, row[i]!])) : null;
  };
  const trace = first as { trace: SlateTrace; line: string } | null;
  const fullTrace = trace ? (JSON.parse(trace.line) as Record<string, unknown>) : null;
  return {
    slates: facts.slates,
    events: facts.dataset.events,
    rows: facts.rows,
    fields: {
      traces: fullTrace ? Object.keys(fullTrace) : [],
      ...(Object.fromEntries(TABLE_NAMES.map((t) => [t, TABLES[t].map((c) => c.name)])) as Record<
        TableName,
        string[]
      >),
    },
    example: {
      trace: fullTrace ? { ...fullTrace, items: trace!.trace.items.slice(0, 1) } : null,
      ...(Object.fromEntries(TABLE_NAMES.map((t) => [t, named(t)])) as Record<
        TableName,
        Record<string, Cell> | null
      >),
    },
  };
}
