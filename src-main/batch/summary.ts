// The batch's summary: one CSV row per input, done before, done now or failed, in input order.
import { printable } from '../domain/printable';
import { compareStrings } from '../engine/format';
import type { AuditRecord } from './inputs';

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
