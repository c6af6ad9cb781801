// The batch's summary: one CSV row per input, done before, done now or failed, in input order;
// then the batch manifest beside it, over the summary and every done input's folder
// (src-main/export/batch-manifest.ts).
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import { printable } from '../domain/printable';
import { compareStrings } from '../engine/format';
import { writeAtomically } from '../export/atomic';
import { batchManifestName, buildBatchManifest } from '../export/batch-manifest';
import { describeDiscrepancy, readManifest } from '../export/verify';
import { outputDir, type AuditRecord } from './inputs';

export type SummaryRow =
  | { input: string; status: 'done' | 'already-done'; record: AuditRecord }
  | { input: string; status: 'failed'; error: string };

const COLUMNS = [
  'input',
  'status',
  'error',
  'events',
  'slates',
  'agreement_hit_rate',
  'agreement_chance',
  'preset',
  'seed',
  'config_hash',
  'engine_version',
  'source_sha256',
  'input_sha256',
  'seconds',
];

export function summaryCsv(rows: readonly SummaryRow[]): string {
  const lines = [...rows]
    .sort((a, b) => compareStrings(a.input, b.input))
    .map((row) => {
      if (row.status === 'failed')
        return [row.input, row.status, row.error, ...COLUMNS.slice(3).map(() => '')];
      const r = row.record;
      return [
        row.input,
        row.status,
        '',
        r.events,
        r.slates,
        r.agreementHitRate ?? '',
        r.agreementChance ?? '',
        r.preset,
        r.seed,
        r.configHash,
        r.engineVersion,
        r.sourceSha256 ?? '',
        r.inputSha256,
        r.seconds,
      ];
    });
  return [COLUMNS, ...lines].map((cells) => `${cells.map(csvCell).join(',')}\r\n`).join('');
}

/**
 * RFC 4180: quote a cell holding a comma or a quote; double its quotes. Input names and errors
 * quoting them come from outside: their control and bidi characters (line breaks too) are
 * escaped, so a spreadsheet or a terminal shows the name as it is.
 */
function csvCell(value: string | number): string {
  const text = printable(String(value));
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export type Shard = { k: number; n: number };

/**
 * Writes the summary CSV, then its batch manifest (each atomically; a run killed between the two
 * leaves a summary that `feedlens verify OUT` names as unlisted until the next run). Returns the
 * summary's path.
 */
export async function writeSummary(
  out: string,
  rows: readonly SummaryRow[],
  batch: { preset: string; seed: number; shard: Shard | null },
): Promise<string> {
  const { shard } = batch;
  const summary = shard ? `summary-${shard.k}-of-${shard.n}.csv` : 'summary.csv';
  await writeAtomically(join(out, summary), (sink) => sink(summaryCsv(rows)));
  const sorted = [...rows].sort((a, b) => compareStrings(a.input, b.input));
  const folders = sorted
    .filter((row) => row.status !== 'failed')
    .map((row) => ({ name: `input=${row.input}`, manifestSha256: folderManifestSha256(out, row) }));
  const failed = sorted.flatMap((row) =>
    row.status === 'failed' ? [{ input: row.input, error: row.error }] : [],
  );
  await writeAtomically(join(out, batchManifestName(shard)), (sink) =>
    sink(buildBatchManifest(out, batch, summary, folders, failed)),
  );
  return join(out, summary);
}

function folderManifestSha256(out: string, row: SummaryRow): string {
  const manifest = readManifest(outputDir(out, row.input));
  if ('problem' in manifest)
    throw new UserError(
      'bad-input',
      `${describeDiscrepancy({ ...manifest, folder: `input=${row.input}` })}; the folder changed during the audit: run it again.`,
    );
  return manifest.manifestSha256;
}
