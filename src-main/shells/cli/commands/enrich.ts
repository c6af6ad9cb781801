import { performance } from 'node:perf_hooks';
import type {
  EnrichFileResult,
  EnrichFinished,
  EnrichPlan,
  EnrichResult,
} from '../../../contract/enrich';
import { UserError } from '../../../domain/errors';
import { printable } from '../../../domain/printable';
import { unwrap } from '../../../api/router';
import { startApp, type App } from '../../../app';
import type { Command, Io } from '../command';
import { parseFlags } from '../command';

export const enrichCommand: Command = {
  name: 'enrich',
  summary:
    'Add captions, creators and hashtags to videos: from a file, or online with your consent',
  help: `Usage: feedlens enrich --file <path> [--dataset ID] [--db FILE] [--json]
       feedlens enrich [--dataset ID] [--base-url URL] [--rate N] [--thumbnails on|off] [--db FILE] [--json]
       feedlens enrich [--dataset ID] --online [--base-url URL] [--rate N] [--thumbnails on|off] [--progress] [--db FILE] [--json]

A TikTok export lists videos but not their captions, hashtags, creators or sounds. This adds them.

With --file, reads metadata from a file on this machine and sends nothing: a Zeeschuimer capture
(NDJSON), a yt-dlp info JSON or --dump-json lines, or a CSV with the header
id,caption,creator,hashtags,sound,duration. The format is detected from the content; all of one
file is written in one transaction, and a bad line is skipped with a warning.

Without --online, prints the plan of an online run and sends nothing: how many requests would go
to which host, one example request exactly as it would be sent, and how long it would take.

With --online (your consent), asks TikTok's public oEmbed endpoint about each video that still
lacks a caption or a creator. Only the video id is sent. Requests are spaced to the rate, retried
with backoff on 429, 5xx and network errors, and every answer is saved as it arrives: Ctrl-C (or a
crash) keeps what was fetched, and running the same command again resumes. Videos answered
before (found, removed, private, bad answer) are never asked again; failed ones are retried.

With thumbnails on (off unless you turn it on, here or in the app), each video found also has its
thumbnail image downloaded from TikTok's image servers, another host than oEmbed that also sees your
IP address; the plan names those hosts. The images are kept in the database for the Feed's cards.

Options:
  --file PATH       add metadata from this file (sends nothing)
  --dataset ID      the dataset a file's metadata is added to, or whose videos to look up
                    (default: the only imported one)
  --online          send the requests (without it, only the plan is printed)
  --base-url URL    the oEmbed endpoint, kept as the setting (default https://www.tiktok.com/oembed)
  --rate N          requests per second at most, kept as the setting (default 2)
  --thumbnails on|off  also download found videos' thumbnails, kept as the setting (default off)
  --progress        report progress on stderr even when it is not a terminal
  --json            print the result (or the plan) as one JSON object
  --db FILE         the database (default: FEEDLENS_DB, then the per-user data directory)

Examples:
  feedlens enrich --file capture.ndjson
  feedlens enrich --dataset tiktok-0123456789ab
  feedlens enrich --dataset tiktok-0123456789ab --online`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(argv, {
      db: { type: 'string' },
      file: { type: 'string' },
      dataset: { type: 'string' },
      online: { type: 'boolean' },
      'base-url': { type: 'string' },
      rate: { type: 'string' },
      thumbnails: { type: 'string' },
      progress: { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (positionals.length > 0)
      throw new UserError('bad-args', 'enrich takes no positional argument; use --file <path>.');
    if (values.file !== undefined && values.online)
      throw new UserError(
        'bad-args',
        '--file adds metadata from a file; it does not go with --online.',
      );
    const rate = rateFlag(values.rate);
    const thumbnails = onOffFlag('--thumbnails', values.thumbnails);
    const app = startApp({ shell: 'cli', db: values.db, withoutDemo: true });
    try {
      if (values.file !== undefined) {
        const datasetId = values.dataset ?? (await onlyDataset(app));
        const result = unwrap(
          await app.router.invoke('enrich/file', { path: values.file, datasetId }),
        );
        io.out(values.json ? JSON.stringify(result, null, 2) : describeFile(values.file, result));
        return 0;
      }
      const datasetId = values.dataset ?? (await onlyDataset(app));
      if (values['base-url'] !== undefined || rate !== undefined || thumbnails !== undefined)
        unwrap(
          await app.router.invoke('enrich/settings', {
            baseUrl: values['base-url'],
            ratePerSecond: rate,
            thumbnails,
          }),
        );
      if (!values.online) {
        const plan = unwrap(await app.router.invoke('enrich/plan', { datasetId }));
        io.out(values.json ? JSON.stringify(plan, null, 2) : describePlan(plan));
        return 0;
      }
      const finished = await runOnline(app, datasetId, io, values.progress === true);
      if (!finished.ok) throw new UserError(finished.error.code, finished.error.message);
      const { result } = finished;
      io.out(values.json ? JSON.stringify(result, null, 2) : describeResult(result, datasetId));
      return result.cancelled ? 130 : 0;
    } finally {
      app.close();
    }
  },
};

function rateFlag(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const rate = Number(value);
  if (!/^\d+(\.\d+)?$/.test(value) || !(rate > 0 && rate <= 100_000))
    throw new UserError(
      'bad-args',
      `--rate takes requests per second between 0 and 100000, not "${value}".`,
    );
  return rate;
}

function onOffFlag(name: string, value: string | undefined): boolean | undefined {
  if (value === undefined) return undefined;
  if (value === 'on' || value === 'off') return value === 'on';
  throw new UserError('bad-args', `${name} takes on or off, not "${value}".`);
}

async function onlyDataset(app: App): Promise<string> {
  const imported = unwrap(await app.router.invoke('datasets/list', {})).filter(
    (d) => d.kind !== 'demo',
  );
  if (imported.length === 1) return imported[0]!.id;
  throw new UserError(
    'bad-args',
    imported.length === 0
      ? 'No dataset to enrich: import your export first (feedlens import <file>).'
      : 'Several datasets: pass --dataset ID (`feedlens datasets` lists them).',
  );
}

/** Starts the run, shows progress with an ETA, and turns Ctrl-C into a clean cancel. */
async function runOnline(
  app: App,
  datasetId: string,
  io: Io,
  forced: boolean,
): Promise<EnrichFinished> {
  // Listen before starting: a run with nothing to ask can finish before `start` returns.
  const ended = new Map<string, EnrichFinished>();
  let waiting: ((finished: EnrichFinished) => void) | null = null;
  let jobId: string | null = null;
  const offFinished = app.on('enrich/finished', (finished) => {
    ended.set(finished.jobId, finished);
    if (finished.jobId === jobId) waiting?.(finished);
  });
  const started = performance.now();
  let drawn = false;
  const offProgress = app.on('job/progress', (p) => {
    if (p.jobId !== jobId || (!io.isTty && !forced)) return;
    const line = progressLine(p.done, p.total ?? 0, performance.now() - started);
    if (io.isTty) {
      process.stderr.write(`\r${printable(line)}\x1b[K`);
      drawn = true;
    } else io.err(`progress: ${line}`);
  });
  const cancel = () => {
    if (jobId !== null) void app.router.invoke('enrich/cancel', { jobId });
  };
  process.once('SIGINT', cancel);
  try {
    jobId = unwrap(await app.router.invoke('enrich/start', { datasetId, consent: true })).jobId;
    const id = jobId;
    return await new Promise<EnrichFinished>((resolve) => {
      const done = ended.get(id);
      if (done) resolve(done);
      else waiting = resolve;
    });
  } finally {
    if (drawn) process.stderr.write('\r\x1b[K');
    process.off('SIGINT', cancel);
    offFinished();
    offProgress();
  }
}

function progressLine(done: number, total: number, elapsedMs: number): string {
  const pct = total > 0 ? Math.floor((done / total) * 100) : 100;
  const eta =
    done > 0 && total > done ? duration(((total - done) * elapsedMs) / done / 1000) : null;
  return `Fetching ${String(pct).padStart(3)}% ${done}/${total} videos${eta ? `, about ${eta} left` : ''}`;
}

function duration(seconds: number): string {
  if (seconds < 60) return `${Math.ceil(seconds)} s`;
  if (seconds < 3600) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

const n = (value: number) => value.toLocaleString('en-US');

function describePlan(plan: EnrichPlan): string {
  const lines = [
    `Online enrichment of ${plan.datasetId}: nothing was sent.`,
    `Videos: ${n(plan.items)}; without a caption or creator: ${n(plan.missing)}; answered before: ${n(plan.alreadyAsked)}.`,
  ];
  if (plan.requests === 0) return [...lines, 'There is nothing to ask online.'].join('\n');
  return [
    ...lines,
    `Would send ${n(plan.requests)} requests to ${plan.host} (${plan.settings.baseUrl}), one per video, carrying only its id, for example:`,
    `  ${plan.example}`,
    `At ${plan.settings.ratePerSecond} requests/s this takes about ${duration(plan.estimatedS)}.`,
    plan.settings.thumbnails
      ? `Thumbnails are on: each video found also has its image downloaded from ${plan.thumbnailHosts.join(', ')} (or ${plan.host}), which see your IP address too.`
      : 'Thumbnails are off: no image is downloaded (--thumbnails on to download them).',
    `To send them, run: feedlens enrich --dataset ${plan.datasetId} --online`,
  ].join('\n');
}

function describeResult(r: EnrichResult, datasetId: string): string {
  const o = r.outcomes;
  const lines = [
    `${r.cancelled ? 'Cancelled after asking' : 'Asked'} ${n(r.asked)} videos in ${(r.durationMs / 1000).toFixed(1)} s: found ${n(o.found)}, removed ${n(o.deleted)}, private ${n(o.private)}, bad answer ${n(o['bad-answer'])}, failed ${n(o.failed)}.`,
  ];
  const t = r.thumbnails;
  if (t.stored + t.refused + t.failed > 0)
    lines.push(
      `Thumbnails: stored ${n(t.stored)}, not asked (host not allowed) ${n(t.refused)}, failed ${n(t.failed)}.`,
    );
  if (r.skipped > 0) lines.push(`Skipped ${n(r.skipped)} videos answered before.`);
  if (r.cancelled)
    lines.push(
      `What was fetched is kept. To resume, run: feedlens enrich --dataset ${datasetId} --online`,
    );
  else if (o.failed > 0)
    lines.push(
      `${n(o.failed)} lookups got no usable answer after every retry; running the command again retries them.`,
    );
  return lines.join('\n');
}

function describeFile(path: string, r: EnrichFileResult): string {
  return [
    `Added metadata from ${path} (${r.source}): ${n(r.records)} videos, ${n(r.matched)} in your datasets, ${n(r.added)} new to the candidate pool.`,
    ...r.warnings.map((line) => `Warning:   ${line}`),
  ].join('\n');
}
