// Audit exports as the API asks for them (the Audit screen): the call's arguments turned into an
// export's options, then the preview or the folder, the same code as `feedlens export`.
import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import type { ParsedArgs } from '../contract';
import type { ExportPreview, ExportWritten } from '../contract/export';
import { UserError } from '../domain/errors';
import type { Context } from '../operations/context';
import { exportFolder } from './folder';
import type { CreatorRedaction } from './manifest';
import { previewExport } from './preview';
import type { ExportOptions } from './run';

type Args = ParsedArgs<'export/preview'>;

function optionsOf(args: Args): ExportOptions {
  const {
    datasetId,
    seed,
    preset,
    withDemo,
    formats,
    dropText,
    pseudonymiseCreators,
    key,
    coarsen,
    ...engine
  } = args;
  return {
    datasetId,
    seed,
    preset,
    withDemo: withDemo === true,
    engine,
    formats,
    redaction: {
      dropText,
      creatorKey: pseudonymiseCreators ? (key ?? randomBytes(32).toString('hex')) : null,
      coarsen,
    },
  };
}

function creatorsOf(args: Args): CreatorRedaction {
  if (!args.pseudonymiseCreators) return 'kept';
  return args.key === undefined
    ? 'hmac-sha256, key generated, not stored'
    : 'hmac-sha256, key given, not stored';
}

/** What an export with these arguments would write (export/preview). */
export function previewAudit(ctx: Context, args: Args): ExportPreview {
  return previewExport(ctx, optionsOf(args));
}

/** Writes the export folder to `out`, a full path (export/run). */
export function exportAudit(
  ctx: Context,
  { out, ...args }: ParsedArgs<'export/run'>,
): ExportWritten {
  if (!isAbsolute(out))
    throw new UserError(
      'bad-args',
      `Give the folder as a full path (for example /home/you/audit), not "${out}".`,
    );
  const { facts, manifest } = exportFolder(ctx, optionsOf(args), out, creatorsOf(args));
  const parsed = JSON.parse(manifest) as {
    files: { name: string; bytes: number }[];
    manifestSha256: string;
  };
  return {
    out,
    slates: facts.slates,
    files: parsed.files.map(({ name, bytes }) => ({ name, bytes })),
    manifestSha256: parsed.manifestSha256,
  };
}
