import { startApp } from '../../../app';
import { unwrap } from '../../../api/router';
import type { FidelityReport } from '../../../contract/fidelity';
import { UserError } from '../../../domain/errors';
import { FIDELITY_DEPTH, PRESETS } from '../../../engine';
import type { Command } from '../command';
import { intFlag, parseFlags, presetFlag } from '../command';

export const fidelityCommand: Command = {
  name: 'fidelity',
  summary: 'Test the explanations: take away the events they name, replay, see what moves',
  help: `Usage: feedlens fidelity [--db FILE] --dataset <id|demo> [--sample N] [--seed S]
                        [--preset NAME] [--with-demo] [--json]

Draws N session-start slates (seeded), and for the top 3 videos of each and k = 1..5 removes the
k past events the explanation names first (DEL@k: share of the video's lift over the baseline
left; POS@${FIDELITY_DEPTH}: share still in the top ${FIDELITY_DEPTH}; NDCG@${FIDELITY_DEPTH}: its place's gain kept),
keeps only them (INS@k: share of its lift they give alone), and does the same with k random
events of the same person. Every figure comes from a real replay. Definitions:
docs/ALGORITHM.md, "Explanations that prove themselves".

Options:
  --db FILE        the database (default: FEEDLENS_DB, then the per-user data directory)
  --dataset ID     the dataset ("demo" is the bundled one)
  --sample N       how many slates (default 20, at most 500)
  --seed N         seed for the sample, the random events and the exploration draws (default 0)
  --preset NAME    weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --with-demo      add the synthetic demo catalogue to an imported dataset's candidate pool
  --json           print the report as one JSON object

Example:
  feedlens fidelity --dataset demo --sample 20 --json`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      dataset: { type: 'string' },
      sample: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      'with-demo': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!values.dataset)
      throw new UserError('bad-args', 'fidelity needs --dataset <id> (try --dataset demo).');
    const preset = presetFlag(values.preset);
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      const started = performance.now();
      const report = unwrap(
        await app.router.invoke('fidelity/run', {
          datasetId: values.dataset,
          sample: intFlag('sample', values.sample) ?? 20,
          seed: intFlag('seed', values.seed) ?? 0,
          preset,
          withDemo: values['with-demo'] === true,
        }),
      );
      const seconds = Math.round(performance.now() - started) / 1000;
      if (values.json) io.out(JSON.stringify({ ...report, seconds }, null, 2));
      else io.out(fidelityLines(report, seconds).join('\n'));
      return 0;
    } finally {
      app.close();
    }
  },
};

const pct = (x: number) => `${(x * 100).toFixed(1)} %`.padStart(7);

/** The report as the terminal shows it: the verdict, then one line per k and method. */
export function fidelityLines(report: FidelityReport, seconds: number): string[] {
  const { sample, top1 } = report;
  return [
    `Fidelity of ${report.datasetId}: ${sample.slates} of ${sample.of} session-start slates (seed ${report.seed}), top ${sample.top} videos each, ${report.items} measured, ${report.skipped} with no lift over the baseline; ${seconds} s.`,
    report.verdict,
    '',
    `  k  events      videos   DEL@k    INS@k   NDCG@${FIDELITY_DEPTH}   POS@${FIDELITY_DEPTH}`,
    ...report.rows.map(
      (r) =>
        `  ${r.k}  ${r.method.padEnd(10)}  ${String(r.items).padStart(6)}  ${pct(r.del)}  ${pct(r.ins)}  ${pct(r.ndcg)}  ${pct(r.pos)}`,
    ),
    '',
    top1.measured === 0
      ? 'No video had an explaining event to take away.'
      : `Taking away the first-named event alone lowered ${top1.lowered} of ${top1.measured} videos; the score fell by ${top1.dropOverAmount === null ? '–' : top1.dropOverAmount.toFixed(2)} × the amount the explanation gives that event (median; 1 where the model is additive).`,
  ];
}
