// What each section of a TikTok export does to the profile (docs/ALGORITHM.md §1), and why an
// event that moved nothing moved nothing (the delta's `noChange`).
import { describe, expect, it } from 'vitest';
import { bareItem, type EventKind, type FeedEvent, type Item } from '../../src-main/domain/types';
import {
  applySignal,
  deltaAt,
  emptyState,
  foldSignals,
  prepareCatalogue,
  replay,
  resolveConfig,
  type ConfigInput,
  type ProfileDelta,
} from '../../src-main/engine';
import { T0 } from './fixtures';

const config = resolveConfig({});
const known: Item = {
  ...bareItem('7350000000000000001', null),
  creator: '@chef',
  sound: 's1',
  caption: 'pasta night',
  hashtags: ['pasta'],
  topics: ['cooking'],
  durationS: 40,
};
const bare = bareItem('7350000000000000002', null);

function ev(kind: EventKind, extra: Partial<FeedEvent> = {}): FeedEvent {
  return {
    id: 'e1',
    atMs: T0,
    kind,
    itemId: null,
    target: null,
    watchS: null,
    watchRatio: null,
    level: null,
    evidence: 'observed',
    session: 0,
    ...extra,
  };
}

const delta = (event: FeedEvent, item?: Item, input: ConfigInput = {}): ProfileDelta =>
  applySignal(emptyState(), event, item, resolveConfig(input)).delta;

/** The changes as `dim → after` (from an empty profile, after is the amount). */
const moved = (d: ProfileDelta): Record<string, number> =>
  Object.fromEntries(d.changes.map((c) => [c.dim, c.after]));

describe('signals from every export section', () => {
  it('a favourite hashtag by name moves the hashtag and the topic it names', () => {
    const d = delta(ev('favorite', { target: { type: 'hashtag', value: '#BookTok' } }));
    expect(moved(d)).toEqual({ 'hashtag:booktok': 3, 'topic:books': 3 });
    expect(d.changes.every((c) => c.reason === 'favorite')).toBe(true);
    expect(d.noChange).toBeNull();
  });

  it('a favourite hashtag known only by its numeric id moves that hashtag alone', () => {
    const d = delta(ev('favorite', { target: { type: 'hashtag', value: '1234567' } }));
    expect(moved(d)).toEqual({ 'hashtag:1234567': 3 });
  });

  it('a favourite sound and a favourite effect move their own dimensions', () => {
    const sound = delta(
      ev('favorite', { target: { type: 'sound', value: '6800000000000000001' } }),
    );
    expect(moved(sound)).toEqual({ 'sound:6800000000000000001': 3 });
    const effect = delta(ev('favorite', { target: { type: 'effect', value: '112233' } }));
    expect(moved(effect)).toEqual({ 'effect:112233': 3 });
  });

  it('a shared profile, sound or hashtag moves what it names', () => {
    const d = delta(ev('share', { target: { type: 'creator', value: '@chef' } }));
    expect(d.changes).toEqual([{ dim: 'creator:@chef', before: 0, after: 4, reason: 'share' }]);
    const sound = delta(ev('share', { target: { type: 'sound', value: '6800000000000000009' } }));
    expect(moved(sound)).toEqual({ 'sound:6800000000000000009': 4 });
    const tag = delta(ev('share', { target: { type: 'hashtag', value: 'gymtok' } }));
    expect(moved(tag)).toEqual({ 'hashtag:gymtok': 4, 'topic:fitness': 4 });
  });

  it('a comment without its video moves the topics of its words, at the documented amount', () => {
    const d = delta(ev('comment', { target: { type: 'text', value: 'my cat is so cute' } }));
    expect(d.changes).toEqual([{ dim: 'topic:pets', before: 0, after: 1.5, reason: 'comment' }]);
    const none = delta(ev('comment', { target: { type: 'text', value: 'wow!!' } }));
    expect(none.changes).toEqual([]);
    expect(none.noChange).toBe('nothing-matched');
  });

  it('a search moves its topics and its normalised term', () => {
    const d = delta(ev('search', { target: { type: 'query', value: '  Gym \t Workout ' } }));
    expect(moved(d)).toEqual({ 'topic:fitness': 2, 'search:gym workout': 2 });
    // Words that name no topic still make a term: the search is not lost.
    // Folded as the taxonomy folds words: one search however it was typed.
    const folded = delta(ev('search', { target: { type: 'query', value: 'Gündem  HABER' } }));
    expect(folded.changes.map((c) => c.dim)).toContain('search:gundem haber');
    const odd = delta(ev('search', { target: { type: 'query', value: 'xqzt' } }));
    expect(moved(odd)).toEqual({ 'search:xqzt': 2 });
    expect(odd.noChange).toBeNull();
  });

  it('a block list entry ("not interested" in a creator) moves and suppresses the creator', () => {
    const { state, delta: d } = applySignal(
      emptyState(),
      ev('not-interested', { target: { type: 'creator', value: '@troll' } }),
      undefined,
      config,
    );
    expect(moved(d)).toEqual({ 'creator:@troll': -5 });
    expect([...state.controls.suppressed.keys()]).toEqual(['creator:@troll']);
  });
});

describe('why an event changed nothing', () => {
  const watch = ev('watch', { itemId: bare.id, evidence: 'inferred' });

  it('a video without metadata: unknown-video (in the catalogue or not)', () => {
    expect(delta(watch, bare).noChange).toBe('unknown-video');
    expect(delta(ev('like', { itemId: '99' })).noChange).toBe('unknown-video');
    // The same watch of a video with metadata moves its dimensions.
    const d = delta({ ...watch, itemId: known.id }, known);
    expect(d.changes.length).toBeGreaterThan(0);
    expect(d.noChange).toBeNull();
  });

  it('what a page loaded counts for nothing by default, and weakly with loadedFactor', () => {
    const loaded = ev('impression', { itemId: known.id, evidence: 'loaded' });
    const off = delta(loaded, known);
    expect(off.changes).toEqual([]);
    expect(off.noChange).toBe('loaded-not-seen');
    const on = delta(loaded, known, { evidenceFactor: { loaded: 0.4 } });
    // 0.25 (loadedImpression) · 0.4 · share 1 · split 1 on the one topic.
    expect(on.changes.find((c) => c.dim === 'topic:cooking')).toEqual({
      dim: 'topic:cooking',
      before: 0,
      after: 0.25 * 0.4,
      reason: 'loaded-impression',
    });
    expect(on.noChange).toBeNull();
  });

  it('evidence switched off, controls, impressions and names that match nothing', () => {
    expect(
      delta({ ...watch, itemId: known.id }, known, { evidenceFactor: { inferred: 0 } }).noChange,
    ).toBe('not-counted');
    expect(delta(ev('keyword-filter', { target: { type: 'keyword', value: 'x' } })).noChange).toBe(
      'control',
    );
    expect(
      delta(ev('topic-control', { target: { type: 'topic', value: 'pets' }, level: 0 })).noChange,
    ).toBe('control');
    expect(delta(ev('impression', { itemId: known.id }), known).noChange).toBe('impression');
    expect(delta(ev('follow')).noChange).toBe('nothing-matched');
  });

  it('the replay records the same deltas and reasons as the pure transition', () => {
    const items = [known, bare];
    const events: FeedEvent[] = [
      ev('watch', { itemId: bare.id, evidence: 'inferred' }),
      ev('favorite', { target: { type: 'hashtag', value: 'gymtok' } }),
      ev('favorite', { target: { type: 'effect', value: '42' } }),
      ev('search', { target: { type: 'query', value: 'Pasta' } }),
      ev('comment', { target: { type: 'text', value: 'nice' } }),
      ev('impression', { itemId: known.id, evidence: 'loaded' }),
      ev('like', { itemId: known.id }),
      ev('keyword-filter', { target: { type: 'keyword', value: 'x' } }),
    ].map((e, i) => ({ ...e, id: `e${i}`, atMs: T0 + i * 60_000 }));
    for (const input of [{}, { evidenceFactor: { loaded: 0.5 } }]) {
      const cfg = resolveConfig(input);
      const slow = foldSignals(events, items, cfg).deltas;
      const fast = replay({
        events,
        catalogue: prepareCatalogue(items),
        config: cfg,
        seed: 0,
        points: { kind: 'none' },
      });
      const got = events.map((_, i) => deltaAt(fast.viewer.log, fast.viewer.store, events, i, cfg));
      expect(got).toEqual(slow);
      expect(got.map((d) => d.noChange)).toEqual([
        'unknown-video',
        null,
        null,
        null,
        'nothing-matched',
        input.evidenceFactor ? null : 'loaded-not-seen',
        null,
        'control',
      ]);
    }
  });
});
