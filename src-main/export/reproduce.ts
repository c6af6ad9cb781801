// `feedlens verify DIR --inputs PATH`: repeats the export from the input files into a fresh
// database and a temporary folder, and compares every file byte for byte. For the demo, PATH is
// a fixtures folder holding demo/catalogue.json and demo/persona-session.json; for an imported
// dataset, the file or folder it was imported from.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { datasetSourceSha256 } from '../db/datasets';
import { UserError } from '../domain/errors';
import type { PresetName } from '../engine';
import { openContext, type ContextOptions, type OpenContext } from '../operations/context';
import { importNow } from '../operations/import';
import { exportFolder } from './folder';
import { fileSha256, MANIFEST, type Manifest } from './manifest';
import { splitCsvLine } from './csv';
import { readManifest, type Discrepancy } from './verify';
import { verifyPath } from './verify-batch';
import { appTempPrefix } from '../stale-temp';

/**
 * verifyPath (a folder or a whole batch), then with inputs the replay of one folder. When a
 * file's hash fails and the inputs are given, the replay's comparison names that file's first
 * different line and field instead.
 */
export async function verifyExport(
  dir: string,
  inputs?: string,
  key?: string,
): Promise<Discrepancy | null> {
  const { batch, found } = verifyPath(dir);
  if (inputs === undefined) return found;
  if (batch)
    throw new UserError(
      'bad-args',
      "--inputs repeats one folder's run: give one input's folder (OUT/input=NAME) and that input's file.",
    );
  const manifest = readManifest(dir);
  if ('problem' in manifest) return manifest;
  if (found && found.field !== 'sha256' && found.field !== 'bytes') return found;
  const replayed = await reproduce(dir, manifest, inputs, key);
  return found && replayed?.file !== found.file ? found : replayed;
}

/** A verification's own context: it repeats an export, and never prints a report. */
const VERIFYING: Omit<ContextOptions, 'db'> = {
  shell: 'cli',
  printPdf: () => Promise.reject(new UserError('internal', 'A verification prints no report.')),
};

export async function reproduce(
  dir: string,
  manifest: Manifest,
  inputs: string,
  key: string | undefined,
): Promise<Discrepancy | null> {
  const { redaction } = manifest.options;
  const keyField = { file: MANIFEST, field: 'options.redaction.creators' };
  if (redaction.creators === 'hmac-sha256, key generated, not stored')
    return {
      ...keyField,
      problem: 'creators were hashed with a key nobody kept, so the run cannot be repeated',
    };
  if (redaction.creators === 'hmac-sha256, key given, not stored' && key === undefined)
    return {
      ...keyField,
      problem: 'creators were hashed with a key: give it with --key to repeat the run',
    };
  const work = mkdtempSync(appTempPrefix('verify'));
  let app: OpenContext | null = null;
  try {
    const db = join(work, 'feedlens.db');
    let datasetId = manifest.dataset.id;
    if (manifest.dataset.kind === 'demo') {
      for (const input of manifest.inputs) {
        const path = join(inputs, input.name);
        if (fileSha256(path).sha256 !== input.sha256)
          return { file: path, problem: `its SHA-256 is not the manifest's input ${input.name}` };
      }
      app = openContext({ ...VERIFYING, db, fixturesDir: inputs });
    } else {
      // The clock only dates the dataset row and checks for future events; no output holds it.
      app = openContext({ ...VERIFYING, db, withoutDemo: true });
      const own = manifest.inputs.find((i) => i.name === 'import');
      // The import names one subject's dataset "NAME · USER"; give it back NAME.
      const name = own?.user
        ? manifest.dataset.name.replace(` · ${own.user}`, '')
        : manifest.dataset.name;
      const summary = await importNow(app.ctx, { path: inputs, name, user: own?.user });
      datasetId = summary.id;
      const source = datasetSourceSha256(app.ctx.db, datasetId)?.split('/user=')[0];
      if (own === undefined || source !== own.sha256)
        return {
          file: inputs,
          problem:
            "its SHA-256 is not the manifest's input: this is not the file that was exported",
        };
    }
    const out = join(work, 'out');
    const fresh = exportFolder(
      app.ctx,
      {
        datasetId,
        preset: manifest.options.preset as PresetName,
        seed: manifest.options.seed,
        withDemo: manifest.options.withDemo,
        engine: manifest.options.engine,
        formats: manifest.options.formats,
        redaction: {
          dropText: redaction.dropText,
          creatorKey: key ?? null,
          coarsen: redaction.coarsen,
        },
      },
      out,
      redaction.creators,
    );
    // An audit input folder also holds its report and audit record, which an export does not
    // write (and the record holds the run's duration): there the export's files are compared.
    const names = (JSON.parse(fresh.manifest) as Manifest).files.map((f) => f.name);
    const whole = names.length === manifest.files.length;
    for (const name of whole ? [...names, MANIFEST] : names) {
      const found = firstDifference(
        name,
        readFileSync(join(out, name)),
        readFileSync(join(dir, name)),
      );
      if (found) return found;
    }
    return null;
  } finally {
    app?.close();
    rmSync(work, { recursive: true, force: true });
  }
}

/** Where a file differs from the one the replay made again: line and field for text files. */
export function firstDifference(
  name: string,
  expected: Buffer,
  actual: Buffer,
): Discrepancy | null {
  if (expected.equals(actual)) return null;
  const problem = 'differs from a fresh replay of the inputs';
  if (!/\.(jsonl|csv|json)$/.test(name)) {
    let i = 0;
    while (i < expected.length && expected[i] === actual[i]) i++;
    return { file: name, field: `byte ${i}`, problem };
  }
  const want = expected.toString('utf8').split('\n');
  const got = actual.toString('utf8').split('\n');
  let n = 0;
  while (n < want.length && want[n] === got[n]) n++;
  const line = n + 1;
  const [a = '', b = ''] = [want[n], got[n]];
  if (name.endsWith('.csv')) {
    const header = splitCsvLine(want[0]!);
    const fa = splitCsvLine(a);
    const fb = splitCsvLine(b);
    const k = fa.findIndex((v, i) => v !== fb[i]);
    return { file: name, line, field: header[k < 0 ? fa.length : k] ?? `column ${k + 1}`, problem };
  }
  if (name.endsWith('.jsonl')) {
    try {
      return {
        file: name,
        line,
        field: differentPath(JSON.parse(a), JSON.parse(b)) ?? '(line)',
        problem,
      };
    } catch {
      return { file: name, line, field: '(line)', problem: `${problem} (not valid JSON)` };
    }
  }
  return { file: name, line, field: /"([^"]+)":/.exec(a)?.[1] ?? '(line)', problem };
}

/** The first path (items[3].score) at which two JSON values differ. */
function differentPath(a: unknown, b: unknown, path = ''): string | null {
  if (typeof a !== 'object' || a === null || typeof b !== 'object' || b === null)
    return JSON.stringify(a) === JSON.stringify(b) ? null : path || '(value)';
  const keys = [...new Set([...Object.keys(a), ...Object.keys(b)])];
  for (const k of keys) {
    const sub = Array.isArray(a) ? `${path}[${k}]` : path ? `${path}.${k}` : k;
    const found = differentPath(
      (a as Record<string, unknown>)[k],
      (b as Record<string, unknown>)[k],
      sub,
    );
    if (found) return found;
  }
  return null;
}
