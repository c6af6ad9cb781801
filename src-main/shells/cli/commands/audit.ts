import { createHash } from 'node:crypto';
import { mkdirSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { UserError } from '../../../domain/errors';
import { PRESETS, type PresetName } from '../../../engine';
import type { AuditTask } from '../../../batch/audit-one';
import { doneBefore, listInputs, type BatchInput } from '../../../batch/inputs';
import { runOnWorkers } from '../../../batch/pool';
import { writeSummary, type Shard, type SummaryRow } from '../../../batch/summary';
import type { Command } from '../command';
import { intFlag, parseFlags } from '../command';

export const auditCommand: Command = {
  name: 'audit',
  summary:
    'Audit a folder of exports on worker threads: traces and a report per input, one summary',
  help: `Usage: feedlens audit --input DIR --out DIR [--jobs N] [--preset NAME] [--seed N]
                     [--shard K/N]

Audits every entry of DIR (a TikTok export as zip, JSON, TXT or extracted folder, a Zeeschuimer
capture or an event log), each on its own database, on N worker threads. Each input gets
OUT/input=<id>/ with traces.jsonl (one hash-chained decision trace per slate), the run's tables
as Parquet, report.html (the audit report, as \`feedlens report\` writes it), audit.json and
manifest.json (the SHA-256 of each of them). DuckDB or Spark read every input's tables as one
table partitioned by input. A summary of every input, one CSV row each, goes to
OUT/summary.csv, and OUT/manifest.json holds its SHA-256, each input folder's manifest hash and
the failed inputs: \`feedlens verify OUT\` checks the whole batch.

Run it again and it resumes: inputs with an audit.json for the same preset and seed are skipped.
A bad input is a "failed" row in the summary with its one-line reason; the batch goes on, and
exits 0 when every input was tried.

--shard K/N audits only the inputs whose id hashes to shard K of N (0-based), and writes its
summary to OUT/summary-K-of-N.csv and its manifest to OUT/manifest-K-of-N.json: run N copies, one per task of a Kubernetes indexed Job or a
Slurm array, over the same folders (docs/SCALING.md).

Options:
  --input DIR     the folder of exports
  --out DIR       where the outputs go (created if missing)
  --jobs N        worker threads (default: the number of CPUs, ${availableParallelism()} here)
  --preset NAME   weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --seed N        seed for the exploration draws (default 0)
  --shard K/N     audit only shard K of N`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      input: { type: 'string' },
      out: { type: 'string' },
      jobs: { type: 'string' },
      preset: { type: 'string' },
      seed: { type: 'string' },
      shard: { type: 'string' },
    });
    if (!values.input) throw new UserError('bad-args', 'audit needs --input DIR.');
    if (!values.out) throw new UserError('bad-args', 'audit needs --out DIR.');
    const jobs = intFlag('jobs', values.jobs) ?? availableParallelism();
    if (jobs < 1) throw new UserError('bad-args', '--jobs must be at least 1.');
    const seed = intFlag('seed', values.seed) ?? 0;
    if (seed < 0) throw new UserError('bad-args', '--seed must be 0 or more.');
    const preset = (values.preset ?? 'tiktok-algo101') as PresetName;
    if (!PRESETS.includes(preset))
      throw new UserError('bad-args', `--preset must be one of ${PRESETS.join(', ')}.`);
    const shard = parseShard(values.shard);
    const out = values.out;
    const inputs = listInputs(values.input).filter((i) => !shard || inShard(i, shard));
    mkdirSync(out, { recursive: true });

    const rows: SummaryRow[] = [];
    const tasks: AuditTask[] = [];
    for (const input of inputs) {
      const record = doneBefore(out, input.id, preset, seed);
      if (record) rows.push({ input: input.id, status: 'already-done', record });
      else tasks.push({ input, out, preset, seed });
    }
    const total = inputs.length;
    if (rows.length > 0)
      io.err(`${rows.length} of ${total} inputs already done with this preset and seed: skipped.`);
    await runOnWorkers(tasks, jobs, (task, result) => {
      const row: SummaryRow = result.ok
        ? { input: task.input.id, status: 'done', record: result.record }
        : { input: task.input.id, status: 'failed', error: result.error };
      rows.push(row);
      io.err(
        `[${rows.length}/${total}] ${task.input.id}: ${
          result.ok
            ? `done, ${result.record.slates} slates in ${result.record.seconds.toFixed(1)} s`
            : `failed: ${result.error}`
        }`,
      );
    });
    const file = await writeSummary(out, rows, { preset, seed, shard });
    const failed = rows.filter((r) => r.status === 'failed').length;
    const done = rows.filter((r) => r.status === 'done').length;
    io.out(
      `Audited ${total} inputs: ${done} done now, ${rows.length - done - failed} already done, ${failed} failed. Summary: ${file}`,
    );
    return 0;
  },
};

function parseShard(value: string | undefined): Shard | null {
  if (value === undefined) return null;
  const m = /^(\d+)\/(\d+)$/.exec(value);
  const k = Number(m?.[1]);
  const n = Number(m?.[2]);
  if (!m || n < 1 || k >= n)
    throw new UserError('bad-args', `--shard takes K/N with 0 ≤ K < N, not "${value}".`);
  return { k, n };
}

/** By a hash of the id, not the listing's order, so adding an input never moves the others. */
function inShard(input: BatchInput, shard: Shard): boolean {
  const h = createHash('sha256').update(input.id).digest().readUInt32BE(0);
  return h % shard.n === shard.k;
}
