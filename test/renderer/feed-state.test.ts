// The Feed's words for a real export: every known video already seen (and the two ways on), and
// the videos known by id alone, grouped under one sentence.
import { describe, expect, it } from 'vitest';
import type { Feed, FeedEntry } from '../../src-main/contract/feed';
import { bareItem, type Item } from '../../src-main/domain/types';
import { explainFeed, idOnlyGroup } from '../../src-renderer/explain/feed-state';

const context = { k: 20, withDemo: false, atLatest: true, sessions: 162, imported: true };
const allSeen = (known: number): Pick<Feed, 'entries' | 'removed' | 'removedByRule' | 'pool'> => ({
  entries: [],
  removed: [],
  removedByRule: [],
  pool: { size: { dataset: known, added: 0, demo: 0 }, unseen: 0, withMetadata: 0, unavailable: 0 },
});

describe('every known video already seen', () => {
  it('says so in one sentence and offers a session’s moment and the demo’s catalogue', () => {
    expect(explainFeed(allSeen(1966), context)).toEqual({
      sentence:
        'All 1,966 videos Feedlens knows were already seen at this moment, so there is nothing new to recommend.',
      actions: ['before-session', 'demo-candidates'],
    });
    expect(explainFeed(allSeen(1), context)?.sentence).toBe(
      'The only video Feedlens knows was already seen at this moment, so there is nothing new to recommend.',
    );
  });

  it('offers neither way where it cannot work: no session, or the demo’s own videos', () => {
    expect(explainFeed(allSeen(5), { ...context, sessions: 0, imported: false })?.actions).toEqual(
      [],
    );
  });
});

/** A feed entry at `rank` whose score moved by the given waterfall steps. */
function entry(rank: number, item: Item, steps: [string, number][] = []): FeedEntry {
  return {
    item,
    rank,
    explanation: {
      waterfall: {
        steps: steps.map(([label, value]) => ({ label, features: [label], value })),
      },
    },
  } as unknown as FeedEntry;
}
const idOnly = (id: string) => bareItem(id, null);
const captioned = (id: string): Item => ({ ...bareItem(id, null), caption: 'pasta #cooking' });

describe('videos known only by their id', () => {
  it('are one group with one sentence: where they are, why, and how to add metadata', () => {
    const entries = [
      entry(1, captioned('1')),
      entry(2, idOnly('7458753388739616458'), [['freshness', 0.2]]),
      entry(3, { ...idOnly('3'), creator: '@someone' }),
      entry(4, idOnly('4'), [
        ['exploration', 0.07],
        ['freshness', 0.1],
      ]),
    ];
    const { known, group } = idOnlyGroup(entries);
    expect(known.map((e) => e.rank)).toEqual([1, 3]);
    expect(group?.entries.map((e) => e.rank)).toEqual([2, 4]);
    expect(group?.sentence).toBe(
      '2 videos Feedlens knows only by their id, at places 2 and 4 of this feed. This dataset ' +
        'names them but says nothing of what is in them (no caption, hashtag, creator or sound), ' +
        'so nothing ties them to your interests: their places come only from what needs no ' +
        'metadata, freshness and exploration. Add captions and creators on the Metadata screen ' +
        '(from a capture, a file or an online lookup you agree to) to rank them by your interests.',
    );
  });

  it('is the whole feed when nothing is known, and absent when everything is', () => {
    const all = Array.from({ length: 20 }, (_, i) => entry(i + 1, idOnly(String(i))));
    const { known, group } = idOnlyGroup(all);
    expect(known).toEqual([]);
    expect(group?.sentence).toMatch(
      /^20 videos Feedlens knows only by their id, at all 20 places of this feed\. .*: their scores are the baseline alone\./,
    );
    expect(idOnlyGroup([entry(1, captioned('1'))]).group).toBeNull();
  });

  it('speaks of one video in the singular', () => {
    const { group } = idOnlyGroup([entry(1, captioned('1')), entry(2, idOnly('2'))]);
    expect(group?.sentence).toMatch(/^1 video Feedlens knows only by its id, at place 2 of/);
  });
});
