// manifest.json (docs/manifest.schema.json): what was run on what, and the SHA-256 of every
// file written. It carries its own hash, computed with `manifestSha256` set to "", so a change to
// any byte of the manifest is caught too. There is no creation time in it: the same run gives
// the same manifest, byte for byte.
import { createHash } from 'node:crypto';
import { closeSync, openSync, readSync } from 'node:fs';
import { join } from 'node:path';
import { canonicalJson, TRACE_VERSION } from '../engine';
import { APP_VERSION } from '../version';
import { CHAIN_GENESIS, sha256Hex } from './chain';
import type { Coarsen } from './redact';
import type { EngineOverrides, ExportOptions, Format, RunFacts } from './run';
import type { TableName } from './tables';

export const MANIFEST = 'manifest.json';

export type InputFile = { name: string; sha256: string; user?: string };

/** A file the manifest covers: its name in the folder, size and SHA-256. */
export type ManifestFile = { name: string; bytes: number; sha256: string };

/** How creator handles were pseudonymised; the key itself is never written anywhere. */
export type CreatorRedaction =
  'kept' | 'hmac-sha256, key given, not stored' | 'hmac-sha256, key generated, not stored';

export type Manifest = {
  manifestVersion: 1;
  generator: string;
  engineVersion: string;
  traceVersion: number;
  dataset: RunFacts['dataset'];
  options: {
    preset: string;
    seed: number;
    withDemo: boolean;
    /** Settings given beyond the preset, as given (the resolved result is `config`). */
    engine: EngineOverrides;
    formats: Format[];
    redaction: { dropText: boolean; creators: CreatorRedaction; coarsen: Coarsen | null };
  };
  config: unknown;
  configHash: string;
  configSha256: string;
  inputs: InputFile[];
  counts: { slates: number; events: number; rows: Record<TableName, number> };
  chain: { genesis: string; head: string } | null;
  files: ManifestFile[];
  manifestSha256: string;
};

/** SHA-256 and size of a file, read in 1 MiB pieces (an export can be larger than memory). */
export function fileSha256(path: string): { bytes: number; sha256: string } {
  const hash = createHash('sha256');
  const buf = Buffer.allocUnsafe(1 << 20);
  const fd = openSync(path, 'r');
  let bytes = 0;
  try {
    for (let n; (n = readSync(fd, buf, 0, buf.length, null)) > 0; bytes += n)
      hash.update(buf.subarray(0, n));
  } finally {
    closeSync(fd);
  }
  return { bytes, sha256: hash.digest('hex') };
}

/** Each named file of `dir` with its size and SHA-256, in the order given. */
export function listFiles(dir: string, names: readonly string[]): ManifestFile[] {
  return names.map((name) => ({ name, ...fileSha256(join(dir, name)) }));
}

/**
 * A manifest's bytes: two-space JSON and a final newline, with its self-hash filled in. One
 * format for every manifest: an export folder's, an audit input folder's and a batch's
 * (batch-manifest.ts) are written, and read back by verify, the same way.
 */
export function serialiseManifest<T extends { files: ManifestFile[] }>(m: T): string {
  const text = (self: string) => `${JSON.stringify({ ...m, manifestSha256: self }, null, 2)}\n`;
  return text(sha256Hex(text('')));
}

export function buildManifest(
  dir: string,
  options: ExportOptions,
  creators: CreatorRedaction,
  facts: RunFacts,
  inputs: InputFile[],
  files: string[],
): string {
  return serialiseManifest({
    manifestVersion: 1,
    generator: `feedlens ${APP_VERSION}`,
    engineVersion: facts.engineVersion,
    traceVersion: TRACE_VERSION,
    dataset: facts.dataset,
    options: {
      preset: options.preset,
      seed: options.seed,
      withDemo: options.withDemo,
      engine: options.engine ?? {},
      formats: options.formats,
      redaction: {
        dropText: options.redaction.dropText,
        creators,
        coarsen: options.redaction.coarsen,
      },
    },
    config: facts.config,
    configHash: facts.configHash,
    configSha256: sha256Hex(canonicalJson(facts.config)),
    inputs,
    counts: { slates: facts.slates, events: facts.dataset.events, rows: facts.rows },
    chain: options.formats.includes('jsonl')
      ? { genesis: CHAIN_GENESIS, head: facts.chainHead }
      : null,
    files: listFiles(dir, files),
  });
}
