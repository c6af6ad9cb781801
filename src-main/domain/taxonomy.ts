// The topic taxonomy: interpretable content categories modelled on TikTok's, each with the
// keywords and hashtags that map a caption, a hashtag or a search query to it, in English
// (taxonomy-data.ts) and a dozen other languages (taxonomy-words/). What cannot be mapped stays
// unknown: these functions never invent a topic. docs/TAXONOMY.md explains the choices.
import { TOPIC_TABLE, type Topic, type TopicId } from './taxonomy-data';
import { foldText, NON_ASCII } from './taxonomy-fold';
import { LANGUAGE_WORDS } from './taxonomy-words/languages';

export type { Topic, TopicId };
export { foldText };

export const TOPICS: readonly Topic[] = TOPIC_TABLE;

/** Han, kana and Hangul: scripts written without spaces between words (ー is the kana long mark). */
const SPACELESS = String.raw`\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc`;
const SPACELESS_WORD = new RegExp(`^[${SPACELESS}]+$`, 'u');
const SPACELESS_RUN = new RegExp(`[${SPACELESS}]+`, 'gu');
// Checked first: most captions have no such run, and a plain test is cheaper than matchAll.
const HAS_SPACELESS = new RegExp(`[${SPACELESS}]`, 'u');
// Words are runs of letters (with their combining marks) and digits, so "chef's" gives "chef" and
// "cookie" never matches "cook"; a spaceless script also ends a word ("gym行った" gives "gym").
const NON_WORD = new RegExp(`(?:[^\\p{L}\\p{M}\\p{N}]|[${SPACELESS}])+`, 'u');
// The same for ASCII text (most captions), where a simpler class splits faster.
const ASCII_NON_WORD = /[^a-z0-9]+/;
// Hashtags written inside a caption ("... #gymtok"), as TikTok's `desc` carries them.
const INLINE_HASHTAG = /#([\p{L}\p{M}\p{N}_]+)/gu;

// Built once at module load: the mapping runs on every caption of a large import, so each word
// costs one Map lookup. All keys are folded. A keyword also counts as a hashtag ('#pasta' means
// cooking), which keeps the hashtag lists to the tag-only names ('foodtok').
const WORD_TOPIC = new Map<string, string>();
/** Two-word phrases by their first word, then their second: no string is built to look one up. */
const PHRASE_TOPIC = new Map<string, Map<string, string>>();
const RUN_TOPIC = new Map<string, string>();
const RUN_FIRST_CHARS = new Set<string>();
const HASHTAG_TOPIC = new Map<string, string>();
let longestRunKeyword = 0;

function addKeyword(raw: string, topic: string): void {
  const word = foldText(raw);
  if (SPACELESS_WORD.test(word)) {
    RUN_TOPIC.set(word, topic);
    RUN_FIRST_CHARS.add(word[0]!);
    longestRunKeyword = Math.max(longestRunKeyword, word.length);
    HASHTAG_TOPIC.set(word, topic);
  } else if (word.includes(' ')) {
    const [first, second] = word.split(' ') as [string, string];
    const seconds = PHRASE_TOPIC.get(first) ?? new Map<string, string>();
    PHRASE_TOPIC.set(first, seconds.set(second, topic));
    // As a hashtag a phrase is written joined: #sondakika, #كرة_القدم.
    HASHTAG_TOPIC.set(first + second, topic);
    HASHTAG_TOPIC.set(`${first}_${second}`, topic);
  } else {
    WORD_TOPIC.set(word, topic);
    HASHTAG_TOPIC.set(word, topic);
  }
}

const list = (text: string | undefined): string[] => (text ? text.split(', ') : []);

for (const topic of TOPIC_TABLE) {
  for (const word of topic.keywords) addKeyword(word, topic.id);
  for (const tag of topic.hashtags) HASHTAG_TOPIC.set(foldText(tag), topic.id);
}
for (const language of LANGUAGE_WORDS) {
  for (const [topic, words] of Object.entries(language.keywords)) {
    for (const word of list(words)) addKeyword(word, topic);
  }
  for (const [topic, tags] of Object.entries(language.hashtags)) {
    for (const tag of list(tags)) HASHTAG_TOPIC.set(foldText(tag), topic);
  }
}

function add(id: string | null | undefined, found: string[]): void {
  if (id != null && !found.includes(id)) found.push(id);
}

/** Whole words and two-word phrases of folded `text`, looked up in `words`. */
function addWords(text: string, words: ReadonlyMap<string, string>, found: string[]): void {
  let phrases: ReadonlyMap<string, string> | undefined;
  for (const word of text.split(NON_ASCII.test(text) ? NON_WORD : ASCII_NON_WORD)) {
    if (word === '') continue;
    add(words.get(word), found);
    if (phrases !== undefined) add(phrases.get(word), found);
    phrases = PHRASE_TOPIC.get(word);
  }
}

/**
 * Keywords inside runs of Han, kana or Hangul in folded `text`: 料理 in 料理動画, 요리 in 요리를.
 * Each position costs one Set lookup, and keyword lookups only where a keyword can start.
 */
function addRuns(text: string, wholeRunAsHashtag: boolean, found: string[]): void {
  for (const match of text.matchAll(SPACELESS_RUN)) {
    const run = match[0];
    if (wholeRunAsHashtag) add(HASHTAG_TOPIC.get(run), found);
    for (let start = 0; start < run.length - 1; start += 1) {
      if (!RUN_FIRST_CHARS.has(run[start]!)) continue;
      const end = Math.min(run.length, start + longestRunKeyword);
      for (let stop = start + 2; stop <= end; stop += 1) {
        add(RUN_TOPIC.get(run.slice(start, stop)), found);
      }
    }
  }
}

/** The topic one hashtag names ('#GÜNDEM', 'gundem'), or null when it names none. */
export function topicForHashtag(tag: string): string | null {
  const name = foldText(tag);
  return HASHTAG_TOPIC.get(name.startsWith('#') ? name.slice(1) : name) ?? null;
}

function sorted(found: string[]): string[] {
  return found.length > 1 ? found.sort() : found;
}

/** Topic ids for a caption and hashtags, sorted by id; [] when nothing matches. */
export function topicsForText(caption: string | null, hashtags: readonly string[]): string[] {
  const found: string[] = [];
  if (caption) {
    const text = foldText(caption);
    addWords(text, WORD_TOPIC, found);
    if (HAS_SPACELESS.test(text)) addRuns(text, false, found);
    if (text.includes('#')) {
      for (const m of text.matchAll(INLINE_HASHTAG)) add(HASHTAG_TOPIC.get(m[1]!), found);
    }
  }
  for (const tag of hashtags) add(topicForHashtag(tag) ?? undefined, found);
  return sorted(found);
}

/**
 * Topic ids a search query points to, sorted by id; [] when nothing matches. Each word of the
 * query may be a keyword or a hashtag name, since people search for 'booktok' as often as 'books'.
 */
export function topicsForQuery(query: string): string[] {
  const found: string[] = [];
  const text = foldText(query);
  addWords(text, HASHTAG_TOPIC, found);
  if (HAS_SPACELESS.test(text)) addRuns(text, true, found);
  return sorted(found);
}
