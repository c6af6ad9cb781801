import { printable } from '../../../domain/printable';
import { describeDiscrepancy } from '../../../export/verify';
import { verifyPath } from '../../../export/verify-batch';
import { verifyExport } from '../../../export/reproduce';
import type { Command } from '../command';
import { parseFlags } from '../command';

export const verifyCommand: Command = {
  name: 'verify',
  summary:
    'Check an export folder or a batch audit: every SHA-256, the trace chains, and (with --inputs) a replay',
  help: `Usage: feedlens verify DIR [--inputs PATH] [--key KEY]

Re-checks a folder written by \`feedlens export\`, one input's folder of \`feedlens audit\`
(OUT/input=NAME), or a whole batch (OUT). A folder: the manifest's own hash, that the folder
holds exactly the files it lists, the hash chain of traces.jsonl line by line, and the SHA-256
of every file. A batch: its manifest (manifest.json, or manifest-K-of-N.json per shard), that
OUT holds only what it lists, the summary's SHA-256, and every input folder as above, under the
manifest hash the batch recorded for it. With --inputs it also replays one folder's run from
its input file in a fresh database and confirms that every export file comes out byte for byte
the same.

Exits 0 when everything holds; otherwise exits 1 and names the first discrepancy: the folder
and file, and the line and field where they can be known.

Options:
  --inputs PATH   what the dataset came from: the imported file or folder; for the demo, the
                  fixtures folder (the one holding demo/catalogue.json)
  --key KEY       the key given to --pseudonymise-creators, to repeat such a run

Example:
  feedlens verify demo-audit
  feedlens verify demo-audit --inputs fixtures
  feedlens verify audit-out
  feedlens verify audit-out/input=donor-01 --inputs donations/donor-01.json`,
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
    const { batch, found } =
      values.inputs === undefined
        ? verifyPath(dir)
        : { batch: null, found: await verifyExport(dir, values.inputs, values.key) };
    if (found) {
      io.err(`feedlens: verify failed: ${describeDiscrepancy(found)}`);
      return 1;
    }
    const shown = printable(dir);
    io.out(
      batch
        ? `${shown}: every hash holds (the batch's manifest and summary; input folders: ${batch.folders}, each with its trace chain and files; failed inputs listed: ${batch.failed}).`
        : values.inputs === undefined
          ? `${shown}: every hash holds (manifest, trace chain, files).`
          : `${shown}: every hash holds, and a replay of the inputs gives the same bytes in every file.`,
    );
    return 0;
  },
};
