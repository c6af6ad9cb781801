import { startApp } from '../../../app';
import { unwrap } from '../../../api/router';
import { SECTION_CHOICES, type SectionChoice } from '../../../domain/types';
import { UserError } from '../../../domain/errors';
import { pendingSentence } from '../../../import/pipeline';
import { printable } from '../../../domain/printable';
import type { ImportSummary } from '../../../import/types';
import type { Command, Io } from '../command';
import { intFlag, parseFlags } from '../command';
import { exportReportLines } from './import-report';

export const importCommand: Command = {
  name: 'import',
  summary: 'Import a TikTok export, a Zeeschuimer capture or an event log',
  help: `Usage: feedlens import <path> [--db FILE] [--json] [--session-gap MINUTES] [--user NAME]
                      [--section "FILE=watch|like|favorite|ignore"]... [--progress]

Imports a TikTok data export (JSON or TXT; the zip, the bare file or the extracted folder), a
Zeeschuimer capture (NDJSON) or a Feedlens event log (CSV or JSONL), and prints what it holds
and what it lacks. The format is detected from the content. One import is one transaction:
on any error nothing is written. Importing the same file again changes nothing.

Options:
  --db FILE              the database (default: FEEDLENS_DB, then the per-user data directory)
  --json                 print the summary as one JSON object
  --session-gap MINUTES  start a new session after this many minutes without events (default 10)
  --user NAME            from an event log with several users (a sock-puppet run), import this one
  --section FILE=KIND    what a TXT file of dated video links under a name Feedlens does not know
                         is: watch, like, favorite or ignore (repeatable; remembered by file name).
                         Files that need one are listed after the import; importing the same
                         export again with --section adds them to its dataset.
  --progress             report progress on stderr even when it is not a terminal`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      {
        db: { type: 'string' },
        json: { type: 'boolean' },
        'session-gap': { type: 'string' },
        user: { type: 'string' },
        section: { type: 'string', multiple: true },
        progress: { type: 'boolean' },
      },
      true,
    );
    const [path, ...extra] = positionals;
    if (path === undefined || extra.length > 0) {
      io.err('feedlens: import needs exactly one path. Run `feedlens import --help`.');
      return 1;
    }
    const sessionGapMinutes = intFlag('session-gap', values['session-gap']);
    const sections = sectionFlags(values.section ?? []);
    const app = startApp({ shell: 'cli', db: values.db, withoutDemo: true });
    const bar = progressBar(io, values.progress === true);
    const off = app.on('job/progress', bar.update);
    try {
      const summary = unwrap(
        await app.router.invoke('import/run', {
          path,
          sessionGapMinutes,
          user: values.user,
          sections,
        }),
      );
      bar.clear();
      io.out(values.json ? JSON.stringify(summary, null, 2) : describe(summary));
      // The import stands without them; they are listed, with the flag that brings them in.
      const pending = summary.files.filter((f) => f.state === 'needs-choice');
      if (pending.length > 0) io.err(`feedlens: ${pendingSentence(pending)}.`);
      return 0;
    } finally {
      bar.clear();
      off();
      app.close();
    }
  },
};

/** `--section "FILE=watch"` flags → file → choice; the file name may itself hold "=". */
function sectionFlags(flags: readonly string[]): Record<string, SectionChoice> | undefined {
  if (flags.length === 0) return undefined;
  const out: Record<string, SectionChoice> = {};
  for (const flag of flags) {
    const at = flag.lastIndexOf('=');
    const choice = flag.slice(at + 1) as SectionChoice;
    if (at < 1 || !SECTION_CHOICES.includes(choice))
      throw new UserError(
        'bad-args',
        `--section takes "FILE=watch", "FILE=like", "FILE=favorite" or "FILE=ignore", not "${flag}".`,
      );
    out[flag.slice(0, at)] = choice;
  }
  return out;
}

/** A one-line bar on a terminal (redrawn with \r); plain lines with --progress elsewhere. */
function progressBar(io: Io, forced: boolean) {
  let drawn = false;
  let waiting = false;
  return {
    update({
      label,
      done,
      total,
      unit,
    }: {
      label: string;
      done: number;
      total: number | null;
      unit: string;
    }) {
      // Waiting for another process's write lock is said once, on any stderr.
      if (label === 'Waiting') {
        if (!waiting) io.err(`feedlens: waiting ${unit.replace(/^s /, '')}…`);
        waiting = true;
        return;
      }
      if (!io.isTty && !forced) return;
      const pct = total ? Math.min(100, Math.floor((done / total) * 100)) : null;
      const amount = unit === 'bytes' ? `${(done / 1024 / 1024).toFixed(1)} MB` : `${done} ${unit}`;
      // The label can name a file or zip member: escaped like every other name we print.
      const text = `${printable(label).padEnd(8)} ${pct === null ? '' : `${String(pct).padStart(3)}% `}${amount}`;
      if (io.isTty) {
        const width = 24;
        const filled = pct === null ? 0 : Math.round((pct / 100) * width);
        process.stderr.write(
          `\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${text}\x1b[K`,
        );
        drawn = true;
      } else io.err(`progress: ${text}`);
    },
    clear() {
      if (drawn) process.stderr.write('\r\x1b[K');
      drawn = false;
    },
  };
}

function describe(s: ImportSummary): string {
  const kinds = Object.entries(s.events)
    .map(([kind, n]) => `${kind} ${n}`)
    .join(', ');
  return [
    s.alreadyImported
      ? `Already imported as ${s.datasetId}: nothing changed.`
      : `Imported ${s.name} as ${s.datasetId} (${s.format}).`,
    `Events:    ${s.eventCount} (${kinds})`,
    `Sessions:  ${s.sessions}`,
    `From:      ${s.from ?? '-'}`,
    `To:        ${s.to ?? '-'}   (UTC)`,
    `Items:     ${s.itemCount} (${s.itemsWithMetadata} with metadata, ${s.itemsWithoutMetadata} ids only)`,
    `Duplicates removed: ${s.duplicatesRemoved}`,
    ...exportReportLines(s),
    ...s.inferred.map((line) => `Inferred:  ${line}`),
    ...s.lacks.map((line) => `Lacks:     ${line}`),
    ...s.warnings.map((line) => `Warning:   ${line}`),
    ...(s.files.length > 0 ? ['Files:', ...s.files.map(describeFile)] : []),
  ].join('\n');
}

/** One line per file: its state, name, section, records and dates, and why when ignored. */
function describeFile(f: ImportSummary['files'][number]): string {
  const what = [
    f.section === null
      ? null
      : `${f.section}${f.by === 'name' || f.by === null ? '' : ` (by ${f.by})`}`,
    f.state === 'private' || f.state === 'empty'
      ? null
      : `${f.rows} record${f.rows === 1 ? '' : 's'}`,
    f.skipped > 0 ? `${f.skipped} skipped` : null,
    f.firstAt === null ? null : `${f.firstAt.slice(0, 10)} – ${f.lastAt!.slice(0, 10)}`,
    f.note,
  ].filter((x) => x !== null);
  return `  ${f.state.padEnd(12)} ${f.name}${what.length ? `: ${what.join(', ')}` : ''}`;
}
