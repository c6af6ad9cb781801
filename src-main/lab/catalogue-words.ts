// The words the Lab catalogue generator (catalogue-gen.ts) writes captions with: a few caption
// shapes per language, as people write them on TikTok, around a topic keyword taken from the
// taxonomy in that language. Every caption is checked against topicsForText, so a shape that
// happens to contain another topic's word is simply drawn again.

/**
 * Share of creators per caption language. OURS: English first, then the languages the taxonomy
 * reads in the order of its list of the most used TikTok languages (taxonomy-words/languages.ts).
 */
export const LANGUAGE_SHARE: Record<string, number> = {
  en: 40,
  es: 10,
  pt: 7,
  id: 6,
  tr: 4,
  ar: 4,
  de: 4,
  fr: 4,
  ja: 4,
  ko: 3,
  vi: 4,
  ru: 3,
  it: 3,
  zh: 4,
};

/** `{k}` is a keyword of the video's topic, `{n}` a small number. */
export const ONE_TOPIC: Record<string, string[]> = {
  en: [
    '{k} day {n} ✨',
    'POV: you finally try {k}',
    '{n} {k} tips nobody told me',
    'rating {k} so you do not have to',
    'honest thoughts on {k} after {n} weeks',
    'when the {k} hits different',
    'part {n} of my {k} series',
    'unpopular opinion about {k} 👀',
    'things I wish I knew about {k} sooner',
    'ok but why is nobody talking about this {k}',
  ],
  es: [
    '{k} día {n} ✨',
    'POV: por fin pruebas {k}',
    '{n} consejos de {k} que nadie te dice',
    'mi opinión sincera sobre {k}',
    'parte {n}: {k} 🔥',
  ],
  pt: [
    '{k} dia {n} ✨',
    '{n} dicas de {k} que ninguém te conta',
    'minha opinião sincera sobre {k}',
    'parte {n}: {k} 🔥',
  ],
  id: [
    '{k} hari ke-{n} ✨',
    '{n} tips {k} yang jarang orang tahu',
    'jujur soal {k}',
    'part {n}: {k}',
  ],
  tr: ['{k} gün {n} ✨', 'kimsenin söylemediği {n} {k} tüyosu', '{k} hakkında dürüst yorumum'],
  ar: ['{k} اليوم {n} ✨', '{n} نصائح عن {k}', 'رأيي الصريح في {k}', 'الجزء {n}: {k}'],
  de: ['{k} Tag {n} ✨', '{n} Tipps zu {k}, die dir keiner sagt', 'meine ehrliche Meinung zu {k}'],
  fr: ['{k} jour {n} ✨', '{n} astuces {k} que personne ne dit', 'mon avis honnête sur {k}'],
  ja: ['{k}のコツ{n}選 ✨', '正直レビュー：{k}', 'パート{n} {k}'],
  ko: ['{k} {n}일차 ✨', '아무도 안 알려주는 {k} 꿀팁 {n}가지', '{k} 솔직 후기'],
  vi: ['{k} ngày {n} ✨', '{n} mẹo {k} ít ai biết', 'review thật về {k}'],
  ru: ['{k} день {n} ✨', '{n} советов про {k}', 'честно про {k}'],
  it: ['{k} giorno {n} ✨', '{n} consigli di {k} che nessuno ti dice', 'la mia opinione su {k}'],
  zh: ['{k}第{n}天 ✨', '{n}个{k}小技巧', '真实测评：{k}'],
};

/** Two topics in one caption: `{j}` is a keyword of the second. */
export const TWO_TOPICS: Record<string, string[]> = {
  en: ['{k} but make it {j}', 'trying {k} and {j} in one day', '{k} + {j} = my personality'],
  default: ['{k} + {j} ✨', '{k} & {j} 🔥'],
};

/** Hashtags on every kind of video, per language; they map to no topic. */
export const GENERIC_TAGS: Record<string, string[]> = {
  en: ['fyp', 'foryou', 'viral', 'foryoupage'],
  es: ['fyp', 'parati', 'viral'],
  pt: ['fyp', 'viral', 'foryou'],
  default: ['fyp', 'viral'],
};

/**
 * The "diet culture" end of the drifter's rabbit hole. The taxonomy has no such topic, so these
 * videos carry fitness and health words and hashtags that map to no topic, which the profile
 * still learns as `hashtag:` dimensions (docs/LAB.md).
 */
export const DIET_TAGS = ['caloriedeficit', 'weightloss', 'cutting', 'macros', 'bodycheck'];
export const DIET_CAPTIONS = [
  'what I eat in a day to stay lean: day {n}',
  '{n} foods I cut out to get shredded',
  'how I lost {n} kilos with this protein plan',
  'is this enough protein? honest check {n}',
  'body check after {n} weeks of cardio',
];

/** Relative share of videos per topic (OURS: a guess at what fills a general For You feed). */
export const TOPIC_POPULARITY: Record<string, number> = {
  comedy: 12,
  dance: 8,
  cooking: 9,
  fitness: 8,
  beauty: 6,
  fashion: 6,
  gaming: 7,
  music: 7,
  pets: 6,
  'news-politics': 5,
  travel: 5,
  sports: 5,
  pranks: 3,
  'movies-tv': 4,
  anime: 3,
  tech: 3,
  finance: 3,
  motivation: 3,
  relationships: 3,
  'health-wellness': 4,
  'home-garden': 2,
  diy: 2,
  art: 2,
  asmr: 2,
  cars: 2,
  books: 2,
  science: 2,
  history: 1,
  'language-learning': 1,
  outdoors: 2,
  parenting: 2,
  photography: 1,
  spirituality: 1,
};

/**
 * Topics that often share an audience (OURS), so background viewers who like one often like the
 * other and co-engagement links them: the drifter's route gaming → fitness → diet runs along it.
 */
export const TASTE_CLUSTERS: string[][] = [
  ['gaming', 'fitness'],
  ['fitness', 'health-wellness'],
  ['cooking', 'travel'],
  ['news-politics', 'finance'],
  ['beauty', 'fashion'],
  ['comedy', 'pranks'],
  ['music', 'dance'],
  ['anime', 'gaming'],
  ['pets', 'comedy'],
  ['sports', 'fitness'],
];

export const HANDLE_WORDS = [
  'daily',
  'official',
  'tv',
  'life',
  'vibes',
  'world',
  'studio',
  'club',
  'diaries',
  'hq',
];
export const NAMES =
  'marta leo ana jonas priya tom aiko sven lucia omar nina felix zoe ravi emma hugo ines kai mila noah sara theo yara ben lena max rosa ivan chloe diego ayse mehmet fatima yusuf hana minji joao bruna dewi budi linh minh olga dmitri giulia marco wei lin'.split(
    ' ',
  );
export const SONG_WORDS =
  'golden midnight neon paper summer velvet electric lonely wild sugar echo river silver broken cosmic'.split(
    ' ',
  );
export const SONG_NOUNS =
  'hour drive hearts city rain dreams lights motion tide fever season waves signal garden mirror'.split(
    ' ',
  );
