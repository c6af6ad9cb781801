import { startApp } from '../../../app';
import { UserError } from '../../../domain/errors';
import { PRESETS } from '../../../engine';
import { printReport, writeReport } from '../../../report/write';
import type { Command } from '../command';
import { intFlag, parseFlags, presetFlag } from '../command';

export const reportCommand: Command = {
  name: 'report',
  summary: 'Write an audit report of a dataset: one self-contained HTML file, optionally a PDF',
  help: `Usage: feedlens report [--db FILE] --dataset <id|demo> --out FILE.html [--pdf FILE.pdf]
                      [--preset NAME] [--seed N]

Replays the dataset through the glass-box engine and writes one HTML file that sums up how the
profile evolved, the signal mix, the top drivers, what each rule did, counterfactual replays
(each active rule off, the strongest single event removed), the metrics and the provenance
(engine version, config hash, preset, seed, input hash). Charts are inline SVG; the file loads
nothing from anywhere. The same command on the same data gives the same file byte for byte.

With --pdf it also prints the report to PDF through headless Chromium (/usr/bin/chromium, or
FEEDLENS_CHROMIUM); nothing is downloaded.

Options:
  --db FILE        the database (default: FEEDLENS_DB, then the per-user data directory)
  --dataset ID     the dataset to report on ("demo" is the bundled one)
  --out FILE       where to write the HTML report
  --pdf FILE       also write the report as PDF
  --preset NAME    weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --seed N         seed for the exploration draws (default 0)

Example:
  feedlens report --dataset demo --seed 7 --out demo-report.html --pdf demo-report.pdf`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      dataset: { type: 'string' },
      out: { type: 'string' },
      pdf: { type: 'string' },
      preset: { type: 'string' },
      seed: { type: 'string' },
    });
    if (!values.dataset)
      throw new UserError('bad-args', 'report needs --dataset <id> (try --dataset demo).');
    if (!values.out) throw new UserError('bad-args', 'report needs --out FILE.html.');
    const seed = intFlag('seed', values.seed) ?? 0;
    if (seed < 0) throw new UserError('bad-args', '--seed must be 0 or more.');
    const preset = presetFlag(values.preset);
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      const facts = await writeReport(
        app.ctx,
        { datasetId: values.dataset, preset, seed },
        values.out,
      );
      io.out(
        `Wrote the report on ${facts.slates} slates (${facts.events} events, preset ${preset}, seed ${seed}) to ${values.out}.`,
      );
      if (values.pdf) {
        await printReport(app.ctx.printPdf, values.out, values.pdf);
        io.out(`Printed it to ${values.pdf}.`);
      }
    } finally {
      app.close();
    }
    return 0;
  },
};
