import { z } from 'zod';
import type { ApiError } from '../domain/errors';
import { SECTION_CHOICES, type ImportSummary } from '../domain/types';
import { defineCall } from './define';

export type { ImportSummary };

/** Sessions are cut where consecutive events are further apart than this (docs/IMPORT.md). */
export const DEFAULT_SESSION_GAP_MINUTES = 10;

/**
 * What an import is given. `path` is any readable path on this machine: a TikTok export (JSON or
 * TXT, zipped, bare or extracted into a folder), a Zeeschuimer capture or a Feedlens event log.
 * The browser shell first streams a dropped file to a temporary path and passes that.
 */
const importArgs = z
  .object({
    path: z.string().min(1).max(4096),
    /** Minutes between entries that start a new session; default DEFAULT_SESSION_GAP_MINUTES. */
    sessionGapMinutes: z
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .optional(),
    /** What to call the dataset (default: the file or folder name). */
    name: z.string().min(1).max(200).optional(),
    /** For an event log with several subjects (sock-puppet runs): whose events to import. */
    user: z.string().min(1).max(200).optional(),
    /**
     * What files of date + video-link records under a name Feedlens does not know are (their
     * summary state is `needs-choice`): file path inside the export → watch, like, favorite or
     * ignore. Remembered by file name for later imports; importing the same export again with a
     * choice replaces its dataset (docs/IMPORT.md, "Ask, don't guess").
     */
    sections: z
      .record(z.string().min(1).max(1000), z.enum(SECTION_CHOICES))
      .refine((r) => Object.keys(r).length <= 1000, 'at most 1000 section choices')
      .optional(),
  })
  .strict();

/** Pushed once per job when it ends: the summary, or the one-line error a user can act on. */
export type ImportFinished =
  | { jobId: string; ok: true; summary: ImportSummary }
  | { jobId: string; ok: false; error: ApiError };

/** Where an import stands, asked by a page that reloaded while it ran (its events went unheard). */
export type ImportStatus =
  | {
      state: 'running';
      /** The last `job/progress` it reported; null before the first. */
      progress: { label: string; done: number; total: number | null; unit: string } | null;
    }
  | { state: 'finished'; finished: ImportFinished }
  /** No such job since the app started: the app was closed mid-import, and nothing was written. */
  | { state: 'unknown' };

export const importCalls = {
  /**
   * Starts an import and returns at once. While it runs, `job/progress` events carry
   * `{jobId, label: 'Checking' | 'Reading' | 'Writing', done, total, unit: 'bytes' | 'rows'}`;
   * at the end one `import/finished` event carries the summary or the error (code `bad-input`
   * for a file we cannot read, `cancelled` after `import/cancel`). Re-importing the same bytes
   * (same SHA-256) finishes with the existing dataset's summary and `alreadyImported: true`.
   * Imports run one at a time, in the order they were started.
   */
  'import/start': defineCall<{ jobId: string }>()(importArgs),
  /**
   * Cancels a running or queued import; the database is left exactly as it was.
   * `cancelled` is false when no such job is running (it already finished).
   */
  'import/cancel': defineCall<{ cancelled: boolean }>()(
    z.object({ jobId: z.string().min(1).max(100) }).strict(),
  ),
  /**
   * The subjects of a multi-user event log at `path` (sock-puppet runs), so one can be chosen as
   * `user`; [] for every other source. Reads the file, writes nothing.
   */
  'import/users': defineCall<{ users: string[] }>()(
    z.object({ path: z.string().min(1).max(4096) }).strict(),
  ),
  /**
   * Where the import `jobId` stands: running (with its last progress), finished (its
   * `import/finished` event, kept for the last 20 imports), or unknown to this run of the app.
   */
  'import/status': defineCall<ImportStatus>()(
    z.object({ jobId: z.string().min(1).max(100) }).strict(),
  ),
  /** Runs an import to its end and returns the summary (for the CLI and tests). */
  'import/run': defineCall<ImportSummary>()(importArgs),
};
