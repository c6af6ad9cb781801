import { describeDiscrepancy } from '../../../export/verify';
import { verifyExport } from '../../../export/reproduce';
import type { Command } from '../command';
import { parseFlags } from '../command';

export const verifyCommand: Command = {
  name: 'verify',
  summary: 'Check an export folder: every SHA-256, the trace chain, and (with --inputs) a replay',
  help: `Usage: feedlens verify DIR [--inputs PATH] [--key KEY]

Re-checks the folder written by \`feedlens export\`: the manifest's own hash, that the folder
holds exactly the files it lists, the hash chain of traces.jsonl line by line, and the SHA-256
of every file. With --inputs it also replays the run from the input files in a fresh database
and confirms that every file comes out byte for byte the same.

Exits 0 when everything holds; otherwise exits 1 and names the first discrepancy: the file, and
the line and field where they can be known.

Options:
  --inputs PATH   what the dataset came from: the imported file or folder; for the demo, the
                  fixtures folder (the one holding demo/catalogue.json)
  --key KEY       the key given to --pseudonymise-creators, to repeat such a run

Example:
  feedlens verify demo-audit
  feedlens verify demo-audit --inputs fixtures`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { inputs: { type: 'string' }, key: { type: 'string' } },
      true,
    );
    if (positionals.length !== 1) {
      io.err('feedlens: verify needs exactly one folder. Run `feedlens verify --help`.');
      return 1;
    }
    const dir = positionals[0]!;
    const found = await verifyExport(dir, values.inputs, values.key);
    if (found) {
      io.err(`feedlens: verify failed: ${describeDiscrepancy(found)}`);
      return 1;
    }
    io.out(
      values.inputs === undefined
        ? `${dir}: every hash holds (manifest, trace chain, files).`
        : `${dir}: every hash holds, and a replay of the inputs gives the same bytes in every file.`,
    );
    return 0;
  },
};
