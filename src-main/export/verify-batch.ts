// `feedlens verify OUT` on a batch output (docs/EXPORTS.md, "Batch outputs"): every batch manifest
// (manifest.json, or manifest-K-of-N.json per shard), that OUT holds only what they list, each
// summary's SHA-256, then each input folder: its manifest is the one the batch lists, and the
// folder verifies as an export folder does (trace chain, every file's SHA-256). Given any other
// folder, verify checks it as an export or audit input folder (verify.ts).
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { compareStrings } from '../engine/format';
import { batchManifestNames, isBatchManifest, type BatchManifest } from './batch-manifest';
import { MANIFEST, type Manifest } from './manifest';
import { checkFile, checkFolder, readManifest, verifyFolder, type Discrepancy } from './verify';

/** What verify found, and, for a batch, how many input folders and failed inputs it covers. */
export type Verified = {
  batch: { folders: number; failed: number } | null;
  found: Discrepancy | null;
};

/** Verifies DIR as a batch output when it holds a batch manifest, else as one folder. */
export function verifyPath(dir: string): Verified {
  const manifests: { name: string; manifest: BatchManifest }[] = [];
  for (const name of batchManifestNames(dir)) {
    const read = readManifest<BatchManifest | Manifest>(dir, name);
    if ('problem' in read) return { batch: null, found: read };
    if (isBatchManifest(read)) manifests.push({ name, manifest: read });
    else if (name !== MANIFEST)
      return { batch: null, found: { file: name, field: 'batch', problem: 'missing' } };
  }
  if (manifests.length === 0) return { batch: null, found: verifyFolder(dir) };
  const count = (key: 'folders' | 'failed') =>
    manifests.reduce((n, { manifest }) => n + (manifest[key]?.length ?? 0), 0);
  return {
    batch: { folders: count('folders'), failed: count('failed') },
    found: checkBatch(dir, manifests),
  };
}

function checkBatch(
  dir: string,
  manifests: readonly { name: string; manifest: BatchManifest }[],
): Discrepancy | null {
  const listed = new Set<string>();
  for (const { name, manifest } of manifests) {
    if (!Array.isArray(manifest.folders) || !Array.isArray(manifest.failed))
      return { file: name, field: 'folders', problem: 'missing' };
    listed.add(name);
    for (const f of [...manifest.files, ...manifest.folders]) listed.add(f.name);
  }
  for (const name of readdirSync(dir).sort(compareStrings))
    if (!listed.has(name)) return { file: name, problem: 'is not listed in any batch manifest' };
  for (const { manifest } of manifests) {
    for (const f of manifest.files) {
      const found = checkFile(dir, f);
      if (found) return found;
    }
    for (const { name, manifestSha256 } of manifest.folders) {
      const found = checkInputFolder(dir, name, manifestSha256);
      if (found) return found;
    }
  }
  return null;
}

/** One input folder: its manifest is the one the batch lists, and every file holds. */
function checkInputFolder(dir: string, folder: string, manifestSha256: string): Discrepancy | null {
  // A name from the manifest is a folder of OUT, never a path out of it.
  if (!/^input=[^/\\]+$/.test(folder) || folder === 'input=..')
    return { file: folder, problem: 'is not the name of an input folder' };
  const path = join(dir, folder);
  if (!existsSync(path)) return { file: folder, problem: 'missing' };
  const inner = readManifest(path);
  if ('problem' in inner) return { ...inner, folder };
  if (inner.manifestSha256 !== manifestSha256)
    return {
      folder,
      file: MANIFEST,
      field: 'manifestSha256',
      problem: 'is not the one the batch manifest lists for this folder: the folder was replaced',
    };
  const found = checkFolder(path, inner);
  return found ? { ...found, folder } : null;
}
