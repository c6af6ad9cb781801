// Topics for hashtags the taxonomy does not know, learnt from the catalogue itself: if #türkiye
// keeps appearing beside #gündem and #haber, a video tagged only #türkiye is probably news too.
// The result is labelled inferred (Item.topicsInferred) so every screen can say so; an item
// whose own words map to a topic is never touched. docs/TAXONOMY.md explains the thresholds.
import { foldText, topicForHashtag } from './taxonomy';
import { NO_WORDS, type Item } from './types';

/**
 * OURS: a hashtag earns a topic only after at least this many videos carry both the hashtag and
 * that topic (from their own words): one or two videos are a coincidence, not a pattern.
 */
const MIN_COOCCURRENCES = 3;

/**
 * OURS: and only if at least this share of the videos that carry the hashtag and have topics of
 * their own have that topic, so a hashtag spread over many topics earns none.
 */
const MIN_SHARE = 0.5;

/**
 * OURS: tags that ask for reach, not say what a video is about (TikTok's "for you" and
 * "explore" in several languages, "viral", "trending", tool names). They co-occur with whatever
 * a catalogue holds most of, so they would otherwise inherit its biggest topic.
 */
const GENERIC_TAGS = new Set(
  [
    'fyp',
    'fypシ',
    'fy',
    'fypage',
    'foryou',
    'foryoupage',
    'foryourpage',
    'viral',
    'viralvideo',
    'tiktokviral',
    'trending',
    'trend',
    'tiktok',
    'explore',
    'explorepage',
    'xyzbca',
    'capcut',
    'duet',
    'stitch',
    'parati',
    'pourtoi',
    'fürdich',
    'perte',
    'keşfet',
    'keşfetteyiz',
    'keşfetbeniöneçıkar',
    'اكسبلور',
    'рекомендации',
    'おすすめ',
    'バズれ',
    '추천',
    '일상',
    'xuhuong',
  ].map((tag) => foldText(tag)),
);

const byId = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Topics an item's own caption and hashtags gave it (inferred ones are not evidence). */
function ownTopics(item: Item): readonly string[] {
  return item.topicsInferred ? [] : item.topics;
}

/**
 * The item's hashtags, folded and once each, that no keyword maps and that are not generic.
 * `seen` remembers each raw tag's answer: a catalogue repeats its tags many times over.
 */
function unknownTags(item: Item, seen: Map<string, string | null>): readonly string[] {
  // Most imported videos have no hashtags: no Set and no list of their own for a million of them.
  if (item.hashtags.length === 0) return NO_WORDS;
  const tags = new Set<string>();
  for (const raw of item.hashtags) {
    let tag = seen.get(raw);
    if (tag === undefined) {
      const folded = foldText(raw.startsWith('#') ? raw.slice(1) : raw);
      const unknown =
        folded !== '' && !GENERIC_TAGS.has(folded) && topicForHashtag(folded) === null;
      tag = unknown ? folded : null;
      seen.set(raw, tag);
    }
    if (tag !== null) tags.add(tag);
  }
  return [...tags];
}

/**
 * Gives items without topics of their own the topics their hashtags co-occur with. For each
 * unknown hashtag h: n(h) = videos carrying h that have own topics, n(h, t) = those among them
 * with topic t; h earns t when n(h, t) ≥ MIN_COOCCURRENCES and n(h, t) / n(h) ≥ MIN_SHARE. An
 * item with no own topic takes the union of the topics its hashtags earned, sorted by id, with
 * `topicsInferred: true`. Items with own topics are returned as they are (the same object);
 * inferred topics never count as evidence, so applying this twice gives the same result.
 */
export function inferTopicsFromCooccurrence(items: readonly Item[]): Item[] {
  const seen = new Map<string, string | null>();
  const tagsOf = items.map((item) => unknownTags(item, seen));
  const carriers = new Map<string, number>();
  const counts = new Map<string, Map<string, number>>();
  items.forEach((item, i) => {
    const own = ownTopics(item);
    if (own.length === 0) return;
    for (const tag of tagsOf[i]!) {
      carriers.set(tag, (carriers.get(tag) ?? 0) + 1);
      let perTopic = counts.get(tag);
      if (perTopic === undefined) counts.set(tag, (perTopic = new Map()));
      for (const topic of own) perTopic.set(topic, (perTopic.get(topic) ?? 0) + 1);
    }
  });

  const earned = new Map<string, string[]>();
  for (const [tag, perTopic] of counts) {
    const total = carriers.get(tag)!;
    const topics = [...perTopic]
      .filter(([, n]) => n >= MIN_COOCCURRENCES && n / total >= MIN_SHARE)
      .map(([topic]) => topic);
    if (topics.length > 0) earned.set(tag, topics);
  }

  return items.map((item, i) => {
    if (ownTopics(item).length > 0) return item;
    const inferred = new Set<string>();
    for (const tag of tagsOf[i]!) for (const topic of earned.get(tag) ?? []) inferred.add(topic);
    if (inferred.size > 0)
      return { ...item, topics: [...inferred].sort(byId), topicsInferred: true };
    // A stale inference (from an earlier catalogue) that no longer holds is dropped.
    return item.topicsInferred ? { ...item, topics: [], topicsInferred: false } : item;
  });
}
