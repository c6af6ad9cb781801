// The topic taxonomy: interpretable content categories modelled on TikTok's, each with the
// keywords and hashtags that map a caption, a hashtag or a search query to it. What cannot be
// mapped stays unknown: these functions never invent a topic. The table lives in
// taxonomy-data.ts; docs/TAXONOMY.md explains the choices.
import { TOPIC_TABLE, type Topic } from './taxonomy-data';

export type { Topic };

export const TOPICS: readonly Topic[] = TOPIC_TABLE;

// Built once at module load: the mapping runs on every caption of a large import, so each word
// costs one Map lookup. A keyword also counts as a hashtag ('#pasta' means cooking), which keeps
// the hashtag lists to the tag-only names ('foodtok').
const KEYWORD_TOPIC = new Map<string, string>();
const HASHTAG_TOPIC = new Map<string, string>();
for (const topic of TOPIC_TABLE) {
  for (const word of topic.keywords) {
    KEYWORD_TOPIC.set(word, topic.id);
    HASHTAG_TOPIC.set(word, topic.id);
  }
  for (const tag of topic.hashtags) HASHTAG_TOPIC.set(tag, topic.id);
}

// Words are runs of letters (with their combining marks) and digits in any script, so "chef's"
// gives "chef" and "cookie" never matches "cook".
const NON_WORD = /[^\p{L}\p{M}\p{N}]+/u;
// Hashtags written inside a caption ("... #gymtok"), as TikTok's `desc` carries them.
const INLINE_HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu;

function addWords(text: string, map: ReadonlyMap<string, string>, found: string[]): void {
  for (const word of text.split(NON_WORD)) {
    const id = map.get(word);
    if (id !== undefined && !found.includes(id)) found.push(id);
  }
}

function addHashtag(tag: string, found: string[]): void {
  const id = HASHTAG_TOPIC.get(tag.startsWith('#') ? tag.slice(1) : tag);
  if (id !== undefined && !found.includes(id)) found.push(id);
}

function sorted(found: string[]): string[] {
  return found.length > 1 ? found.sort() : found;
}

/** Topic ids for a caption and hashtags, sorted by id; [] when nothing matches. */
export function topicsForText(caption: string | null, hashtags: readonly string[]): string[] {
  const found: string[] = [];
  if (caption) {
    const text = caption.toLowerCase();
    addWords(text, KEYWORD_TOPIC, found);
    if (text.includes('#')) for (const m of text.matchAll(INLINE_HASHTAG)) addHashtag(m[1]!, found);
  }
  for (const tag of hashtags) addHashtag(tag.toLowerCase(), found);
  return sorted(found);
}

/**
 * Topic ids a search query points to, sorted by id; [] when nothing matches. Each word of the
 * query may be a keyword or a hashtag name, since people search for 'booktok' as often as 'books'.
 */
export function topicsForQuery(query: string): string[] {
  const found: string[] = [];
  addWords(query.toLowerCase(), HASHTAG_TOPIC, found);
  return sorted(found);
}
