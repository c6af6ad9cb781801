// Signals → profile: each event kind's effect, evidence quality, decay, and the delta's record.
import { describe, expect, it } from 'vitest';
import type { EventKind, FeedEvent, Item } from '../../src-main/domain/types';
import {
  applySignal,
  emptyState,
  resolveConfig,
  valueAt,
  watchAmount,
  type UserState,
} from '../../src-main/engine';
import { T0 } from './fixtures';

const config = resolveConfig({});
const item: Item = {
  id: '7350000000000000001',
  creator: '@chef',
  sound: 's1',
  soundTitle: null,
  caption: 'pasta night',
  hashtags: ['Cooking', 'pasta'],
  topics: ['cooking', 'food'],
  topicsInferred: false,
  durationS: 40,
  language: 'en',
  createdAtMs: null,
  stats: null,
  thumbnailUrl: null,
};

function ev(kind: EventKind, extra: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: 'e1',
    atMs: T0,
    kind,
    itemId: item.id,
    target: null,
    watchS: null,
    watchRatio: null,
    level: null,
    evidence: 'observed',
    session: 0,
    ...extra,
  };
}

const topicAfter = (
  kind: EventKind,
  extra: Partial<FeedEvent> = {},
  state: UserState = emptyState(),
) =>
  applySignal(state, ev(kind, extra), item, config).delta.changes.find(
    (c) => c.dim === 'topic:cooking',
  )?.after ?? 0;

describe('signals → profile', () => {
  it('watch: a skip moves the profile down, completion up, a rewatch is the strongest watch signal', () => {
    expect(topicAfter('watch', { watchRatio: 0.05 })).toBeLessThan(0);
    expect(topicAfter('skip')).toBeLessThan(0);
    expect(topicAfter('watch', { watchRatio: 1 })).toBeGreaterThan(0);
    expect(topicAfter('watch', { watchRatio: 1 })).toBeGreaterThan(
      topicAfter('watch', { watchRatio: 0.6 }),
    );
    const maxWatch = Math.max(
      ...[0, 0.5, 1, 1.5, 2, 5].map((r) => watchAmount(r, 600, config).amount),
    );
    expect(config.signal.rewatch).toBeGreaterThan(maxWatch);
    expect(topicAfter('rewatch')).toBeGreaterThan(topicAfter('watch', { watchRatio: 2 }));
  });

  it('finishing a longer video counts more than finishing a short one', () => {
    expect(watchAmount(1, 60, config).amount).toBeGreaterThan(watchAmount(1, 10, config).amount);
  });

  it('an inferred watch counts less than an observed one, by the configurable factor', () => {
    const observed = topicAfter('watch', { watchRatio: 1 });
    const inferred = topicAfter('watch', { watchRatio: 1, evidence: 'inferred' });
    expect(inferred).toBeCloseTo(observed * 0.5, 12);
    const custom = resolveConfig({ evidenceFactor: { inferred: 0.25 } });
    const d = applySignal(
      emptyState(),
      ev('watch', { watchRatio: 1, evidence: 'inferred' }),
      item,
      custom,
    ).delta;
    expect(d.factor).toBe(0.25);
    expect(d.changes.find((c) => c.dim === 'topic:cooking')!.after).toBeCloseTo(
      observed * 0.25,
      12,
    );
    // Loaded is not seen: no change at all.
    expect(
      applySignal(emptyState(), ev('like', { evidence: 'loaded' }), item, config).delta.changes,
    ).toEqual([]);
  });

  it('decays with the configured half-life', () => {
    const { state } = applySignal(emptyState(), ev('like'), item, config);
    const v = state.dims.get('topic:cooking')!;
    expect(valueAt(v, T0 + 7 * 86_400_000, config)).toBeCloseTo(v.w / 2, 12);
    const fast = resolveConfig({ halfLifeDays: 1 });
    expect(valueAt(v, T0 + 2 * 86_400_000, fast)).toBeCloseTo(v.w / 4, 12);
  });

  it('the delta lists every dimension changed with before, after and reason', () => {
    const first = applySignal(emptyState(), ev('like'), item, config);
    const second = applySignal(
      first.state,
      ev('watch', { id: 'e2', atMs: T0 + 3_600_000, watchRatio: 1 }),
      item,
      config,
    );
    expect(first.delta.changes.map((c) => c.dim)).toEqual([
      'topic:cooking',
      'topic:food',
      'hashtag:cooking',
      'hashtag:pasta',
      'creator:@chef',
      'sound:s1',
      'language:en',
      'duration:medium',
    ]);
    for (const c of second.delta.changes) {
      expect(c.reason).toBe('watch-finished');
      const prev = first.state.dims.get(c.dim)!;
      expect(c.before).toBeCloseTo(valueAt(prev, T0 + 3_600_000, config), 12);
      expect(c.after).toBeGreaterThan(c.before);
    }
    // Topic share split evenly over the item's two topics: like 3 · 1 · 1/2.
    expect(first.delta.changes[0]!.after).toBe(1.5);
  });

  it('follows move the creator and add a follow; searches move topics and their own term', () => {
    const follow = applySignal(
      emptyState(),
      ev('follow', { itemId: null, target: { type: 'creator', value: '@chef' } }),
      undefined,
      config,
    );
    expect(follow.delta.changes).toEqual([
      { dim: 'creator:@chef', before: 0, after: config.signal.follow, reason: 'follow' },
    ]);
    expect(follow.state.controls.followed.get('@chef')).toBe(T0);
    const search = applySignal(
      emptyState(),
      ev('search', { itemId: null, target: { type: 'query', value: 'easy pasta recipe' } }),
      undefined,
      config,
    );
    const topics = search.delta.changes.filter((c) => c.dim.startsWith('topic:'));
    expect(topics.length).toBeGreaterThan(0);
    expect(search.delta.changes.filter((c) => !c.dim.startsWith('topic:'))).toEqual([
      { dim: 'search:easy pasta recipe', before: 0, after: 2, reason: 'search' },
    ]);
    for (const c of search.delta.changes) {
      expect(c.after).toBeGreaterThan(0);
      expect(c.reason).toBe('search');
    }
  });

  it('"not interested" suppresses the creator and the sound of that video', () => {
    const { state, delta } = applySignal(emptyState(), ev('not-interested'), item, config);
    expect([...state.controls.suppressed.keys()].sort()).toEqual(['creator:@chef', 'sound:s1']);
    expect(delta.changes.find((c) => c.dim === 'creator:@chef')!.after).toBeLessThan(0);
    expect(delta.changes.find((c) => c.dim === 'sound:s1')!.after).toBeLessThan(0);
  });

  it('keyword filters and topic sliders are controls, not signals', () => {
    const kw = applySignal(
      emptyState(),
      ev('keyword-filter', { itemId: null, target: { type: 'keyword', value: 'Pasta' } }),
      undefined,
      config,
    );
    expect(kw.delta.changes).toEqual([]);
    expect(kw.state.controls.keywords).toEqual(['pasta']);
    const slider = applySignal(
      emptyState(),
      ev('topic-control', { itemId: null, target: { type: 'topic', value: 'cooking' }, level: 0 }),
      undefined,
      config,
    );
    expect(slider.delta.changes).toEqual([]);
    expect(slider.delta.controls).toEqual([
      { control: 'topic-level', key: 'cooking', before: null, after: 0 },
    ]);
  });

  it('applySignal is pure: the input state is not modified', () => {
    const first = applySignal(emptyState(), ev('like'), item, config);
    const snapshot = JSON.stringify([...first.state.dims]);
    applySignal(first.state, ev('not-interested', { atMs: T0 + 1 }), item, config);
    expect(JSON.stringify([...first.state.dims])).toBe(snapshot);
    expect(first.state.controls.suppressed.size).toBe(0);
  });

  it('unlike exactly reverses a like made at the same moment', () => {
    const liked = applySignal(emptyState(), ev('like'), item, config);
    const unliked = applySignal(liked.state, ev('unlike', { id: 'e2' }), item, config);
    for (const c of unliked.delta.changes) expect(c.after).toBeCloseTo(0, 12);
  });
});
