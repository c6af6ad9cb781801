// Audit exports through the API (the Audit screen): the preview and the folder, the same code as
// `feedlens export` (src-main/export/).
import { randomBytes } from 'node:crypto';
import { isAbsolute } from 'node:path';
import { exportFolder } from '../../export/folder';
import type { CreatorRedaction } from '../../export/manifest';
import { previewExport } from '../../export/preview';
import type { ExportOptions } from '../../export/run';
import { UserError } from '../../domain/errors';
import type { exportCalls } from '../../contract/export';
import type { ParsedArgs } from '../../contract';
import type { Handlers } from '../router';

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

export const exportHandlers: Pick<Handlers, keyof typeof exportCalls> = {
  'export/preview': (args, ctx) => previewExport(ctx, optionsOf(args)),
  'export/run': ({ out, ...args }, ctx) => {
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
  },
};
