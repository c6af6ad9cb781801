import { randomBytes } from 'node:crypto';
import { startApp } from '../../../app';
import { UserError } from '../../../domain/errors';
import { PRESETS } from '../../../engine';
import { exportFolder } from '../../../export/folder';
import type { CreatorRedaction } from '../../../export/manifest';
import { previewExport, type ExportPreview } from '../../../export/preview';
import type { Coarsen } from '../../../export/redact';
import { FORMATS, type ExportOptions, type Format } from '../../../export/run';
import type { Command } from '../command';
import { intFlag, parseFlags, presetFlag } from '../command';

export const exportCommand: Command = {
  name: 'export',
  summary: 'Write an audit folder: hash-chained traces, CSV, SQLite, Parquet and a manifest',
  help: `Usage: feedlens export [--db FILE] --dataset <id|demo> --out DIR [--formats LIST]
                      [--seed N] [--preset NAME] [--with-demo] [--dry-run] [--json]
                      [--drop-text] [--pseudonymise-creators [--key KEY]] [--coarsen hour|day]

Replays the dataset with a slate at each session start and writes the folder DIR (which must
not exist yet; it appears whole or not at all): traces.jsonl (one hash-chained decision trace
per slate), the tables slates, items, contributions, rules and profile_deltas as CSV, as one
SQLite file (run.sqlite) and as Parquet, and manifest.json with the SHA-256 of every input and
output file. \`feedlens verify DIR\` checks it. Formats and fields: docs/EXPORTS.md.

Options:
  --dataset ID              the dataset to export ("demo" is the bundled one)
  --out DIR                 the folder to create
  --formats LIST            comma-separated, from ${FORMATS.join(',')} (default: all)
  --seed N                  seed for the exploration draws (default 0)
  --preset NAME             weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --with-demo               add the demo catalogue to an imported dataset's candidate pool
  --dry-run                 write nothing: show the counts, the fields and one example record
  --drop-text               drop what the person typed (search terms, filter keywords)
  --pseudonymise-creators   replace creator handles by HMAC-SHA256(key, handle)
  --key KEY                 the key for that hash (default: a random key, used once, not stored)
  --coarsen hour|day        round every time down to the hour or the day (UTC)
  --json                    print the summary (or the preview) as JSON

Example:
  feedlens export --dataset demo --seed 7 --out demo-audit
  feedlens export --dataset demo --dry-run --drop-text --coarsen day`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      dataset: { type: 'string' },
      out: { type: 'string' },
      formats: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      'with-demo': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      'drop-text': { type: 'boolean' },
      'pseudonymise-creators': { type: 'boolean' },
      key: { type: 'string' },
      coarsen: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.dataset)
      throw new UserError('bad-args', 'export needs --dataset <id> (try --dataset demo).');
    const dryRun = values['dry-run'] === true;
    if (!values.out && !dryRun) throw new UserError('bad-args', 'export needs --out DIR.');
    const preset = presetFlag(values.preset);
    const formats = parseFormats(values.formats);
    const coarsen = values.coarsen ?? null;
    if (coarsen !== null && coarsen !== 'hour' && coarsen !== 'day')
      throw new UserError('bad-args', `--coarsen takes hour or day, not "${coarsen}".`);
    const pseudonymise = values['pseudonymise-creators'] === true;
    if (values.key !== undefined && !pseudonymise)
      throw new UserError(
        'bad-args',
        '--key is the key of --pseudonymise-creators; add that option.',
      );
    if (values.key === '') throw new UserError('bad-args', '--key must not be empty.');
    const creators: CreatorRedaction = !pseudonymise
      ? 'kept'
      : values.key !== undefined
        ? 'hmac-sha256, key given, not stored'
        : 'hmac-sha256, key generated, not stored';
    const options: ExportOptions = {
      datasetId: values.dataset,
      preset,
      seed: intFlag('seed', values.seed) ?? 0,
      withDemo: values['with-demo'] === true,
      engine: {},
      formats,
      redaction: {
        dropText: values['drop-text'] === true,
        creatorKey: pseudonymise ? (values.key ?? randomBytes(32).toString('hex')) : null,
        coarsen: coarsen as Coarsen | null,
      },
    };
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      if (dryRun) {
        const preview = previewExport(app.ctx, options);
        io.out(values.json ? JSON.stringify(preview, null, 2) : describePreview(preview, formats));
        return 0;
      }
      const { facts, manifest } = exportFolder(app.ctx, options, values.out!, creators);
      if (values.json) io.out(manifest.trimEnd());
      else
        io.out(
          `Wrote ${values.out}: ${facts.slates} slates, ${facts.dataset.events} events, ${formats.join(', ')}; manifest.json lists the SHA-256 of every file (check with feedlens verify ${values.out}).`,
        );
      if (creators === 'hmac-sha256, key generated, not stored')
        io.err(
          'feedlens: creator handles were hashed with a random key that was not kept: nobody can link them back.',
        );
      return 0;
    } finally {
      app.close();
    }
  },
};

function parseFormats(value: string | undefined): Format[] {
  if (value === undefined) return [...FORMATS];
  const list = value.split(',').map((s) => s.trim());
  for (const f of list)
    if (!(FORMATS as readonly string[]).includes(f))
      throw new UserError(
        'bad-args',
        `--formats takes a list from ${FORMATS.join(',')}, not "${f}".`,
      );
  // Canonical order, no repeats: the same choice always gives the same manifest.
  return FORMATS.filter((f) => list.includes(f));
}

/** The consent preview as plain text: counts, fields, one example record. */
export function describePreview(p: ExportPreview, formats: Format[]): string {
  const lines = [
    `Nothing was written. An export would hold, in ${formats.join(', ')}:`,
    `  ${p.slates} slates (one trace each) from ${p.events} events`,
    ...Object.entries(p.rows).map(([t, n]) => `  ${t}: ${n} rows`),
    '',
    'Fields:',
    ...Object.entries(p.fields).map(([t, f]) => `  ${t}: ${f.join(', ')}`),
    '',
    'One example record (the first trace, its first item only):',
    JSON.stringify(p.example.trace, null, 2),
  ];
  return lines.join('\n');
}
