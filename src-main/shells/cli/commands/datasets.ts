import { startApp } from '../../../app';
import { unwrap } from '../../../api/router';
import type { Command } from '../command';
import { parseFlags } from '../command';

export const datasetsCommand: Command = {
  name: 'datasets',
  summary: 'List datasets, or delete one',
  help: `Usage: feedlens datasets [--db FILE] [--json]
       feedlens datasets delete <id> [--db FILE]

Lists every dataset with its event counts, sessions and date range (UTC).

Options:
  --db FILE   the database (default: FEEDLENS_DB, then the per-user data directory)
  --json      print JSON instead of a table`,
  async run(argv, io) {
    const { values, positionals } = parseFlags(
      argv,
      { db: { type: 'string' }, json: { type: 'boolean' } },
      true,
    );
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      if (positionals[0] === 'delete') {
        const id = positionals[1];
        if (!id) {
          io.err('feedlens: datasets delete needs a dataset id.');
          return 1;
        }
        const { deleted } = unwrap(await app.router.invoke('datasets/delete', { id }));
        if (!deleted) {
          io.err(`feedlens: no dataset "${id}".`);
          return 1;
        }
        io.out(`Deleted dataset ${id}.`);
        return 0;
      }
      if (positionals.length > 0) {
        io.err(`feedlens: unknown datasets subcommand "${positionals[0]}".`);
        return 1;
      }
      const datasets = unwrap(await app.router.invoke('datasets/list', {}));
      if (values.json) {
        // Each with `datasetId`, like `feedlens import --json`, so scripts read both the same way.
        io.out(
          JSON.stringify(
            datasets.map((d) => ({ datasetId: d.id, ...d })),
            null,
            2,
          ),
        );
        return 0;
      }
      for (const d of datasets) {
        io.out(
          `${d.id}\t${d.kind}\t${d.eventCount} events\t${d.sessions} sessions\t${d.from ?? '-'} → ${d.to ?? '-'}\t${d.name}`,
        );
      }
      return 0;
    } finally {
      app.close();
    }
  },
};
