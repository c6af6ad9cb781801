// TikTok's Activity Summary as the TXT export writes it (`Activity Summary.txt`, Dutch
// `Samenvatting van activiteit.txt`): `Label: N` lines counting since the account was registered.
// The labels are d3i-infra/data-donation-task's (tiktok.py, activity_summary_to_df); the names we
// give the counts are the JSON export's own (ActivitySummaryMap, formats.md §2b).

export type ActivitySummary = Partial<
  Record<
    | 'videosWatchedToTheEndSinceAccountRegistration'
    | 'videosCommentedOnSinceAccountRegistration'
    | 'videosSharedSinceAccountRegistration',
    number
  >
>;

const LABELS: Record<string, keyof ActivitySummary> = {
  'videos watched to the end since account registration':
    'videosWatchedToTheEndSinceAccountRegistration',
  "video's tot het einde bekeken sinds accountregistratie":
    'videosWatchedToTheEndSinceAccountRegistration',
  'videos commented on since account registration': 'videosCommentedOnSinceAccountRegistration',
  "video's waarop is gereageerd sinds accountregistratie":
    'videosCommentedOnSinceAccountRegistration',
  'videos shared since account registration': 'videosSharedSinceAccountRegistration',
  "video's gedeeld sinds accountregistratie": 'videosSharedSinceAccountRegistration',
};

/** The counts found in the file's lines; a line we do not know is passed over. */
export function readActivitySummaryTxt(lines: readonly string[]): ActivitySummary {
  const out: ActivitySummary = {};
  for (const line of lines) {
    const colon = line.lastIndexOf(':');
    if (colon < 0) continue;
    const label = line
      .slice(0, colon)
      .trim()
      .toLowerCase()
      .replace(/[’‘]/g, "'")
      .replace(/\s+/g, ' ');
    const value = line.slice(colon + 1).trim();
    const key = LABELS[label];
    if (key !== undefined && /^\d{1,15}$/.test(value)) out[key] = Number(value);
  }
  return out;
}
