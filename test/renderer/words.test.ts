// The sentences the UI writes about what is known, why a feed is empty and what agreement means.
import { describe, expect, it } from 'vitest';
import type { MetadataCoverage } from '../../src-main/contract/enrich';
import type { Agreement, Feed, FeedEntry } from '../../src-main/contract/feed';
import { removedByRule } from '../../src-main/explain';
import { agreementWords } from '../../src-renderer/explain/agreement-sentence';
import {
  coverageSentence,
  missingMetadataSentence,
} from '../../src-renderer/explain/coverage-sentence';
import { explainFeed } from '../../src-renderer/explain/feed-state';
import { countOf, formatDuration, formatPercent } from '../../src-renderer/format';

describe('numbers and plurals', () => {
  it('writes counts with separators and the right plural', () => {
    expect(countOf(1990, 'video')).toBe('1,990 videos');
    expect(countOf(1, 'video')).toBe('1 video');
    expect(countOf(0, 'video')).toBe('0 videos');
    expect(countOf(2, 'session was', 'sessions were')).toBe('2 sessions were');
  });

  it('writes percentages, keeping a small chance level visible', () => {
    expect(formatPercent(0.384)).toBe('38%');
    expect(formatPercent(0.004)).toBe('0.4%');
    expect(formatPercent(0)).toBe('0%');
  });

  it('writes rough durations', () => {
    expect(formatDuration(12)).toBe('under a minute');
    expect(formatDuration(60)).toBe('about 1 minute');
    expect(formatDuration(995)).toBe('about 17 minutes');
    expect(formatDuration(3600)).toBe('about 1 hour');
    expect(formatDuration(25_000)).toBe('about 6 hours 57 minutes');
  });
});

const coverage: MetadataCoverage = {
  datasetId: 'd',
  items: 1990,
  withCaption: 1873,
  withCreator: 1880,
  withTopic: 1650,
  topicInferred: 212,
  bySource: { oembed: 1873, zeeschuimer: 0, ytdlp: 0, csv: 0 },
  lookups: { found: 1873, deleted: 61, private: 40, 'bad-answer': 0, failed: 0 },
};

describe('what is known', () => {
  it('sums up coverage in one line, lookups only when there are any', () => {
    expect(coverageSentence(coverage)).toBe(
      '1,873 of 1,990 videos have a caption and 1,880 a creator; topics for 1,650 (212 inferred from hashtags); 61 deleted, 40 private',
    );
    const bare = {
      ...coverage,
      withCaption: 1,
      withCreator: 0,
      withTopic: 0,
      topicInferred: 0,
      lookups: { found: 0, deleted: 0, private: 0, 'bad-answer': 1, failed: 2 },
    };
    expect(coverageSentence(bare)).toBe(
      '1 of 1,990 videos has a caption and 0 a creator; topics for 0; 1 bad answer, 2 failed to fetch',
    );
    expect(coverageSentence({ ...coverage, items: 0 })).toBe('This dataset lists no videos.');
  });

  it('says how many videos lack metadata, naming the export only for an export', () => {
    expect(missingMetadataSentence(1990, 0, 'tiktok-export')).toBe(
      'Your export lists 1,990 videos without captions or creators.',
    );
    expect(missingMetadataSentence(1, 0, 'zeeschuimer')).toBe(
      'This dataset lists 1 video without a caption or creator.',
    );
    expect(missingMetadataSentence(87, 87, 'tiktok-export')).toBe(
      'Your export lists 87 videos without captions or creators. All were asked about online already (deleted, private or no usable answer).',
    );
    expect(missingMetadataSentence(90, 1, 'tiktok-export')).toMatch(/ 1 was asked about online/);
  });
});

const pool = (dataset: number, unseen: number, withMetadata = dataset): Feed['pool'] => ({
  size: { dataset, added: 0, demo: 0 },
  unseen,
  withMetadata,
  unavailable: 0,
});
const seen = (n: number): Feed['removed'] =>
  Array.from({ length: n }, (_, i) => ({
    itemId: String(i),
    rule: 'seen',
    cause: { cause: 'seen', eventIndex: i, kind: 'watch', atMs: 0 },
    words: 'already seen: you watched it on 1970-01-01 00:00 UTC',
    caption: null,
    creator: null,
  }));
/** A feed's removals with their counts by rule, as feed/at words them (src-main/explain/). */
const feedOf = (entries: FeedEntry[], removed: Feed['removed'], p: Feed['pool']) => ({
  entries,
  removed,
  removedByRule: removedByRule(removed),
  pool: p,
});
const entries = (n: number) => Array.from({ length: n }, () => ({}) as FeedEntry);
const context = { k: 20, withDemo: false, atLatest: true, sessions: 3, imported: true };

describe('why a feed is empty or thin', () => {
  it('says every candidate was removed as already seen, and offers the ways out', () => {
    // Unseen videos remain, but none was a candidate (feed-state.test.ts: when none remain).
    const explanation = explainFeed(feedOf([], seen(15), pool(40, 3)), context);
    expect(explanation?.sentence).toMatch(
      /^These 15 candidates were all removed because you had already seen them\. At an earlier moment/,
    );
    expect(explanation?.actions).toEqual(['earlier-moment', 'include-demo', 'add-metadata']);
  });

  it('does not offer what is already done: the demo is in, the moment is earlier', () => {
    const explanation = explainFeed(feedOf([], seen(1), pool(2, 1)), {
      ...context,
      withDemo: true,
      atLatest: false,
    });
    expect(explanation?.sentence).toMatch(/^The only candidate was removed because you had/);
    expect(explanation?.actions).toEqual(['add-metadata']);
  });

  it('lists the rules when several removed candidates', () => {
    const removed = [
      ...seen(3),
      {
        itemId: 'x',
        rule: 'keyword-filter' as const,
        cause: { cause: 'keyword' as const, keyword: 'cats', setBy: null },
        words: 'matches your keyword filter “cats”',
        caption: null,
        creator: null,
      },
    ];
    const explanation = explainFeed(feedOf([], removed, pool(4, 1)), context);
    expect(explanation?.sentence).toMatch(
      /^All 4 candidates were removed by rules: 3 already seen, 1 matching one of your keyword filters\./,
    );
  });

  it('says a fatigue removal came from negative feedback, not from being shown too often', () => {
    const removed: Feed['removed'] = [
      {
        itemId: 'y',
        rule: 'fatigue',
        cause: { cause: 'negative-feedback', key: 'creator:@x', atMs: 0, filterDays: 14 },
        words: '',
        caption: null,
        creator: null,
      },
    ];
    const sentence = explainFeed(feedOf([], removed, pool(1, 1)), context)?.sentence ?? '';
    expect(sentence).toMatch(
      /1 after your negative feedback on their creator or sound \(filtered for 14 days\)/,
    );
    expect(sentence).not.toMatch(/too often/);
  });

  it('explains a thin feed from the pool', () => {
    const explanation = explainFeed(
      feedOf(entries(5), seen(35), {
        ...pool(40, 5),
        size: { dataset: 30, added: 10, demo: 0 },
        unavailable: 2,
      }),
      context,
    );
    expect(explanation?.sentence).toBe(
      'Only 5 of 20 places could be filled: of the 40 videos Feedlens knows (30 from this dataset, 10 from your metadata files), you had already seen 35. 2 deleted or private videos are left out.',
    );
  });

  it('says when no video is known at all', () => {
    expect(explainFeed(feedOf([], [], pool(0, 0)), context)?.sentence).toMatch(
      /^Feedlens knows no video to recommend/,
    );
  });

  it('is silent on a full feed (videos known by id alone are grouped: feed-state.test.ts)', () => {
    const full = feedOf(entries(20), [], pool(400, 380, 0));
    expect(explainFeed(full, context)).toBeNull();
    expect(explainFeed({ ...full, pool: pool(400, 380) }, context)).toBeNull();
  });
});

const agreement = (over: Partial<Agreement>): Agreement => ({
  datasetId: 'd',
  k: 20,
  sessions: [
    { session: 0, atMs: 0, watched: 10, hits: 4, hitRate: 0.4, ndcg: 0.3, chance: 0.02 },
    { session: 1, atMs: 1, watched: 40, hits: 7, hitRate: 0.35, ndcg: 0.25, chance: 0.02 },
  ],
  compared: 30,
  hitRate: 11 / 30,
  interval: { low: 0.2185, high: 0.5461 },
  ndcg: 0.275,
  chance: 0.02,
  skippedSessions: 0,
  ...over,
});
const sessions = (n: number) =>
  Array.from({ length: n }, (_, i) => ({
    session: i,
    atMs: i,
    watched: 3,
    hits: 1,
    hitRate: 1 / 3,
    ndcg: 0.5,
    chance: 0.02,
  }));

describe('what agreement means', () => {
  it('states the figure against chance, and what it does not mean', () => {
    const words = agreementWords(agreement({}));
    expect(words.headline).toBe(
      'In 2 sessions, 37% (95% interval 22%–55%, over 30 videos) of the videos you really watched next (up to 20 a session) were among the first 20 Feedlens would have shown at the session’s start (chance would be 2%; NDCG 0.28). That is about 18.3 times chance.',
    );
    expect(words.caveat).toContain('Feedlens’s model, not TikTok’s');
    expect(words.caveat).toContain('a video it never heard of can’t be a hit');
  });

  it('greys the figure with a reason when chance is at or above 50 % or fewer than 5 sessions were scored', () => {
    const five = agreement({ sessions: sessions(5) });
    expect(agreementWords(five).caution).toBeNull();
    expect(agreementWords(agreement({ sessions: sessions(4) })).caution).toBe(
      'Only 4 sessions were scored; with fewer than 5 the figure is too thin to judge.',
    );
    expect(agreementWords(agreement({ sessions: sessions(1) })).caution).toMatch(
      /^Only 1 session was scored;/,
    );
    expect(agreementWords({ ...five, chance: 0.49 }).caution).toBeNull();
    expect(agreementWords({ ...five, hitRate: 1, chance: 0.5 }).caution).toBe(
      'Random picks would score 50% here, because few videos were left that a feed could serve, so this figure says little about the model.',
    );
    const both = agreementWords(agreement({ hitRate: 1, chance: 1 })).caution!;
    expect(both).toMatch(/^Random picks would score 100% here.*Only 2 sessions were scored;/);
    // With nothing scored there is no figure to grey: the headline says why.
    expect(agreementWords(agreement({ sessions: [], skippedSessions: 2 })).caution).toBeNull();
  });

  it('says plainly when agreement is no better than chance', () => {
    expect(agreementWords(agreement({ hitRate: 0.1, chance: 0.12 })).headline).toContain(
      'That is no better than chance.',
    );
  });

  it('counts left-out sessions, and says so when none can be compared', () => {
    expect(agreementWords(agreement({ skippedSessions: 1 })).headline).toMatch(
      /1 session was left out: none of the videos watched in it could have been served at its start \(already seen, or unknown to Feedlens\)\.$/,
    );
    expect(agreementWords(agreement({ sessions: [], skippedSessions: 3 })).headline).toBe(
      'None of your 3 sessions can be compared yet: none of the videos you watched in them could have been served at their start (already seen, or unknown to Feedlens).',
    );
  });
});
