// What every reader (one per input format) hands to the import pipeline. Readers parse and
// validate; the pipeline sorts, removes duplicates, cuts sessions, assigns ids and writes.
import type {
  DatasetKind,
  FeedEvent,
  ImportFile,
  ImportFormat,
  Item,
  SectionChoice,
} from '../domain/types';
import type { ActivitySummary } from './activity-summary';
import type { EventBudget } from './event-budget';

export {
  IMPORT_FORMATS,
  type ImportFile,
  type ImportFormat,
  type ImportSummary,
  type SectionChoice,
} from '../domain/types';

/** An event before the pipeline has given it an id and a session. */
export type ImportedEvent = Omit<FeedEvent, 'id' | 'session'> & {
  /** Which subject produced the event, for multi-user event logs (sock-puppet runs). */
  user?: string;
};

export type ImportBatch = {
  format: ImportFormat;
  datasetKind: DatasetKind;
  items: Item[];
  events: ImportedEvent[];
  warnings: string[];
  /** What the source cannot tell, in plain words for the summary. */
  lacks: string[];
  /** What became of each file read (the TXT reader says; the pipeline fills in the rest). */
  files?: ImportFile[];
  /** Keyword filters from a Settings file: undated, placed at the import's last event. */
  keywordFilters?: string[];
  /** Counts from a TXT Activity Summary file. */
  activitySummary?: ActivitySummary;
};

export type ReadContext = {
  /** Shown in every error message ("<file>: <problem>"). */
  fileName: string;
  onProgress(progress: { bytes: number; totalBytes: number | null; records: number }): void;
  signal: AbortSignal;
  /**
   * The import's clock (the router's ctx.now). The TikTok readers need it to refuse dates after
   * it (plus a day) and fail without it; readers of self-dated formats may ignore it.
   */
  nowMs?: number;
  /** Shared by every file of one import; a reader given none counts against MAX_EVENTS alone. */
  events?: EventBudget;
  /** The file's path inside the export, the name section choices are given for. */
  member?: string;
  /** What the person said this file is, when it needs saying (date + video-link records). */
  choice?: SectionChoice;
};

/** Bytes to read: a file on disk or a member of a zip. Opened as a stream, never read whole. */
export type ByteSource = {
  /** A display name: the file name, or `archive.zip › member.json`. */
  name: string;
  size: number | null;
  open(): NodeJS.ReadableStream;
};

export type Reader = (source: ByteSource, ctx: ReadContext) => Promise<ImportBatch>;
