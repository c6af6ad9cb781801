// What every reader (one per input format) hands to the import pipeline. Readers parse and
// validate; the pipeline sorts, removes duplicates, cuts sessions, assigns ids and writes.
import type {
  ActivitySummary,
  DatasetKind,
  FeedEvent,
  ImportFile,
  ImportFormat,
  Item,
  SectionChoice,
  SkippedRecords,
  UnknownKey,
} from '../domain/types';
import type { EventBudget } from './event-budget';
import type { SectionKey, SectionTally } from './export-sections';

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
  // What a TikTok export says about itself and how its records were read; other readers leave
  // them out. The pipeline merges them over every file and keeps them in the summary.
  /** The export's Activity Summary (activity-summary.ts). */
  activitySummary?: ActivitySummary | null;
  /** The person's For You keyword filters (settings.ts); the pipeline makes them events. */
  keywordFilters?: string[];
  /** Records and date span per documented section (export-sections.ts). */
  sections?: Map<SectionKey, SectionTally>;
  /** Repairs of hand-edited files, in plain sentences. */
  repairs?: string[];
  skippedRecords?: SkippedRecords[];
  unknownKeys?: UnknownKey[];
  /** What became of each file read (the TXT reader says; the pipeline fills in the rest). */
  files?: ImportFile[];
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
