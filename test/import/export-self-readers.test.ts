// What an export says about itself, read from each form it comes in (docs/IMPORT.md; forms as
// d3i's TikTok extractor reads them): Activity Summary and Settings in JSON, and in the TXT export
// in English and Dutch.
import { describe, expect, it } from 'vitest';
import {
  checkCompletion,
  readActivitySummaryJson,
  readActivitySummaryTxt,
} from '../../src-main/import/activity-summary';
import { readSettingsJson, readSettingsTxt } from '../../src-main/import/settings';
import { bareItem, type FeedEvent } from '../../src-main/domain/types';

const COUNTS = { videosWatchedToTheEnd: 1234, videosCommentedOn: 7, videosShared: 0 };

describe('Activity Summary', () => {
  it('reads the JSON map, counts as numbers or text', () => {
    expect(
      readActivitySummaryJson({
        ActivitySummaryMap: {
          videosWatchedToTheEndSinceAccountRegistration: 1234,
          videosCommentedOnSinceAccountRegistration: '7',
          videosSharedSinceAccountRegistration: 0,
        },
      }),
    ).toEqual(COUNTS);
    expect(readActivitySummaryJson({ ActivitySummaryMap: {} })).toBeNull();
    expect(readActivitySummaryJson('1234')).toBeNull();
  });

  it('reads the TXT file in English and in Dutch', () => {
    expect(
      readActivitySummaryTxt([
        '(Note: counts since registration',
        '',
        'Videos shared since account registration: 0',
        'Videos watched to the end since account registration: 1234',
        'Videos commented on since account registration: 7',
      ]),
    ).toEqual(COUNTS);
    expect(
      readActivitySummaryTxt([
        "Video's gedeeld sinds accountregistratie: 0",
        "Video's tot het einde bekeken sinds accountregistratie: 1234",
        "Video's waarop is gereageerd sinds accountregistratie: 7",
      ]),
    ).toEqual(COUNTS);
    expect(readActivitySummaryTxt(['Dit gedeelte bevat geen gegevens'])).toBeNull();
  });
});

describe('Settings', () => {
  it('reads the For You keyword filters from JSON, never the Following feed’s', () => {
    expect(
      readSettingsJson({
        'Keyword filters for videos in For You feed': ['cats', 'dogs'],
        'Keyword filters for videos in Following feed': ['golf'],
      }),
    ).toEqual(['cats', 'dogs']);
    expect(
      readSettingsJson({ 'Keyword filters for videos in For You feed': 'cats, dogs' }),
    ).toEqual(['cats', 'dogs']);
  });

  it('reads them from the TXT file in English and in Dutch', () => {
    expect(
      readSettingsTxt([
        'Private Account: Off',
        '',
        'Content Preferences:',
        'Keyword filters for videos in For You feed: [cats, dogs]',
        'Keyword filters for videos in Following feed: [golf]',
      ]),
    ).toEqual(['cats', 'dogs']);
    expect(
      readSettingsTxt([
        'Privéaccount: Uit',
        'Contentvoorkeuren:',
        "Trefwoordfilters voor video's in de 'Voor jou'-feed: [katten, honden]",
        "Trefwoordfilters voor video's in de 'Volgend'-feed: [golf]",
      ]),
    ).toEqual(['honden', 'katten']);
    expect(readSettingsTxt(['Keyword filters for videos in For You feed: []'])).toEqual([]);
  });
});

describe('the completion check', () => {
  const watch = (i: number, watchS: number | null): FeedEvent => ({
    id: `e${i}`,
    atMs: i * 10_000,
    kind: 'watch',
    itemId: String(1000 + i),
    target: null,
    watchS,
    watchRatio: null,
    level: null,
    evidence: 'inferred',
    session: 0,
  });
  const item = (id: string) => ({ ...bareItem(id, 0), durationS: 10 });
  const summary = (n: number) => ({ ...COUNTS, videosWatchedToTheEnd: n });

  it('cannot check below 20 known ratios', () => {
    const events = Array.from({ length: 30 }, (_, i) => watch(i, 12));
    const check = checkCompletion(summary(5), events, () => undefined);
    expect(check).toMatchObject({ verdict: 'unknown', known: 0, estimate: null });
  });

  it('disagrees only when the estimate is more than 10% above the count', () => {
    // 40 watches, 30 with a known ratio, 15 of them finished: about 20 of the 40.
    const events = Array.from({ length: 40 }, (_, i) => watch(i, i < 30 ? (i % 2 ? 12 : 5) : null));
    const items = (id: string) => (Number(id) - 1000 < 30 ? item(id) : undefined);
    const at = (n: number) => checkCompletion(summary(n), events, items)!;
    expect(at(20)).toMatchObject({ known: 30, finished: 15, estimate: 20, verdict: 'consistent' });
    expect(at(19).verdict).toBe('consistent'); // 20 ≤ 19 · 1.1
    expect(at(18).verdict).toBe('disagree'); // 20 > 18 · 1.1
    expect(at(100_000).verdict).toBe('consistent'); // a lifetime count far above is normal
    expect(checkCompletion(null, events, items)).toBeNull();
  });
});
