// The person's own keyword filters, from the export's Settings: JSON `App Settings` (G4: `Profile
// And Settings`) › `Settings` › `SettingsMap` › `Content Preferences`, or the TXT `Settings.txt`
// (Dutch: `Instellingen.txt`). Only the For You filters shape recommendations; the Following
// feed's are left out. Forms as d3i's TikTok extractor reads them (docs/IMPORT.md):
//   Keyword filters for videos in For You feed: [cats, dogs]
//   Trefwoordfilters voor video's in de 'Voor jou'-feed: [katten, honden]

/** A key that names keyword filters, in the languages we have evidence for (docs/IMPORT.md). */
const FILTER_KEY = /keyword|trefwoord/i;
/** The Following feed's filters: they do not shape the For You feed. */
const FOLLOWING_KEY = /following|volgend/i;
/** TikTok allows at most 200 filters; a longer "keyword" is not one. */
const MAX_KEYWORD_CHARS = 200;

/** Keyword filters from the JSON settings value, whatever shape it takes (list or text). */
export function readSettingsJson(value: unknown): string[] {
  const found = new Set<string>();
  const walk = (v: unknown) => {
    if (v === null || typeof v !== 'object') return;
    for (const [key, inner] of Object.entries(v)) {
      if (FILTER_KEY.test(key) && !FOLLOWING_KEY.test(key)) addAll(found, inner);
      else walk(inner);
    }
  };
  walk(value);
  return [...found].sort();
}

/** Keyword filters from the lines of a TXT Settings file (`Key: [a, b]` or `Key: a, b`). */
export function readSettingsTxt(lines: readonly string[]): string[] {
  const found = new Set<string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon);
    if (FILTER_KEY.test(key) && !FOLLOWING_KEY.test(key)) addAll(found, line.slice(colon + 1));
  }
  return [...found].sort();
}

function addAll(found: Set<string>, value: unknown): void {
  const list = Array.isArray(value)
    ? value
    : typeof value === 'string'
      ? value
          .trim()
          .replace(/^\[|\]$/g, '')
          .split(/[,\n]/)
      : [];
  for (const k of list) {
    if (typeof k !== 'string') continue;
    const word = k
      .trim()
      .replace(/^["']|["']$/g, '')
      .trim();
    if (word !== '' && word.length <= MAX_KEYWORD_CHARS) found.add(word);
  }
}
