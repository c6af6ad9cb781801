import type { TopicId } from '../taxonomy-data';

/**
 * One language's words for the taxonomy, under the same rules as the English table
 * (taxonomy-data.ts): only words that are unambiguous on their own, and no word in two topics,
 * in any language, once folded (test/domain/taxonomy-languages.test.ts checks both).
 *
 * Lists are comma-separated. A keyword is one word or a two-word phrase ('son dakika'); a
 * keyword in Han, kana or Hangul is matched inside runs of those scripts, so it needs at least
 * two characters. Accents may be written or not: everything is folded before it is compared.
 */
export type LanguageWords = {
  /** ISO 639-1 code, as TikTok's `textLanguage` writes it. */
  language: string;
  name: string;
  /** Words matched in captions and search queries (and, like English keywords, as hashtags). */
  keywords: Partial<Record<TopicId, string>>;
  /** Hashtag names without '#' that are not caption words ('yemektarifleri'). */
  hashtags: Partial<Record<TopicId, string>>;
};
