// A batch's inputs and where each one's outputs go. Every entry of the input folder (a zip, a
// JSON or TXT export, an extracted export folder, a capture or an event log) is one input; all
// its outputs, Parquet tables included, go to OUT/input=<id>/ under one manifest, Hive-style, so
// DuckDB and Spark read every input's tables as one table with an `input` column
// (docs/SCALING.md).
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '../domain/errors';
import { compareStrings } from '../engine/format';
import { readManifest } from '../export/verify';

export type BatchInput = { id: string; path: string };

/** What an input's run records when it completes (OUT/input=<id>/audit.json): the resume marker. */
export type AuditRecord = {
  input: string;
  datasetId: string;
  events: number;
  slates: number;
  preset: string;
  seed: number;
  configHash: string;
  engineVersion: string;
  sourceSha256: string | null;
  inputSha256: string;
  agreementHitRate: number | null;
  agreementChance: number | null;
  seconds: number;
};

export const DONE_FILE = 'audit.json';
export const REPORT_FILE = 'report.html';

/** The input folder's entries in name order; hidden files are skipped. */
export function listInputs(dir: string): BatchInput[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    throw new UserError('not-found', `cannot read the input folder ${dir}.`);
  }
  const inputs: BatchInput[] = [];
  const seen = new Map<string, string>();
  for (const name of names.filter((n) => !n.startsWith('.')).sort(compareStrings)) {
    const id = inputId(name);
    const other = seen.get(id);
    if (other)
      throw new UserError('bad-input', `${other} and ${name} would share the output input=${id}.`);
    seen.set(id, name);
    inputs.push({ id, path: join(dir, name) });
  }
  return inputs;
}

/** A partition-safe id from an entry's name: its extension dropped, odd characters as `_`. */
export function inputId(name: string): string {
  return name.replace(/\.(zip|json|txt|ndjson|jsonl|csv)$/i, '').replace(/[^A-Za-z0-9._-]/g, '_');
}

/** Parquet files sit right inside their partition folder: what Spark's partition discovery reads. */
export const outputDir = (out: string, id: string): string => join(out, `input=${id}`);

/**
 * The record of an earlier run of this input with the same preset and seed, if it completed and
 * its manifest still holds (its own bytes and hash; `feedlens verify` checks the files).
 */
export function doneBefore(
  out: string,
  id: string,
  preset: string,
  seed: number,
): AuditRecord | null {
  const file = join(outputDir(out, id), DONE_FILE);
  if (!existsSync(file) || 'problem' in readManifest(outputDir(out, id))) return null;
  try {
    const record = JSON.parse(readFileSync(file, 'utf8')) as AuditRecord;
    return record.preset === preset && record.seed === seed ? record : null;
  } catch {
    return null; // a marker that does not parse is no proof of a finished run: redo it
  }
}
