// The `feedlens` command line: the third shell over the router, in-process. main.ts runs it.
import { UserError } from '../../domain/errors';
import { asUserError } from '../../db/connection';
import { APP_VERSION } from '../../version';
import type { Command, Io } from './command';
import { auditCommand } from './commands/audit';
import { datasetsCommand } from './commands/datasets';
import { enrichCommand } from './commands/enrich';
import { evaluateCommand } from './commands/evaluate';
import { fidelityCommand } from './commands/fidelity';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { replayCommand } from './commands/replay';
import { reportCommand } from './commands/report';
import { serveCommand } from './commands/serve';
import { verifyCommand } from './commands/verify';
import { whyCommand } from './commands/why';

const COMMANDS: Command[] = [
  serveCommand,
  importCommand,
  enrichCommand,
  datasetsCommand,
  replayCommand,
  whyCommand,
  fidelityCommand,
  exportCommand,
  verifyCommand,
  evaluateCommand,
  reportCommand,
  auditCommand,
];

function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length));
  return [
    'Usage: feedlens <command> [options]',
    '',
    'See inside a short-video recommender: your own sessions, a glass-box engine, verifiable traces.',
    '',
    'Commands:',
    ...COMMANDS.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`),
    '',
    'Run `feedlens <command> --help` for a command’s options.',
    'Every command takes --db FILE (default: FEEDLENS_DB, then ~/.config/feedlens/feedlens.db).',
  ].join('\n');
}

export async function runCli(argv: string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.out(usage());
    return name === undefined ? 1 : 0;
  }
  if (name === '--version' || name === '-v') {
    io.out(APP_VERSION);
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name);
  if (!command) {
    io.err(`feedlens: unknown command "${name}". Run \`feedlens --help\` for the list.`);
    return 1;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.out(command.help);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    // Every failure is one line and exit 1; the stack only with FEEDLENS_DEBUG.
    const known = error instanceof UserError ? error : asUserError(error);
    if (known) {
      io.err(`feedlens: ${known.message}`);
      return 1;
    }
    io.err(`feedlens: unexpected error: ${error instanceof Error ? error.message : String(error)}`);
    if (process.env.FEEDLENS_DEBUG) io.err(String((error as Error).stack));
    return 1;
  }
}
