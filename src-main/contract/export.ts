// Audit exports (docs/EXPORTS.md): the consent preview and the folder, with redaction.
import { z } from 'zod';
import { defineCall } from './define';
import { datasetId } from './datasets';
import { engineOptions } from './replay';

export const EXPORT_FORMATS = ['jsonl', 'csv', 'sqlite', 'parquet'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];

export type ExportTableName = 'slates' | 'items' | 'contributions' | 'rules' | 'profile_deltas';
export type ExportCell = string | number | null;

/** What an export would hold: counts, fields, and one example of each record. */
export type ExportPreview = {
  slates: number;
  events: number;
  rows: Record<ExportTableName, number>;
  fields: { traces: string[] } & Record<ExportTableName, string[]>;
  /** The first trace with its first item only, and the first row of each table. */
  example: { trace: unknown } & Record<ExportTableName, Record<string, ExportCell> | null>;
};

export type ExportWritten = {
  out: string;
  slates: number;
  files: { name: string; bytes: number }[];
  manifestSha256: string;
};

const exportArgs = {
  datasetId,
  ...engineOptions,
  formats: z
    .array(z.enum(EXPORT_FORMATS))
    .min(1)
    .max(4)
    .default([...EXPORT_FORMATS]),
  /** Drop search terms and filter keywords. */
  dropText: z.boolean().default(false),
  /** Replace creator handles by HMAC-SHA256(key, handle); without `key`, a random one, forgotten. */
  pseudonymiseCreators: z.boolean().default(false),
  key: z.string().min(1).max(1000).optional(),
  coarsen: z.enum(['hour', 'day']).nullable().default(null),
};

export const exportCalls = {
  'export/preview': defineCall<ExportPreview>()(z.object(exportArgs).strict()),
  /** Writes the folder `out` (a full path that does not exist yet) on the main side's machine. */
  'export/run': defineCall<ExportWritten>()(
    z.object({ ...exportArgs, out: z.string().min(1).max(4096) }).strict(),
  ),
};
