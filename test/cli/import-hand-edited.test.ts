// `feedlens import` on a hand-edited export prints what the export says about itself, its
// sections, what was repaired and skipped and the keys it does not know (names and counts only).
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runFeedlens } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

describe('feedlens import of a hand-edited export', () => {
  it('prints its repairs, skipped records, unknown keys and its own counts', () => {
    const result = runFeedlens([
      'import',
      join(ROOT, 'fixtures/tiktok/hand-edited/user_data_tiktok.json'),
      '--db',
      tempDbPath(),
    ]);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const lines = result.stdout.split('\n');
    expect(lines).toContain(
      'Filters:   your keyword filters (observed, from your settings): cooking, prank',
    );
    expect(lines).toContain(
      'Section:   Watch History: 51 rows, 2025-03-14 to 2025-03-15; feeds profile and feed',
    );
    expect(result.stdout).toMatch(/^Export says: TikTok counts 5 videos watched to the end/m);
    expect(result.stdout).toMatch(/^Repaired: {2}user_data_tiktok\.json: 2 trailing commas/m);
    expect(result.stdout).toMatch(
      /^Skipped: {3}Block List: 1 record\(s\) with a date before TikTok/m,
    );
    expect(lines).toContain(
      'Unknown:   "Creator Rewards" (2 records, not read; see docs/IMPORT.md to report it)',
    );
    expect(result.stdout).not.toMatch(/secret|private-never-read/);
  }, 60_000);
});
