// `feedlens verify DIR`: re-checks a folder against its manifest (docs/EXPORTS.md, "Verify"): an
// export folder or an audit input folder (the same check), or a whole batch (verify-batch.ts).
// Order: the manifest's own bytes and self-hash, the folder's file list, then each file in the
// manifest's order (the trace chain first, then its SHA-256). The first discrepancy is returned
// with the file, and the line and field where they can be known.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { printable } from '../domain/printable';
import { checkChainFile, sha256Hex } from './chain';
import { fileSha256, MANIFEST, type Manifest, type ManifestFile } from './manifest';
import { TRACES_FILE } from './folder';

/** `folder` is set when verify checked a batch: the input folder (input=NAME) the file is in. */
export type Discrepancy = {
  folder?: string;
  file: string;
  line?: number;
  field?: string;
  problem: string;
};

/** "folder/file, line N, field F: problem" — the one line verify prints; names escaped. */
export function describeDiscrepancy(d: Discrepancy): string {
  const where = [
    printable(d.folder === undefined ? d.file : `${d.folder}/${d.file}`),
    d.line !== undefined ? `line ${d.line}` : '',
    d.field ? `field ${d.field}` : '',
  ]
    .filter(Boolean)
    .join(', ');
  return `${where}: ${d.problem}`;
}

/**
 * A manifest file (`name` in `dir`) checked byte for byte against its own canonical form and
 * self-hash; any manifest of ours (export, audit input, batch) has `files`.
 */
export function readManifest<T extends { files: ManifestFile[] } = Manifest>(
  dir: string,
  name = MANIFEST,
): T | Discrepancy {
  const path = join(dir, name);
  if (!existsSync(path))
    return {
      file: name,
      problem: 'missing: this is not an export folder, an audit input folder or a batch output',
    };
  const bytes = readFileSync(path);
  let parsed: T & { manifestSha256?: unknown };
  try {
    parsed = JSON.parse(bytes.toString('utf8')) as T;
  } catch (error) {
    const at = /position (\d+)/.exec((error as Error).message);
    const line = at
      ? bytes.subarray(0, Number(at[1])).toString('utf8').split('\n').length
      : undefined;
    return { file: name, ...(line ? { line } : {}), problem: 'not valid JSON' };
  }
  if (typeof parsed !== 'object' || parsed === null || typeof parsed.manifestSha256 !== 'string')
    return { file: name, field: 'manifestSha256', problem: 'missing' };
  const canonical = Buffer.from(`${JSON.stringify(parsed, null, 2)}\n`, 'utf8');
  if (!canonical.equals(bytes)) {
    const line = firstDifferentLine(canonical.toString('utf8'), bytes.toString('utf8'));
    return {
      file: name,
      line,
      problem: 'its bytes are not the ones written (spacing or encoding changed)',
    };
  }
  const blank = `${JSON.stringify({ ...parsed, manifestSha256: '' }, null, 2)}\n`;
  if (sha256Hex(blank) !== parsed.manifestSha256)
    return {
      file: name,
      field: 'manifestSha256',
      problem: 'does not match the manifest: a value in it was changed',
    };
  if (!Array.isArray(parsed.files)) return { file: name, field: 'files', problem: 'missing' };
  return parsed;
}

function firstDifferentLine(a: string, b: string): number {
  const la = a.split('\n');
  const lb = b.split('\n');
  let i = 0;
  while (i < la.length && la[i] === lb[i]) i++;
  return i + 1;
}

/** Every hash of an export or audit input folder: null when all hold, else the first discrepancy. */
export function verifyFolder(dir: string): Discrepancy | null {
  const manifest = readManifest(dir);
  return 'problem' in manifest ? manifest : checkFolder(dir, manifest);
}

/** The folder's files against its (already checked) manifest. */
export function checkFolder(dir: string, manifest: Manifest): Discrepancy | null {
  const listed = new Set(manifest.files.map((f) => f.name));
  for (const name of readdirSync(dir).sort())
    if (name !== MANIFEST && !listed.has(name))
      return { file: name, problem: 'is not listed in the manifest' };
  for (const f of manifest.files) {
    if (f.name === TRACES_FILE && manifest.chain && existsSync(join(dir, f.name))) {
      const broken = checkChainFile(join(dir, f.name), manifest.chain.head);
      if (broken) return { file: f.name, ...broken };
    }
    const found = checkFile(dir, f);
    if (found) return found;
  }
  return null;
}

/** One listed file: present, of its size, of its SHA-256. */
export function checkFile(dir: string, f: ManifestFile): Discrepancy | null {
  const path = join(dir, f.name);
  if (!existsSync(path)) return { file: f.name, problem: 'missing' };
  const actual = fileSha256(path);
  if (actual.bytes !== f.bytes)
    return {
      file: f.name,
      field: 'bytes',
      problem: `the file was changed: ${actual.bytes} bytes, the manifest says ${f.bytes}`,
    };
  if (actual.sha256 !== f.sha256)
    return {
      file: f.name,
      field: 'sha256',
      problem: 'its SHA-256 is not the one in the manifest: the file was changed',
    };
  return null;
}
