import { describe, expect, it } from 'vitest';
import { foldText, TOPICS, topicsForQuery, topicsForText } from '../../src-main/domain/taxonomy';
import { LANGUAGE_WORDS } from '../../src-main/domain/taxonomy-words/languages';

const SPACELESS = /^[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}\u30fc]{2,}$/u;
const WORD = /^[\p{L}\p{N}]+$/u;
const PHRASE = /^[\p{L}\p{N}]+ [\p{L}\p{N}]+$/u;
const list = (text: string | undefined): string[] => (text ? text.split(', ') : []);

/** Every (folded word, topic) pair of a language, as the matcher registers them. */
function entries(): { word: string; topic: string; where: string }[] {
  const all: { word: string; topic: string; where: string }[] = [];
  for (const topic of TOPICS) {
    for (const w of [...topic.keywords, ...topic.hashtags])
      all.push({ word: w, topic: topic.id, where: 'en' });
  }
  for (const lang of LANGUAGE_WORDS) {
    const sources = [...Object.entries(lang.keywords), ...Object.entries(lang.hashtags)];
    for (const [topic, words] of sources) {
      for (const raw of list(words)) {
        const word = foldText(raw);
        // A phrase also registers as the hashtags it is written as: joined and with '_'.
        const forms = word.includes(' ')
          ? [word, word.replace(' ', ''), word.replace(' ', '_')]
          : [word];
        for (const form of forms)
          all.push({ word: form, topic, where: `${lang.language} '${raw}'` });
      }
    }
  }
  return all;
}

describe('per-language word lists', () => {
  it('cover at least the ten most used TikTok languages besides English', () => {
    const codes = LANGUAGE_WORDS.map((l) => l.language);
    for (const code of ['es', 'pt', 'id', 'tr', 'ar', 'de', 'fr', 'ja', 'ko', 'vi']) {
      expect(codes).toContain(code);
    }
    expect(new Set(codes).size).toBe(codes.length);
  });

  it('name only real topics, and each main language covers most of them', () => {
    const ids = new Set(TOPICS.map((t) => t.id));
    for (const lang of LANGUAGE_WORDS) {
      for (const topic of [...Object.keys(lang.keywords), ...Object.keys(lang.hashtags)]) {
        expect(ids.has(topic), `${lang.language}: ${topic}`).toBe(true);
      }
      if (lang.language !== 'zh' && lang.language !== 'it') {
        expect(Object.keys(lang.keywords).length, lang.language).toBeGreaterThanOrEqual(24);
      }
    }
  });

  it('hold words, two-word phrases or spaceless words of two or more characters', () => {
    for (const lang of LANGUAGE_WORDS) {
      const seen = new Set<string>();
      for (const words of Object.values(lang.keywords)) {
        for (const raw of list(words)) {
          const word = foldText(raw);
          const spaceless = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Hangul}]/u.test(word);
          const shape = spaceless ? SPACELESS : word.includes(' ') ? PHRASE : WORD;
          expect(word, `${lang.language} '${raw}'`).toMatch(shape);
          expect(seen.has(word), `${lang.language} '${raw}' twice`).toBe(false);
          seen.add(word);
        }
      }
      for (const tags of Object.values(lang.hashtags)) {
        for (const raw of list(tags)) expect(foldText(raw)).toMatch(/^[\p{L}\p{N}_]+$/u);
      }
    }
  });

  it('give no folded word or hashtag to two topics, in any language', () => {
    const owner = new Map<string, { topic: string; where: string }>();
    for (const { word, topic, where } of entries()) {
      const first = owner.get(word);
      if (first && first.topic !== topic) {
        expect.fail(`'${word}' is ${first.topic} (${first.where}) and ${topic} (${where})`);
      }
      owner.set(word, { topic, where });
    }
  });

  it('map each keyword back to its topic in a caption, a hashtag and a query', () => {
    for (const lang of LANGUAGE_WORDS) {
      for (const [topic, words] of Object.entries(lang.keywords)) {
        for (const word of list(words)) {
          expect(topicsForText(word, []), `${lang.language} '${word}'`).toEqual([topic]);
          expect(topicsForQuery(word), `${lang.language} '${word}'`).toEqual([topic]);
          const tag = word.replace(' ', '');
          expect(topicsForText(null, [`#${tag}`]), `${lang.language} #${tag}`).toEqual([topic]);
        }
      }
      for (const [topic, tags] of Object.entries(lang.hashtags)) {
        for (const tag of list(tags)) expect(topicsForText(null, [tag])).toEqual([topic]);
      }
    }
  });
});

describe('foldText', () => {
  it('folds Turkish dotted and dotless i in every case', () => {
    expect(foldText('GÜNDEM')).toBe('gundem');
    expect(foldText('İSTANBUL')).toBe('istanbul');
    expect(foldText('Işık ılık')).toBe('isik ilik');
    expect(foldText('ŞEKER çay')).toBe('seker cay');
  });

  it('removes Latin accents, whether composed or decomposed', () => {
    expect(foldText('récette açúcar')).toBe('recette acucar');
    expect(foldText('e\u0301te\u0301')).toBe('ete');
    expect(foldText('Fußball Tiếng Việt đá')).toBe('fussball tieng viet da');
    expect(foldText('Ёлка')).toBe('елка');
    expect(foldText('ｆｙｐ')).toBe('fyp');
  });

  it('normalises Arabic alef variants, teh marbuta, tatweel and harakat', () => {
    expect(foldText('أخبار')).toBe('اخبار');
    expect(foldText('إسلام آمنة')).toBe('اسلام امنه');
    expect(foldText('مـــدرسة')).toBe(foldText('مَدْرَسَةٌ'));
  });

  it('is idempotent, so folded keys can be folded again safely', () => {
    for (const text of [
      'İSTANBUL Fußball',
      'أخبار مـــدرسة',
      'Tiếng Việt',
      'ｆｙｐ',
      '요리를 料理',
    ]) {
      expect(foldText(foldText(text))).toBe(foldText(text));
    }
  });

  it('leaves kana, Han and Hangul as they are', () => {
    // NFD would split が into か + a mark and Hangul syllables into jamo.
    for (const text of ['ガス', 'カス', 'が', '料理を作る', '요리를'])
      expect(foldText(text)).toBe(text);
  });
});

describe('topicsForText in other languages', () => {
  it('matches with or without accents and in any case', () => {
    for (const text of ['GÜNDEM', 'gündem', 'gundem', 'Gündemi']) {
      expect(topicsForText(text, []), text).toEqual(['news-politics']);
    }
    expect(topicsForText('RECETTE facile', [])).toEqual(['cooking']);
    expect(topicsForText(null, ['#Gündem', 'GUNDEM'])).toEqual(['news-politics']);
    expect(topicsForText(null, ['açúcar'])).toEqual([]);
  });

  it('matches two-word phrases in captions and joined as hashtags', () => {
    expect(topicsForText('SON DAKİKA: deprem', [])).toEqual(['news-politics']);
    expect(topicsForText('son bir dakika', [])).toEqual([]);
    expect(topicsForText('Hôm nay đi xem bóng đá', [])).toEqual(['sports']);
    expect(topicsForText(null, ['bongda', 'كرة_القدم'])).toEqual(['sports']);
    expect(topicsForText('Jalan-jalan ke Bali', [])).toEqual(['travel']);
  });

  it('finds Han, kana and Hangul keywords inside longer runs and behind particles', () => {
    expect(topicsForText('簡単な料理動画です', [])).toEqual(['cooking']);
    expect(topicsForText('요리를 했어요', [])).toEqual(['cooking']);
    expect(topicsForText('우리 고양이랑 놀기', [])).toEqual(['pets']);
    expect(topicsForText('今日は筋トレ', [])).toEqual(['fitness']);
    // A spaceless script ends a Latin word, so 'gym' before Japanese is still a word.
    expect(topicsForText('gym行ってきた', [])).toEqual(['fitness']);
  });

  it('keeps whole-word matching for Latin, Cyrillic and Arabic words', () => {
    expect(topicsForText('gymnastics', [])).toEqual([]);
    expect(topicsForText('котлета', [])).toEqual([]);
    expect(topicsForText('كتابة', [])).toEqual([]);
  });

  it('matches hashtags in spaceless scripts whole, not by their parts', () => {
    expect(topicsForText(null, ['#料理'])).toEqual(['cooking']);
    expect(topicsForText(null, ['簡単料理'])).toEqual([]);
  });

  it('gives no topic to an unrelated word that contains a short keyword', () => {
    // ペット (pet) is inside カーペット (carpet), ネイル (nail) inside サムネイル (thumbnail),
    // 청소 (cleaning) inside 청소년 (teenager), 화장 (make-up) inside 화장실 (toilet): none of the
    // short forms is a keyword, so only the real keyword in each caption counts.
    expect(topicsForText('カーペットの掃除', [])).toEqual(['home-garden']);
    expect(topicsForText('サムネイルの作り方', [])).toEqual([]);
    expect(topicsForText('청소년 뉴스', [])).toEqual(['news-politics']);
    expect(topicsForText('화장실 인테리어', [])).toEqual(['home-garden']);
    // Spanish 'haber' ("to have") is not Turkish news, and French 'dans' ("in") is not a dance.
    expect(topicsForText('debe haber algo dans la maison', [])).toEqual([]);
  });
});

describe('topicsForQuery in other languages', () => {
  it('maps queries through keywords, phrases, hashtag names and spaceless runs', () => {
    expect(topicsForQuery('receta fácil')).toEqual(['cooking']);
    expect(topicsForQuery('son dakika')).toEqual(['news-politics']);
    expect(topicsForQuery('sondakika')).toEqual(['news-politics']);
    expect(topicsForQuery('yemektarifleri')).toEqual(['cooking']);
    expect(topicsForQuery('nấu ăn ngon')).toEqual(['cooking']);
    expect(topicsForQuery('요리 레시피')).toEqual(['cooking']);
    expect(topicsForQuery('簡単レシピ')).toEqual(['cooking']);
    expect(topicsForQuery('おすすめ')).toEqual([]);
  });
});
