import { describe, expect, it } from 'vitest';
import { inferTopicsFromCooccurrence } from '../../src-main/domain/cooccurrence';
import { topicsForText } from '../../src-main/domain/taxonomy';
import { bareItem, type Item } from '../../src-main/domain/types';

let next = 7_400_000_000_000_000_000n;
/** An item as an importer builds it: topics from its own caption and hashtags. */
function item(caption: string, hashtags: string[]): Item {
  next += 1n;
  return {
    ...bareItem(String(next), null),
    caption,
    hashtags,
    topics: topicsForText(caption, hashtags),
  };
}

const news = (extra: string[]) => item('Son dakika', ['gündem', ...extra]);

describe('inferTopicsFromCooccurrence', () => {
  it('gives an unknown hashtag the topic it co-occurs with at least 3 times', () => {
    const target = item('Bugün neler oldu?', ['türkiye']);
    const out = inferTopicsFromCooccurrence([
      news(['türkiye']),
      news(['Türkiye']),
      news(['#turkiye']),
      target,
    ]);
    expect(out[3]).toMatchObject({
      id: target.id,
      topics: ['news-politics'],
      topicsInferred: true,
    });
  });

  it('needs 3 co-occurrences: 2 are not enough', () => {
    const target = item('Bugün neler oldu?', ['türkiye']);
    const out = inferTopicsFromCooccurrence([news(['türkiye']), news(['türkiye']), target]);
    expect(out[2]).toBe(target);
    expect(out[2]!.topics).toEqual([]);
  });

  it('needs at least half of the hashtag’s co-occurrences to share the topic', () => {
    const target = item('?', ['istanbul']);
    const cooking = () => item('Recipe', ['istanbul']);
    // 3 news, 3 cooking: both at exactly 50% and both earned.
    const even = [news(['istanbul']), news(['istanbul']), news(['istanbul'])];
    const out = inferTopicsFromCooccurrence([...even, cooking(), cooking(), cooking(), target]);
    expect(out.at(-1)!.topics).toEqual(['cooking', 'news-politics']);
    // 3 news among 7: below half, and 4 cooking earns cooking alone.
    const more = inferTopicsFromCooccurrence([...even, ...[1, 2, 3, 4].map(cooking), target]);
    expect(more.at(-1)!.topics).toEqual(['cooking']);
  });

  it('takes the union of the topics its hashtags earned, sorted by id', () => {
    const target = item('', ['galatasaray', 'türkiye']);
    const sport = () => item('derbi', ['galatasaray']);
    const out = inferTopicsFromCooccurrence([
      ...[1, 2, 3].map(() => news(['türkiye'])),
      ...[1, 2, 3].map(sport),
      target,
    ]);
    expect(out.at(-1)!.topics).toEqual(['news-politics', 'sports']);
  });

  it('returns items with topics of their own unchanged, as the same object', () => {
    const input = [news(['türkiye']), news(['türkiye']), news(['türkiye'])];
    const out = inferTopicsFromCooccurrence(input);
    out.forEach((it, i) => expect(it).toBe(input[i]));
  });

  it('never infers from or for generic tags such as #fyp and #keşfet', () => {
    const target = item('😂', ['fyp', 'keşfet', 'viral']);
    const out = inferTopicsFromCooccurrence([
      ...[1, 2, 3, 4].map(() => news(['fyp', 'Keşfet', 'viral'])),
      target,
    ]);
    expect(out.at(-1)).toBe(target);
  });

  it('does not count inferred topics as evidence, so a second pass changes nothing', () => {
    const input = [
      ...[1, 2, 3].map(() => news(['türkiye'])),
      item('', ['türkiye', 'ankara']),
      item('', ['ankara']),
      item('', ['ankara']),
      item('', ['ankara']),
    ];
    const once = inferTopicsFromCooccurrence(input);
    // #ankara only ever appears beside inferred topics: it earns nothing.
    expect(once.slice(4).map((it) => it.topics)).toEqual([[], [], []]);
    expect(inferTopicsFromCooccurrence(once)).toEqual(once);
  });

  it('drops a stale inference that the catalogue no longer supports', () => {
    const stale = { ...item('', ['türkiye']), topics: ['travel'], topicsInferred: true };
    expect(inferTopicsFromCooccurrence([stale])[0]).toMatchObject({
      topics: [],
      topicsInferred: false,
    });
  });

  it('is deterministic: the same topics for each item whatever the input order', () => {
    const input = [
      ...[1, 2, 3].map(() => news(['türkiye', 'istanbul'])),
      ...[1, 2, 3].map(() => item('Recipe', ['istanbul'])),
      item('', ['türkiye']),
      item('', ['istanbul']),
    ];
    const topicsById = (items: Item[]) =>
      Object.fromEntries(items.map((it) => [it.id, [it.topics, it.topicsInferred]]));
    const forward = topicsById(inferTopicsFromCooccurrence(input));
    const backward = topicsById(inferTopicsFromCooccurrence([...input].reverse()));
    expect(backward).toEqual(forward);
    expect(inferTopicsFromCooccurrence(input).map((it) => it.id)).toEqual(input.map((it) => it.id));
  });

  it('leaves items without hashtags or without any catalogue support alone', () => {
    const lonely = item('no idea', []);
    const unknown = item('', ['somethingnew']);
    const out = inferTopicsFromCooccurrence([lonely, unknown]);
    expect(out[0]).toBe(lonely);
    expect(out[1]).toBe(unknown);
  });
});
