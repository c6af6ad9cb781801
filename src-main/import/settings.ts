// TikTok's Settings as the TXT export writes them (`Settings.txt`, Dutch `Instellingen.txt`):
// section headers without a colon, then `Setting: value` lines, lists as `[a, b]`. Only the For You
// keyword filters are read (the Following feed's filters do not shape recommendations). Labels:
// d3i-infra/data-donation-task tiktok.py settings_to_df ("Keyword filters for videos in For You
// feed", "Trefwoordfilters voor video's in de 'Voor jou'-feed").

export type SettingsTxt = { keywordFilters: string[] };

const FILTER = /keyword|trefwoord/i;
const FOLLOWING_FEED = /following|volgend/i;

export function readSettingsTxt(lines: readonly string[]): SettingsTxt {
  const found = new Set<string>();
  for (const line of lines) {
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const label = line.slice(0, colon);
    if (!FILTER.test(label) || FOLLOWING_FEED.test(label)) continue;
    const value = line
      .slice(colon + 1)
      .trim()
      .replace(/^\[|\]$/g, '');
    for (const word of value.split(','))
      if (word.trim() !== '' && word.trim().length <= 200) found.add(word.trim());
  }
  return { keywordFilters: [...found].sort() };
}
