// A batch audit's own manifest, beside its summary CSV (docs/EXPORTS.md, "Batch outputs"): the
// summary's SHA-256, the manifestSha256 of every input folder it lists as done (each folder's
// manifest covers that folder's files), and the inputs that failed with their reason. It is
// written and read like every other manifest (serialiseManifest, readManifest), so one hash, the
// batch manifest's own, pins every byte of the batch. A sharded run writes one per shard, named
// after its summary: manifest-K-of-N.json beside summary-K-of-N.csv.
import { readdirSync } from 'node:fs';
import { compareStrings } from '../engine/format';
import { APP_VERSION } from '../version';
import { listFiles, MANIFEST, serialiseManifest, type ManifestFile } from './manifest';

export type BatchManifest = {
  manifestVersion: 1;
  generator: string;
  batch: { preset: string; seed: number; shard: { k: number; n: number } | null };
  /** Each done input's folder (input=NAME) and the manifestSha256 of its manifest.json. */
  folders: { name: string; manifestSha256: string }[];
  /** Inputs the audit tried and could not read: no folder, the summary's one-line reason. */
  failed: { input: string; error: string }[];
  /** The summary CSV. */
  files: ManifestFile[];
  manifestSha256: string;
};

const SHARD_MANIFEST = /^manifest-\d+-of-\d+\.json$/;

/** The batch manifest beside `summary.csv` or `summary-K-of-N.csv`. */
export function batchManifestName(shard: { k: number; n: number } | null): string {
  return shard ? `manifest-${shard.k}-of-${shard.n}.json` : MANIFEST;
}

/** The names in `dir` that may be batch manifests (manifest.json may be a folder's instead). */
export function batchManifestNames(dir: string): string[] {
  let names: string[];
  try {
    names = readdirSync(dir);
  } catch {
    return []; // not a folder: verifyFolder says what is missing
  }
  return names.filter((n) => n === MANIFEST || SHARD_MANIFEST.test(n)).sort(compareStrings);
}

export function isBatchManifest(m: object): m is BatchManifest {
  return 'batch' in m;
}

/** The batch manifest's bytes; `summary` is the summary CSV's name in `out`. */
export function buildBatchManifest(
  out: string,
  batch: BatchManifest['batch'],
  summary: string,
  folders: BatchManifest['folders'],
  failed: BatchManifest['failed'],
): string {
  return serialiseManifest({
    manifestVersion: 1,
    generator: `feedlens ${APP_VERSION}`,
    batch,
    folders,
    failed,
    files: listFiles(out, [summary]),
  });
}
