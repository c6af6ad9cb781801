// The shared vocabulary of Feedlens: what an item, an event and a dataset are. Pure data types,
// used by the engine, the importers, the store and (type-only) the renderer.

/** A TikTok video id: a decimal string of up to 19 digits. Never a JS number (ids exceed 2^53). */
export type ItemId = string;

export type ItemStats = {
  likes: number | null;
  shares: number | null;
  comments: number | null;
  plays: number | null;
};

/** A short video and what is known about it. `null` means unknown, never "zero" or "none". */
export type Item = {
  id: ItemId;
  creator: string | null;
  sound: string | null;
  soundTitle: string | null;
  caption: string | null;
  hashtags: string[];
  /** Topic ids from the taxonomy (src-main/domain/taxonomy.ts); empty when none could be mapped. */
  topics: string[];
  /**
   * True when `topics` were not read from the item's own words but inferred from hashtags that
   * co-occur, in the same catalogue, with hashtags that do map (labelled "inferred" on screen).
   */
  topicsInferred: boolean;
  durationS: number | null;
  language: string | null;
  createdAtMs: number | null;
  stats: ItemStats | null;
  /** A picture of the video from metadata enrichment (oEmbed's thumbnail_url); null when none. */
  thumbnailUrl: string | null;
};

/**
 * The one empty list of hashtags or topics that items without any share (most of an export's
 * know only their ids): frozen, since it is shared; a million `[]`s of their own take 60 MB.
 */
export const NO_WORDS = Object.freeze([]) as readonly string[] as string[];

/** An item known only by its id (and, where the id encodes it, its creation time). */
export function bareItem(id: ItemId, createdAtMs: number | null): Item {
  return {
    id,
    creator: null,
    sound: null,
    soundTitle: null,
    caption: null,
    hashtags: NO_WORDS,
    topics: NO_WORDS,
    topicsInferred: false,
    durationS: null,
    language: null,
    createdAtMs,
    stats: null,
    thumbnailUrl: null,
  };
}

export const EVENT_KINDS = [
  'impression',
  'watch',
  'rewatch',
  'like',
  'unlike',
  'favorite',
  'share',
  'comment',
  'follow',
  'unfollow',
  'search',
  'skip',
  'not-interested',
  'keyword-filter',
  'topic-control',
] as const;
export type EventKind = (typeof EVENT_KINDS)[number];

/**
 * How we know an event happened the way it is recorded. `observed`: recorded as it happened (the
 * Feed Lab, a timed capture, a like or follow in a TikTok export). `inferred`: estimated (a
 * TikTok export's watches, whose watch time comes from the gap to the next entry). `loaded`: the
 * page loaded the item (a Zeeschuimer capture), which is not proof it was seen.
 */
export const EVIDENCE = ['observed', 'inferred', 'loaded'] as const;
export type Evidence = (typeof EVIDENCE)[number];

/** What an event is about when it is not a video: a followed creator, a search query, ... */
export const TARGET_TYPES = [
  'creator',
  'sound',
  'hashtag',
  'effect',
  'query',
  'keyword',
  'topic',
  /** Free text the person wrote (a comment, which TikTok exports do not link to its video). */
  'text',
] as const;
export type TargetType = (typeof TARGET_TYPES)[number];
export type Target = { type: TargetType; value: string };

export type FeedEvent = {
  /** Stable within its dataset (for example `e000042`); counterfactuals name events by it. */
  id: string;
  atMs: number;
  kind: EventKind;
  itemId: ItemId | null;
  target: Target | null;
  /** Seconds watched, when known or estimated. */
  watchS: number | null;
  /** Fraction of the video watched (1 = finished once); null when the duration is unknown. */
  watchRatio: number | null;
  /** A slider level for topic-control (0 = least, 1 = neutral, 2 = most); null otherwise. */
  level: number | null;
  evidence: Evidence;
  /** 0-based session index within the dataset. */
  session: number;
};

export const DATASET_KINDS = ['demo', 'tiktok-export', 'zeeschuimer', 'event-log', 'lab'] as const;
export type DatasetKind = (typeof DATASET_KINDS)[number];

export type DatasetSummary = {
  id: string;
  name: string;
  kind: DatasetKind;
  createdAt: string;
  events: Partial<Record<EventKind, number>>;
  eventCount: number;
  itemCount: number;
  sessions: number;
  /** ISO 8601 UTC of the first and last event; null for a dataset without events. */
  from: string | null;
  to: string | null;
  warnings: string[];
};

export const IMPORT_FORMATS = [
  'tiktok-json',
  'tiktok-txt',
  'zeeschuimer',
  'event-log-csv',
  'event-log-jsonl',
] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** Lifetime counts an export states about itself (its Activity Summary); null where it says none. */
export type ActivitySummary = {
  videosWatchedToTheEnd: number | null;
  videosCommentedOn: number | null;
  videosShared: number | null;
};

/**
 * The export's own count of videos watched to the end against the completion Feedlens infers
 * from gaps (a watch is finished when its gap-inferred time covers the video's duration).
 */
export type CompletionCheck = {
  /** TikTok's count of videos watched to the end since the account was registered. */
  exportFinished: number;
  /** Watches in the dataset's history. */
  watches: number;
  /** Watches whose ratio is known (a gap-inferred time and a known duration). */
  known: number;
  /** Of those, the ones inferred finished (ratio ≥ 1). */
  finished: number;
  /** `finished / known · watches`, rounded; null while too few ratios are known to extrapolate. */
  estimate: number | null;
  verdict: 'consistent' | 'disagree' | 'unknown';
  /** The comparison in one plain sentence (shown on the Import summary and the Profile). */
  sentence: string;
};

/** One section of an export, as the "What's in your export" card lists it. */
export type ExportSectionReport = {
  /** The section's name as TikTok's English export writes it. */
  name: string;
  state: 'found' | 'absent';
  /** Records read from it (including any skipped ones). */
  rows: number;
  /** ISO 8601 UTC of its first and last dated record; null when it has none. */
  from: string | null;
  to: string | null;
  /** What it feeds in Feedlens: the interest profile, the feed's rules, or nothing yet ([]). */
  feeds: ('profile' | 'feed')[];
};

/** Records of one section skipped for one reason (the file was read without them). */
export type SkippedRecords = {
  section: string;
  reason: string;
  count: number;
  /** The first few lines they start on. */
  lines: number[];
};

/** A key this version does not know, with how many records it holds (never what they say). */
export type UnknownKey = { path: string; rows: number };

/**
 * What an import did with one file of the source (docs/IMPORT.md, "Every file, with its state"):
 * `read` into events; `empty` (no `Key: value` record, e.g. TikTok's "You have no data in this
 * section"); `private` (direct messages, chats: decided from the name, never opened); `ignored`
 * (a section that is no signal of taste, a file of another kind, or one the person chose to leave
 * out); `needs-choice` (date + video-link records under a name we do not know: watch history,
 * likes and favourites look alike, so the person says which); `failed` (records, none readable).
 */
export const IMPORT_FILE_STATES = [
  'read',
  'empty',
  'private',
  'ignored',
  'needs-choice',
  'failed',
] as const;
export type ImportFileState = (typeof IMPORT_FILE_STATES)[number];

/** What a person may say a file of date + video-link records is (`--section "FILE=watch"`). */
export const SECTION_CHOICES = ['watch', 'like', 'favorite', 'ignore'] as const;
export type SectionChoice = (typeof SECTION_CHOICES)[number];

export type ImportFile = {
  /** The file's path inside the export (`Your Activity/Watch History.txt`): the name choices use. */
  name: string;
  state: ImportFileState;
  /** The section it was read as (`watch`, `search`, `settings`, ...); null when unknown. */
  section: string | null;
  /** How the section was told: its name, its records' shape, or the person's choice. */
  by: 'name' | 'shape' | 'choice' | null;
  /** Records read (for `needs-choice`: records that would be imported). */
  rows: number;
  /** Records skipped (a bad date, no link, ...); `skippedRecords` says why and where. */
  skipped: number;
  /** ISO 8601 UTC of its first and last dated record; null when it has none. */
  firstAt: string | null;
  lastAt: string | null;
  /** Why a file was ignored or failed, in plain words. */
  note: string | null;
};

/** What an import produced, or found already there: the dataset's counts and what they rest on. */
export type ImportSummary = DatasetSummary & {
  datasetId: string;
  /** The source's format; null for a dataset that was not imported from a file (demo, lab). */
  format: ImportFormat | null;
  /** Items with any caption, hashtag, creator, sound or duration; the rest are ids only. */
  itemsWithMetadata: number;
  itemsWithoutMetadata: number;
  /** Exact duplicate records removed (TikTok writes some twice). */
  duplicatesRemoved: number;
  /** What was estimated rather than read, in plain words. */
  inferred: string[];
  /** What this kind of source cannot tell, in plain words. */
  lacks: string[];
  /** True when the same bytes (SHA-256) were imported before: nothing was changed. */
  alreadyImported: boolean;
  /** The export's Activity Summary; null when it has none. */
  activitySummary: ActivitySummary | null;
  /** The Activity Summary's count against the completion inferred from gaps; null without one. */
  completion: CompletionCheck | null;
  /** The person's own For You keyword filters from the export's Settings (observed). */
  keywordFilters: string[];
  /** Every section TikTok documents, found or absent ("What's in your export"); [] for non-exports. */
  sections: ExportSectionReport[];
  /** What was repaired in a hand-edited file, in plain sentences. */
  repairs: string[];
  /** Records skipped (a date out of range, a missing field, an unreadable link), by section. */
  skippedRecords: SkippedRecords[];
  /** Keys this version does not know, with their record counts, for the user to report. */
  unknownKeys: UnknownKey[];
  /** Every file of the source with what became of it; [] for datasets imported before #18. */
  files: ImportFile[];
};
