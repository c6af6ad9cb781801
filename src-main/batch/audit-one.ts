// One input of a batch audit, start to finish, on a database of its own: import, stream the
// decision traces (src-main/export/traces.ts), write the report and the run's tables as Parquet
// (src-main/export/folder.ts), then the audit.json marker last, so a run killed halfway leaves no
// marker and is redone on resume. The input's folder is written under a hidden temporary name
// (`.input=<id>.<pid>-<random>.tmp`) and renamed into place when complete, so DuckDB's or
// Spark's `input=*` glob never reads half of one; a killed run's temporary folder is removed by
// the next run writing there (src-main/stale-temp.ts). A failed or redone input's earlier outputs
// are removed too.
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { contract } from '../contract';
import type { PresetName } from '../engine';
import { openContext } from '../operations/context';
import { importNow } from '../operations/import';
import { tempPathFor, writeAtomically } from '../export/atomic';
import { exportFolder } from '../export/folder';
import { NO_REDACTION } from '../export/redact';
import { exportTraces } from '../export/traces';
import { collectReport } from '../report/collect';
import { renderReport } from '../report/html';
import { printPdf } from '../report/pdf';
import { DONE_FILE, outputDir, tablesDir, type AuditRecord, type BatchInput } from './inputs';
import { appTempPrefix } from '../stale-temp';

export type AuditTask = { input: BatchInput; out: string; preset: PresetName; seed: number };

export async function auditInput(task: AuditTask, now: () => number): Promise<AuditRecord> {
  const started = now();
  const done = outputDir(task.out, task.input.id);
  const tables = tablesDir(task.out, task.input.id);
  const removeOutputs = () => {
    rmSync(done, { recursive: true, force: true });
    rmSync(dir, { recursive: true, force: true });
    rmSync(tables, { recursive: true, force: true });
  };
  mkdirSync(dirname(tables), { recursive: true });
  const dir = tempPathFor(done);
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
    const run = await exportTraces(
      app.ctx,
      contract['replay/run'].args.parse({
        datasetId: imported.datasetId,
        seed: task.seed,
        preset: task.preset,
      }),
      join(dir, 'traces.jsonl'),
    );
    const sourceSha256 = fileSha256(task.input.path);
    const report = collectReport(app.ctx, {
      datasetId: imported.datasetId,
      preset: task.preset,
      seed: task.seed,
      ...(sourceSha256 ? { sourceSha256 } : {}),
    });
    await writeAtomically(join(dir, 'report.html'), (sink) => sink(renderReport(report)));
    // A verifiable export folder of its own (manifest.json beside the files: `feedlens verify`).
    exportFolder(
      app.ctx,
      {
        datasetId: imported.datasetId,
        preset: task.preset,
        seed: task.seed,
        withDemo: false,
        formats: ['parquet'],
        redaction: NO_REDACTION,
      },
      tables,
      'kept',
    );
    const record: AuditRecord = {
      input: task.input.id,
      datasetId: imported.datasetId,
      events: run.events,
      slates: run.traces,
      preset: run.preset,
      seed: run.seed,
      configHash: run.configHash,
      engineVersion: run.engineVersion,
      sourceSha256,
      inputSha256: report.provenance.inputSha256,
      agreementHitRate: run.agreement?.sessions.length ? run.agreement.hitRate : null,
      agreementChance: run.agreement?.sessions.length ? run.agreement.chance : null,
      seconds: Math.round(now() - started) / 1000,
    };
    await writeAtomically(join(dir, DONE_FILE), (sink) =>
      sink(`${JSON.stringify(record, null, 2)}\n`),
    );
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
