// Process glue for the CLI; everything testable lives in run.ts.
import { printableLines } from '../../domain/printable';
import { runCli } from './run';

// Everything the CLI prints may quote a file, member or dataset name: control and bidi
// characters in them are shown escaped, never sent to the terminal (domain/printable.ts).
process.exitCode = await runCli(process.argv.slice(2), {
  out: (text) => process.stdout.write(`${printableLines(text)}\n`),
  err: (text) => process.stderr.write(`${printableLines(text)}\n`),
  isTty: Boolean(process.stderr.isTTY),
});
