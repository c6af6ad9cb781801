// What a CLI command is. Each command lives in commands/<name>.ts and is listed in main.ts.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UserError } from '../../domain/errors';
import { PRESETS, type PresetName } from '../../engine';

export type Io = {
  out: (text: string) => void;
  err: (text: string) => void;
  /** Whether stderr is a terminal (progress bars only there). */
  isTty: boolean;
};

export type Command = {
  name: string;
  summary: string;
  /** Full help text, printed by `feedlens <name> --help`. */
  help: string;
  run(argv: string[], io: Io): Promise<number>;
};

/** node:util parseArgs with unknown options reported as a user error, not a stack trace. */
export function parseFlags<T extends NonNullable<ParseArgsConfig['options']>>(
  argv: string[],
  options: T,
  allowPositionals = false,
) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (error) {
    throw new UserError('bad-args', (error as Error).message.replace(/\. To specify .*$/s, '.'));
  }
}

/** Parses a whole-number flag, or fails with a message naming it. */
export function intFlag(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (!/^-?\d+$/.test(value))
    throw new UserError('bad-args', `--${name} takes a whole number, not "${value}".`);
  return Number.parseInt(value, 10);
}

/** ISO 8601 (with a zone, or read as UTC) or epoch milliseconds. */
export function timeFlag(name: string, text: string): number {
  if (/^-?\d+$/.test(text)) return Number.parseInt(text, 10);
  const iso = /^\d{4}-\d{2}-\d{2}(T[\d:.]+)?(Z|[+-]\d{2}:?\d{2})?$/.exec(text);
  const ms = iso ? Date.parse(iso[2] || !iso[1] ? text : `${text}Z`) : Number.NaN;
  if (Number.isNaN(ms))
    throw new UserError(
      'bad-args',
      `--${name} takes ISO 8601 (2026-03-07T20:35:00Z) or epoch ms, not "${text}".`,
    );
  return ms;
}

/** Parses --preset (default: TikTok Algo 101), or fails with a message naming the presets. */
export function presetFlag(value: string | undefined): PresetName {
  const preset = value ?? 'tiktok-algo101';
  if (!(PRESETS as readonly string[]).includes(preset))
    throw new UserError(
      'bad-args',
      `--preset must be one of ${PRESETS.join(', ')}, not "${preset}".`,
    );
  return preset as PresetName;
}
