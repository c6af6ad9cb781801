// `feedlens replay --out` in a process of its own, for the tests to measure its memory, with the
// one thing the CLI has no flag for: `argv[4]` as the slate size. Args: db, dataset, file, size.
// Prints the export's summary as JSON.
import { contract } from '../../src-main/contract';
import { startApp } from '../../src-main/app';
import { exportTraces } from '../../src-main/export/traces';

const [db, datasetId, file, slateSize] = process.argv.slice(2);
const app = startApp({ shell: 'cli', db, withoutDemo: true });
const args = contract['replay/run'].args.parse({
  datasetId,
  every: 1,
  slateSize: Number(slateSize),
});
console.log(JSON.stringify(await exportTraces(app.ctx, args, file!)));
app.close();
