// Every limit the importer enforces, in one place (docs/IMPORT.md lists them). They exist so that a
// hostile or broken file ends in one clear error instead of exhausting memory or disk.
import { MAX_UPLOAD_BYTES } from '../contract/upload-limits';

/**
 * Total uncompressed bytes read from one import (all zip members or folder files together): the
 * largest file the UI may hand over, which the contract states so the renderer can read it too.
 */
export const MAX_TOTAL_BYTES = MAX_UPLOAD_BYTES;
/** A zip member may expand at most this many times its compressed size (zip bombs)... */
export const MAX_ZIP_RATIO = 100;
/** ...once it is larger than this; small files of repeated bytes legitimately compress well. */
export const ZIP_RATIO_FLOOR_BYTES = 1024 * 1024;
/** Members in one zip, files in one folder. A TikTok TXT export has about 20. */
export const MAX_MEMBERS = 10_000;
/** One string value (a caption, a search term, a link). */
export const MAX_FIELD_BYTES = 1024 * 1024;
/** One record (a JSON object in a list, a TXT block). */
export const MAX_RECORD_BYTES = 4 * 1024 * 1024;
/** A section materialised whole (settings, summaries). */
export const MAX_WHOLE_VALUE_BYTES = 16 * 1024 * 1024;
/** JSON nesting; TikTok exports nest about 6 deep. */
export const MAX_DEPTH = 64;
/**
 * Events in one import: ten years of a heavy user is about 1M. Set to what is measured to fit
 * (docs/PERFORMANCE.md, "Memory per event"): 2,038,055 events imported in 1.36 GB of RSS, 1.0 GB
 * of heap; Node's default heap (4,144 MB on a 24 GB machine) would run out near 7M. It was 20M,
 * which needed about 30 GB before issue #20 and more heap than Node gives.
 */
export const MAX_EVENTS = 2_500_000;
/** TikTok launched in 2016: an earlier date is a broken file, not history. */
export const MIN_EVENT_MS = Date.UTC(2016, 0, 1);
/** Dates may run up to a day past the import's "now" (clock skew), never further. */
export const MAX_FUTURE_MS = 24 * 3600 * 1000;
/** An inferred watch never lasts longer than this, whatever the gap (wrapped's cap). */
export const INFERRED_WATCH_CAP_S = 600;
/** Warnings kept per import; the rest are counted in one final line. */
export const MAX_WARNINGS = 50;
