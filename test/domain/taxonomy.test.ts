import { describe, expect, it } from 'vitest';
import { TOPICS, topicsForQuery, topicsForText } from '../../src-main/domain/taxonomy';

describe('taxonomy table', () => {
  it('has at least 28 topics with unique kebab-case ids', () => {
    expect(TOPICS.length).toBeGreaterThanOrEqual(28);
    const ids = TOPICS.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
    expect(ids).toEqual([...ids].sort());
  });

  it('gives every topic a label, enough keywords and hashtags, all lower-case words', () => {
    for (const topic of TOPICS) {
      expect(topic.label.length).toBeGreaterThan(0);
      expect(topic.keywords.length).toBeGreaterThanOrEqual(7);
      expect(topic.keywords.length).toBeLessThanOrEqual(20);
      expect(topic.hashtags.length).toBeGreaterThanOrEqual(5);
      expect(topic.hashtags.length).toBeLessThanOrEqual(15);
      // A keyword must survive tokenisation whole, or it could never match.
      for (const word of topic.keywords) expect(word).toMatch(/^[a-z0-9]+$/);
      for (const tag of topic.hashtags) expect(tag).toMatch(/^[a-z0-9_]+$/);
    }
  });

  it('maps every word and hashtag to exactly one topic', () => {
    const owner = new Map<string, string>();
    for (const topic of TOPICS) {
      for (const word of [...topic.keywords, ...topic.hashtags]) {
        expect(owner.get(word), `'${word}' in ${topic.id}`).toBeUndefined();
        owner.set(word, topic.id);
      }
    }
  });

  it('maps each topic’s own keywords and hashtags back to it', () => {
    for (const topic of TOPICS) {
      for (const word of topic.keywords) expect(topicsForText(word, [])).toEqual([topic.id]);
      for (const tag of topic.hashtags) expect(topicsForText(null, [tag])).toEqual([topic.id]);
    }
  });
});

describe('topicsForText', () => {
  it('matches keywords as whole words, case-insensitively', () => {
    expect(topicsForText('My grandma’s PASTA, finally', [])).toEqual(['cooking']);
    expect(topicsForText("the chef's secret", [])).toEqual(['cooking']);
    expect(topicsForText('cookie cookbook cooked', [])).toEqual([]);
    expect(topicsForText('artistic', [])).toEqual([]);
  });

  it('tokenises on any non-letter, non-digit character in any script', () => {
    expect(topicsForText('día de pasta…¡yoga!', [])).toEqual(['cooking', 'health-wellness']);
    expect(topicsForText('ww2 tanks', [])).toEqual(['history']);
    expect(topicsForText('gym/ramen_noodles', [])).toEqual(['cooking', 'fitness']);
  });

  it('matches hashtags exactly after lower-casing and stripping a leading #', () => {
    expect(topicsForText(null, ['#GymTok'])).toEqual(['fitness']);
    expect(topicsForText(null, ['foodtok', '#FOODTOK'])).toEqual(['cooking']);
    expect(topicsForText(null, ['#pasta'])).toEqual(['cooking']);
    expect(topicsForText(null, ['gymtoks', 'gym tok', '##gymtok'])).toEqual([]);
  });

  it('reads hashtags written inside the caption', () => {
    expect(topicsForText('leg day again #gymtok #fyp', [])).toEqual(['fitness']);
    // A hashtag-only name is not a caption word: written without '#', it stays plain text.
    expect(topicsForText('gymtok', [])).toEqual([]);
  });

  it('returns sorted, deduplicated ids', () => {
    expect(topicsForText('Yoga, then pasta, then more pasta', ['#yogatok', 'gymtok'])).toEqual([
      'cooking',
      'fitness',
      'health-wellness',
    ]);
  });

  it('never invents a topic for unrelated or empty text', () => {
    expect(topicsForText('wait for the end… she had no idea', ['fyp', 'viral', 'foryou'])).toEqual(
      [],
    );
    expect(topicsForText('', [])).toEqual([]);
    expect(topicsForText(null, [])).toEqual([]);
    expect(topicsForText('🔥🔥🔥', ['#'])).toEqual([]);
  });
});

describe('topicsForQuery', () => {
  it('maps search queries through keywords and hashtag names', () => {
    expect(topicsForQuery('easy pasta recipe')).toEqual(['cooking']);
    expect(topicsForQuery('Home WORKOUT for beginners')).toEqual(['fitness']);
    expect(topicsForQuery('booktok')).toEqual(['books']);
    expect(topicsForQuery('#gymtok dinner')).toEqual(['cooking', 'fitness']);
    expect(topicsForQuery('what time is it')).toEqual([]);
  });
});
