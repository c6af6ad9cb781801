// "Why this video" in one sentence: on the demo's real feed and named events, and on small
// entries that pin each branch (follow, exploration, nothing known, no names).
import { describe, expect, it } from 'vitest';
import type { NamedEvent } from '../../src-main/contract/profile';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { bareItem } from '../../src-main/domain/types';
import { FEATURES, type Feature } from '../../src-main/engine/features';
import {
  dimLabel,
  eventPhrase,
  sentenceText,
  whySentence,
  type WhyInput,
} from '../../src-renderer/explain/why-sentence';
import { formatTimeIn } from '../../src-renderer/format';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const when = (atMs: number) => formatTimeIn('UTC', atMs, 'minute');

function features(set: Partial<Record<Feature, number>> = {}): Record<Feature, number> {
  return {
    ...(Object.fromEntries(FEATURES.map((f) => [f, 0])) as Record<Feature, number>),
    ...set,
  };
}

function entry(over: Partial<WhyInput>): WhyInput {
  return {
    slot: 'exploit',
    item: { ...bareItem('7000000000000000001', null), creator: '@gains.nina', topics: ['fitness'] },
    because: [],
    features: features(),
    contributions: [],
    ...over,
  };
}

type Because = WhyInput['because'][number];
type PastEvent = Because['events'][number];

const LIKE: PastEvent = {
  eventId: 'e1',
  kind: 'like',
  at: '2026-03-07T20:35:00.000Z',
  amount: 0.3,
} as const;
const NAMED: NamedEvent = {
  eventId: 'e1',
  eventIndex: 41,
  kind: 'like',
  atMs: Date.parse(LIKE.at),
  itemId: '7000000000000000002',
  caption: 'things I wish I knew about pilates sooner',
  creator: '@gains.nina',
};

describe('whySentence on the demo', () => {
  it('names real past events by caption, creator and time, each linked to its signal-log place', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', k: 20 }));
    let linked = 0;
    let explored = 0;
    for (const e of feed.entries) {
      const ids = e.because.flatMap((b) => b.events.map((x) => x.eventId));
      const named = unwrap(
        await app.router.invoke('profile/events', { datasetId: 'demo', eventIds: ids }),
      );
      const byId = new Map(named.map((n) => [n.eventId, n]));
      const parts = whySentence(e, byId, when);
      const text = sentenceText(parts);
      expect(text).toMatch(/\.$/);
      if (e.slot === 'explore' && text.startsWith('Shown to explore: nothing')) explored++;
      for (const part of parts) {
        if (!part.link) continue;
        linked++;
        const event = byId.get(part.link.eventId)!;
        expect(ids).toContain(part.link.eventId);
        expect(part.link.eventIndex).toBe(event.eventIndex);
        expect(part.text).toContain(when(event.atMs));
        // A follow is named by whom you followed; every other event by its video.
        if (event.kind === 'follow') expect(part.text).toMatch(/^followed @/);
        else if (event.caption) expect(part.text).toContain(event.caption.slice(0, 20));
        if (event.creator && event.kind !== 'follow')
          expect(part.text).toContain(`by ${event.creator}`);
      }
    }
    expect(linked).toBeGreaterThan(10);
    expect(explored).toBeGreaterThan(0);
    app.close();
  });
});

describe('whySentence', () => {
  const fitness: Because = {
    feature: 'topic',
    dim: 'topic:fitness',
    value: 0.9,
    events: [LIKE],
    others: { count: 4, value: 0.6 },
  };

  it('names the event, counts the rest and says you follow the creator', () => {
    const parts = whySentence(
      entry({ because: [fitness], features: features({ followed: 1 }) }),
      new Map([['e1', NAMED]]),
      when,
    );
    expect(sentenceText(parts)).toBe(
      'Picked for fitness: you liked “things I wish I knew about pilates sooner” by @gains.nina (2026-03-07 20:35 UTC), and 4 more signals about fitness; you follow @gains.nina.',
    );
    expect(parts.filter((p) => p.link).map((p) => p.link)).toEqual([
      { eventId: 'e1', eventIndex: 41 },
    ]);
  });

  it('without names (the Feed Lab) names events by kind and time and links nothing', () => {
    const parts = whySentence(entry({ because: [fitness] }), null, when);
    expect(sentenceText(parts)).toBe(
      'Picked for fitness: you liked a video (2026-03-07 20:35 UTC), and 4 more signals about fitness.',
    );
    expect(parts.some((p) => p.link)).toBe(false);
  });

  it('says an exploration item is there to explore, and names what counts against it', () => {
    const skip: PastEvent = {
      eventId: 'e2',
      kind: 'skip',
      at: '2026-03-06T10:00:00.000Z',
      amount: -0.2,
    };
    const history: Because = {
      feature: 'topic',
      dim: 'topic:history',
      value: -0.4,
      events: [skip],
      others: { count: 0, value: 0 },
    };
    // A shared sound this small is noise, not a reason.
    const sound: Because = {
      feature: 'sound',
      dim: 'sound:1',
      value: 0.004,
      events: [LIKE],
      others: { count: 0, value: 0 },
    };
    const text = sentenceText(
      whySentence(
        entry({
          slot: 'explore',
          because: [history, sound],
          contributions: [
            { feature: 'topic', value: -0.4 },
            { feature: 'sound', value: 0.004 },
          ],
        }),
        null,
        when,
      ),
    );
    expect(text).toBe(
      'Shown to explore: nothing in your profile points here; you skipped a video (2026-03-06 10:00 UTC), which counts against it.',
    );
  });

  it('with no past signal behind it, says what it was ranked for', () => {
    const text = sentenceText(
      whySentence(
        entry({
          contributions: [
            { feature: 'popularity', value: 0.3 },
            { feature: 'freshness', value: 0.1 },
            { feature: 'seen-similarity', value: -0.2 },
          ],
        }),
        null,
        when,
      ),
    );
    expect(text).toBe(
      'Ranked for its popularity and freshness: none of your past signals points to it directly.',
    );
  });

  it('words dimensions and events as a person would', () => {
    expect(dimLabel('hashtag:gymtok')).toBe('#gymtok');
    expect(dimLabel('creator:@chef.ana')).toBe('@chef.ana');
    expect(dimLabel('duration:long')).toBe('long videos');
    expect(eventPhrase('follow', null, 'creator:@chef.ana')).toBe('followed @chef.ana');
    expect(eventPhrase('share', { ...NAMED, caption: 'x'.repeat(80) }, 'topic:fitness')).toBe(
      `shared “${'x'.repeat(59)}…” by @gains.nina`,
    );
    expect(eventPhrase('watch', { ...NAMED, caption: '  ', creator: null }, 'topic:fitness')).toBe(
      'watched a video',
    );
  });
});
