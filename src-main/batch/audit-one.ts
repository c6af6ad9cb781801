// One input of a batch audit, start to finish, on a database of its own: import, write the
// hash-chained decision traces and the run's Parquet tables as an export folder writes them
// (src-main/export/folder.ts), the report, the audit.json record, then the manifest over all of
// them, so `feedlens verify OUT/input=<id>` checks every file (docs/EXPORTS.md, "Batch outputs").
// The input's folder is written under a hidden temporary name (`.input=<id>.<pid>-<random>.tmp`)
// and renamed into place when complete, so DuckDB's or Spark's `input=*` glob never reads half of
// one and a run killed halfway leaves no audit.json (the resume marker) and is redone; the next
// run writing there removes its temporary folder (src-main/stale-temp.ts). A failed or redone
// input's earlier outputs are removed too.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { contract } from '../contract';
import type { PresetName } from '../engine';
import { openContext } from '../operations/context';
import { importNow } from '../operations/import';
import { replayDataset } from '../operations/replay';
import { tempPathFor, writeAtomically } from '../export/atomic';
import { writeExportFiles, writeManifest } from '../export/folder';
import { NO_REDACTION } from '../export/redact';
import type { ExportOptions } from '../export/run';
import { collectReport } from '../report/collect';
import { renderReport } from '../report/html';
import { printPdf } from '../report/pdf';
import { DONE_FILE, outputDir, REPORT_FILE, type AuditRecord, type BatchInput } from './inputs';
import { appTempPrefix } from '../stale-temp';

export type AuditTask = { input: BatchInput; out: string; preset: PresetName; seed: number };

export async function auditInput(task: AuditTask, now: () => number): Promise<AuditRecord> {
  const started = now();
  const done = outputDir(task.out, task.input.id);
  const dir = tempPathFor(done);
  const removeOutputs = () => {
    rmSync(done, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
  };
  removeOutputs();
  // The work folder first: whoever sees the output's temp name also finds its work folder.
  const work = mkdtempSync(appTempPrefix('audit'));
  mkdirSync(dir);
  const app = openContext({
    shell: 'cli',
    db: join(work, 'audit.db'),
    withoutDemo: true,
    printPdf,
  });
  try {
    const imported = await importNow(app.ctx, { path: task.input.path });
    const { datasetId } = imported;
    const options: ExportOptions = {
      datasetId,
      preset: task.preset,
      seed: task.seed,
      withDemo: false,
      formats: ['jsonl', 'parquet'],
      redaction: NO_REDACTION,
    };
    const { facts, files } = writeExportFiles(app.ctx, options, dir);
    // Agreement with the real feed at each session start, as `feedlens replay` measures it.
    const { agreement } = replayDataset(
      app.ctx,
      contract['replay/run'].args.parse({ datasetId, seed: task.seed, preset: task.preset }),
      { keep: false },
    );
    const sourceSha256 = fileSha256(task.input.path);
    const report = collectReport(app.ctx, {
      datasetId,
      preset: task.preset,
      seed: task.seed,
      ...(sourceSha256 ? { sourceSha256 } : {}),
    });
    await writeAtomically(join(dir, REPORT_FILE), (sink) => sink(renderReport(report)));
    const record: AuditRecord = {
      input: task.input.id,
      datasetId,
      events: facts.dataset.events,
      slates: facts.slates,
      preset: facts.config.preset,
      seed: task.seed,
      configHash: facts.configHash,
      engineVersion: facts.engineVersion,
      sourceSha256,
      inputSha256: report.provenance.inputSha256,
      agreementHitRate: agreement?.sessions.length ? agreement.hitRate : null,
      agreementChance: agreement?.sessions.length ? agreement.chance : null,
      seconds: Math.round(now() - started) / 1000,
    };
    await writeAtomically(join(dir, DONE_FILE), (sink) =>
      sink(`${JSON.stringify(record, null, 2)}\n`),
    );
    writeManifest(app.ctx, dir, options, 'kept', facts, [...files, REPORT_FILE, DONE_FILE]);
    renameSync(dir, done);
    return record;
  } catch (error) {
    removeOutputs();
    throw error;
  } finally {
    app.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** SHA-256 of an input file; null for an extracted export folder. */
function fileSha256(path: string): string | null {
  if (!statSync(path).isFile()) return null;
  return createHash('sha256').update(readFileSync(path)).digest('hex');
}
