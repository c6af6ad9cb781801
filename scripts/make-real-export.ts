// Generates a realistic, anonymised TikTok G3 export and the metadata files that describe its
// videos: fixtures/tiktok/realistic-g3/user_data_tiktok.json and fixtures/enrich/*. A latent model
// of one person (cooking, fitness that grows over the weeks, Arsenal, a K-pop streak in weeks 3-4,
// Spanish-language comedy, some random videos) drives a feed; every video gets hidden "true"
// metadata, which the export leaves out (as TikTok's does) and the enrichment files give back.
// `npx tsx scripts/make-real-export.ts` rewrites the files; test/import/realistic-g3.test.ts
// checks they equal makeRealExport(REAL_EXPORT_SEED) byte for byte, so everything here is a
// seeded PRNG and plain arithmetic: no Math.random, no clock. fixtures/enrich/README.md explains.
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const REAL_EXPORT_SEED = 20250315;
const DAY_S = 86_400;
const FROM_S = Date.UTC(2025, 1, 1) / 1000; // six weeks of watch history...
const DAYS = 42;
const EXPORT_S = Date.UTC(2025, 2, 15, 9, 12, 0) / 1000; // ...up to the export request

type Rng = {
  next: () => number;
  int: (lo: number, hi: number) => number;
  chance: (p: number) => boolean;
  pick: <T>(xs: readonly T[]) => T;
};

/** mulberry32, as in make-demo.ts. */
function makeRng(seed: number): Rng {
  let a = seed >>> 0;
  const next = (): number => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  return { next, int, chance: (p) => next() < p, pick: (xs) => xs[int(0, xs.length - 1)]! };
}

// ---- The latent interests: what this person's feed serves, in which language, with which tags.
type Interest = {
  id: string;
  /** Share of the feed in week 0..5 (relative weights, normalised per draw). */
  weekly: readonly number[];
  /** Chance a watched video of this interest is liked. */
  like: number;
  languages: readonly string[];
  captions: Record<string, readonly string[]>;
  tags: Record<string, readonly string[]>;
  handles: readonly string[];
};
const w = (s: string): string[] => s.split(' ');
const INTERESTS: readonly Interest[] = [
  {
    id: 'cooking',
    weekly: [30, 30, 28, 26, 28, 28],
    like: 0.085,
    languages: ['en', 'en', 'en', 'pt', 'it'],
    captions: {
      en: [
        'easy {dish} in {n} minutes',
        '{dish} but make it high protein',
        'my nonna’s {dish}, no measuring',
        'POV: you finally nail {dish}',
        'ok, but this {dish} hack actually works',
        'rating every {dish} in my city, part {n}',
        'meal prep sunday: {dish} for the whole week',
      ],
      pt: ['receita fácil de {dish} em {n} minutos', 'testei o {dish} viral, vale a pena?'],
      it: ['la vera ricetta: {dish}', '{dish} come la faceva mia nonna'],
    },
    tags: {
      en: w('cooking recipe easyrecipe foodtok homecooking dinnerideas mealprep pasta baking'),
      pt: w('receita receitasfaceis comida culinaria'),
      it: w('ricetta cucinaitaliana ricettefacili pasta'),
    },
    handles: w('kitchen chef bakes eats plates pan'),
  },
  {
    id: 'fitness',
    weekly: [8, 11, 15, 18, 21, 24],
    like: 0.075,
    languages: ['en', 'en', 'es'],
    captions: {
      en: [
        '{n} min {area} workout you can do at home',
        'leg day but I slept {n} hours',
        'how I hit 150g of protein a day',
        'progressive overload, explained in {n} seconds',
        'gym beginner mistakes I made so you don’t have to',
        'when she says "one more rep"\nand it’s {n} reps later 😭',
      ],
      es: ['rutina de {area} para principiantes', 'lo que como en un día para ganar músculo'],
    },
    tags: {
      en: w('gymtok fitness workout homeworkout legday fitnessmotivation gymlife protein'),
      es: w('gimnasio rutina fitness entrenamiento motivacion'),
    },
    handles: w('lifts fit gains coach strong'),
  },
  {
    id: 'football',
    weekly: [16, 14, 15, 13, 15, 14],
    like: 0.09,
    languages: ['en'],
    captions: {
      en: [
        'Saka vs {team}: every touch 🔥',
        '{team} vs Arsenal, the winner from every angle',
        'matchday vlog at the Emirates, part {n}',
        'why Arteta’s press works, a tactical breakdown',
        'Rice has no business being this good',
        'the away end after the {n}th minute goal',
      ],
    },
    tags: { en: w('arsenal afc coyg premierleague football saka gunners') },
    handles: w('gooner afc gunners footy'),
  },
  {
    id: 'kpop',
    weekly: [3, 3, 22, 26, 6, 4],
    like: 0.11,
    languages: ['ko', 'en', 'en'],
    captions: {
      ko: ['{group} 컴백 무대 미쳤다', '{group} 직캠 모음 {n}', '오늘 {group} 음방 레전드'],
      en: [
        '{group} comeback stage is insane',
        'learning the {group} choreo in {n} days',
        'ranking every {group} era',
      ],
    },
    tags: { ko: w('kpop 케이팝 kpopfyp 컴백'), en: w('kpop kpopfyp kpopdance stan comeback') },
    handles: w('stan kpop bias fancam'),
  },
  {
    id: 'comedy-es',
    weekly: [15, 15, 12, 12, 14, 14],
    like: 0.07,
    languages: ['es'],
    captions: {
      es: [
        'cuando tu madre dice "hay comida en casa" 😂',
        'POV: eres el amigo que siempre llega tarde',
        'mi abuela descubriendo el wifi, parte {n}',
        'tipos de personas en el gimnasio',
        'cuando el profe dice que esto no entra en el examen',
        'lo que dices vs lo que piensas, parte {n}',
      ],
    },
    tags: { es: w('humor comedia parati risas humorlatino viral') },
    handles: w('risas humor chistes comedia'),
  },
  {
    id: 'random',
    weekly: [28, 27, 18, 15, 26, 26],
    like: 0.012,
    languages: ['en', 'en', 'de', 'tr', 'pt', 'id', 'fr'],
    captions: {
      en: [
        'my cat vs the new sofa',
        'what happened in parliament today, in {n} seconds',
        'a day in my life as a nurse',
        'this Minecraft build took {n} hours',
        'get ready with me: {n} minute makeup',
        'Lisbon in {n} days on a budget',
      ],
      de: ['Alltag in Berlin, Teil {n}', 'so sieht mein Büro wirklich aus'],
      tr: ['İstanbul’da sokak lezzetleri', 'bugün işte olanlar, bölüm {n}'],
      pt: ['meu cachorro quando ouve a palavra passear'],
      id: ['resep nasi goreng sederhana', 'jalan-jalan ke Bali, hari ke-{n}'],
      fr: ['une journée dans ma vie à Paris', 'test de {n} croissants à Lyon'],
    },
    tags: {
      en: w('cats pets news dayinmylife minecraft gaming grwm makeup travel fyp'),
      de: w('berlin alltag fürdich'),
      tr: w('keşfet yemek istanbul'),
      pt: w('cachorro pets viral'),
      id: w('resep masak bali fyp'),
      fr: w('paris pourtoi vlog'),
    },
    handles: w('daily life vlog clips world'),
  },
];
const FILL: Record<string, readonly string[]> = {
  dish: w('carbonara shakshuka ramen focaccia birria smashburger tiramisu risotto paella'),
  area: w('abs glute arms back core'),
  team: w('Chelsea Spurs Villa Newcastle Liverpool'),
  group: ['Stray Kids', 'aespa', 'SEVENTEEN', 'NewJeans'],
};
const GENERIC_TAG: Record<string, string> = { en: 'fyp', es: 'parati', pt: 'fyp', ko: 'fyp' };
const NAMES = w(
  'marta leo ana jonas priya tom aiko sven lucia omar nina felix zoe ravi emma hugo ines kai mila noah sara theo yara ben lena rosa ivan chloe diego',
);
const SONGS: readonly (readonly [string, string])[] = [
  ['Espresso', 'Sabrina Carpenter'],
  ['APT.', 'ROSÉ & Bruno Mars'],
  ['Die With A Smile', 'Lady Gaga, Bruno Mars'],
  ['Supernatural', 'NewJeans'],
  ['Pedro', 'Jaxomy & Agatino Romero & Raffaella Carrà'],
  ['Sweater Weather', 'The Neighbourhood'],
  ['Chk Chk Boom', 'Stray Kids'],
  ['Si Antes Te Hubiera Conocido', 'KAROL G'],
];

// ---- Hidden truth about each creator and video.
type Creator = {
  handle: string;
  nickname: string;
  uid: string;
  secUid: string;
  interest: Interest;
  language: string;
  activity: number;
};
type Sound = { id: string; title: string; author: string };
export type Video = {
  id: string;
  createdS: number;
  creator: Creator;
  caption: string;
  hashtags: string[];
  sound: Sound;
  durationS: number;
  plays: number;
  likes: number;
  comments: number;
  shares: number;
  status: 'public' | 'deleted' | 'private';
  thumbnail: string;
};

const digits = (rng: Rng, first: string, n: number): string => {
  let s = first;
  while (s.length < n) s += String(rng.int(0, 9));
  return s;
};
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
const token = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => B64[rng.int(0, 63)]).join('');
const hex = (rng: Rng, n: number): string =>
  Array.from({ length: n }, () => '0123456789abcdef'[rng.int(0, 15)]).join('');

// Popular songs keep one id across every video that uses them.
const SONG_IDS = songIds(makeRng(7));

function songIds(rng: Rng): string[] {
  return SONGS.map(() => digits(rng, '7', 19));
}

function makeCreators(rng: Rng): Creator[] {
  const creators: Creator[] = [];
  const taken = new Set<string>();
  for (const interest of INTERESTS) {
    const count = interest.id === 'random' ? 40 : 14;
    for (let i = 0; i < count; i++) {
      const name = rng.pick(NAMES);
      const word = rng.pick(interest.handles);
      let handle = rng.chance(0.5) ? `${name}.${word}` : `${word}_${name}`;
      while (taken.has(handle)) handle += String(rng.int(0, 9));
      taken.add(handle);
      creators.push({
        handle,
        nickname: `${name[0]!.toUpperCase()}${name.slice(1)} ${word}`,
        uid: digits(rng, rng.pick(['6', '7']), 19),
        secUid: `MS4wLjABAAAA${token(rng, 52)}`,
        interest,
        language: rng.pick(interest.languages),
        activity: 0.2 + 3 * rng.next() * rng.next(),
      });
    }
  }
  return creators;
}

function makeCaption(rng: Rng, creator: Creator): { caption: string; hashtags: string[] } {
  const { interest, language } = creator;
  let text = rng.pick(interest.captions[language] ?? interest.captions.en!);
  for (const [key, values] of Object.entries(FILL))
    text = text.replace(`{${key}}`, rng.pick(values));
  text = text.replace('{n}', String(rng.int(2, 30)));
  const pool = interest.tags[language] ?? interest.tags.en!;
  const hashtags: string[] = [];
  if (rng.chance(0.9)) {
    for (let n = rng.int(1, 4); n > 0; n--) {
      const tag = rng.pick(pool);
      if (!hashtags.includes(tag)) hashtags.push(tag);
    }
    const generic = GENERIC_TAG[language];
    if (generic !== undefined && rng.chance(0.4) && !hashtags.includes(generic))
      hashtags.push(generic);
  }
  // A few posts have no caption at all, as on TikTok.
  if (rng.chance(0.02)) return { caption: '', hashtags: [] };
  return { caption: [text, ...hashtags.map((t) => `#${t}`)].join(' '), hashtags };
}

function makeVideo(rng: Rng, creator: Creator, atS: number, ids: Set<string>): Video {
  const r = rng.next();
  const ageS =
    r < 0.7
      ? rng.int(3600, 5 * DAY_S)
      : r < 0.95
        ? rng.int(5 * DAY_S, 60 * DAY_S)
        : rng.int(60 * DAY_S, 700 * DAY_S);
  const createdS = atS - ageS;
  const draw = (): string =>
    ((BigInt(createdS) << 32n) | BigInt(rng.int(0, 2 ** 32 - 1))).toString();
  let id = draw();
  while (ids.has(id)) id = draw();
  ids.add(id);
  const { caption, hashtags } = makeCaption(rng, creator);
  const song = rng.pick(SONGS);
  const sound = rng.chance(0.5)
    ? {
        id: digits(rng, '7', 19),
        title: `original sound - ${creator.handle}`,
        author: creator.nickname,
      }
    : { id: SONG_IDS[SONGS.indexOf(song)]!, title: song[0], author: song[1] };
  const bucket = rng.next();
  const durationS =
    bucket < 0.6 ? rng.int(7, 30) : bucket < 0.9 ? rng.int(31, 90) : rng.int(91, 240);
  const u = 0.02 + 0.98 * rng.next();
  const plays = Math.floor(900 / (u * u)) + rng.int(0, 700);
  const likes = Math.floor(plays * (0.02 + 0.1 * rng.next() * rng.next()));
  const s = rng.next();
  return {
    id,
    createdS,
    creator,
    caption,
    hashtags,
    sound,
    durationS,
    plays,
    likes,
    comments: Math.floor(likes * (0.005 + 0.03 * rng.next())),
    shares: Math.floor(likes * 0.06 * rng.next()),
    status: s < 0.03 ? 'deleted' : s < 0.05 ? 'private' : 'public',
    thumbnail: `https://p16-sign-va.tiktokcdn.com/obj/tos-maliva-p-0068/${hex(rng, 32)}~tplv-tiktokx-origin.image?x-expires=${EXPORT_S + 7 * DAY_S}&x-signature=${token(rng, 27)}%3D`,
  };
}

// ---- What the person did: the activity the export records, in time order.
type At<T> = { atS: number } & T;
export type Activity = {
  watches: At<{ video: Video }>[];
  likes: At<{ video: Video }>[];
  favorites: At<{ video: Video }>[];
  shares: At<{ video: Video; method: string }>[];
  comments: At<{ text: string }>[];
  follows: At<{ handle: string }>[];
  searches: At<{ term: string }>[];
  blocks: At<{ handle: string }>[];
};

const SEARCHES: Record<string, readonly string[]> = {
  cooking: [
    'easy pasta recipe',
    'carbonara recipe',
    'shakshuka',
    'high protein dinner',
    'no knead focaccia',
    'birria tacos recipe',
    'receita pão de queijo',
  ],
  fitness: [
    'home workout no equipment',
    'leg day routine',
    'how much protein per day',
    'rutina gimnasio principiantes',
    'progressive overload',
    'glute workout',
  ],
  football: ['arsenal highlights', 'arsenal vs chelsea', 'saka goal', 'premier league table'],
  kpop: [
    'stray kids comeback',
    'chk chk boom dance tutorial',
    'aespa supernova',
    'seventeen fancam',
    '스트레이키즈',
  ],
  'comedy-es': ['memes en español', 'humor latino', 'abuela wifi', 'tipos de personas'],
  random: ['cat videos', 'lisbon travel tips', 'minecraft builds', 'grwm makeup'],
};
const COMMENTS: Record<string, readonly string[]> = {
  cooking: [
    'need to try this tonight 🤤',
    'ok, the garlic ratio is perfect',
    'saving this for meal prep sunday',
    'made this, my flatmates, who hate onions, loved it',
    'Receta completa?',
  ],
  fitness: [
    'form check? mine always hurts my lower back',
    'day 12 and still going 💪',
    'the "one more rep" lie gets me every time',
  ],
  football: ['COYG!!! what a finish', 'Saka is levels above', 'Rice MOTM\nno debate'],
  kpop: ['this choreo is so clean omg', '스트레이키즈 최고 💜', 'the bridge 😭😭'],
  'comedy-es': [
    'jajajaja mi madre es igualita',
    '¿alguien más se rió con lo de la abuela? 😂',
    'el del final soy yo literal',
  ],
  random: ['the cat’s face at 0:07'],
};
const SHARE_METHODS = ['chat_merge', 'copy_link', 'chat_merge', 'whatsapp', 'sms'];
// Daily viewing slots: earliest start (minutes after midnight UTC), jitter, probability.
const SLOTS = [
  [7 * 60, 90, 0.45],
  [12 * 60 + 15, 60, 0.35],
  [19 * 60, 210, 0.95],
  [23 * 60, 50, 0.2],
] as const;
const CORE = new Set(['cooking', 'fitness', 'football', 'kpop', 'comedy-es']);

function weighted<T>(rng: Rng, xs: readonly T[], weight: (x: T) => number): T {
  let r = rng.next() * xs.reduce((sum, x) => sum + weight(x), 0);
  for (const x of xs) if ((r -= weight(x)) < 0) return x;
  return xs[xs.length - 1]!;
}

/** Seconds to the next Watch History entry: median 3-4 s, many in the same second (docs/IMPORT.md). */
function nextGap(rng: Rng): number {
  const r = rng.next();
  return r < 0.27 ? 0 : r < 0.75 ? rng.int(1, 6) : r < 0.95 ? rng.int(7, 40) : rng.int(41, 240);
}

function sessionStarts(rng: Rng): number[] {
  const starts: number[] = [];
  for (let day = 0; day < DAYS; day++) {
    for (const [minute, jitter, p] of SLOTS) {
      if (rng.chance(p)) starts.push(FROM_S + day * DAY_S + (minute + rng.int(0, jitter)) * 60);
    }
  }
  return starts;
}

function simulate(rng: Rng, creators: Creator[], ids: Set<string>, videos: Video[]): Activity {
  const act: Activity = {
    watches: [],
    likes: [],
    favorites: [],
    shares: [],
    comments: [],
    follows: [],
    searches: [],
    blocks: [],
  };
  const byInterest = new Map(
    INTERESTS.map((i) => [i.id, creators.filter((c) => c.interest === i)]),
  );
  const seen = new Map<string, Video[]>(INTERESTS.map((i) => [i.id, []]));
  const followed = new Set<string>();
  const blocked = new Set<string>();
  const said = new Set<string>();
  let t = 0;
  for (const start of sessionStarts(rng)) {
    t = Math.max(start, t + 15 * 60);
    const week = Math.min(5, Math.floor((t - FROM_S) / (7 * DAY_S)));
    let boosted: Interest | null = null;
    let boost = 0;
    const search = (): void => {
      boosted = weighted(rng, INTERESTS, (i) => i.weekly[week]!);
      act.searches.push({ atS: t, term: rng.pick(SEARCHES[boosted.id]!) });
      boost = rng.int(4, 10);
      t += rng.int(5, 25);
    };
    if (rng.chance(0.6)) {
      search();
      if (rng.chance(0.4)) search();
    }
    for (let n = rng.int(8, 44); n > 0; n--) {
      if (rng.chance(0.011)) search();
      const interest =
        boost-- > 0 && boosted !== null
          ? boosted
          : weighted(rng, INTERESTS, (i) => i.weekly[week]!);
      const old = seen.get(interest.id)!;
      // Now and then the feed serves a video seen in an earlier session again.
      const video =
        old.length > 20 && rng.chance(0.02)
          ? rng.pick(old.slice(0, -20))
          : makeVideo(
              rng,
              weighted(rng, byInterest.get(interest.id)!, (c) => c.activity),
              t,
              ids,
            );
      if (!old.includes(video)) {
        old.push(video);
        videos.push(video);
      }
      act.watches.push({ atS: t, video });
      const gap = nextGap(rng);
      const during = (): number => t + rng.int(0, gap);
      const handle = video.creator.handle;
      if (rng.chance(interest.like)) {
        act.likes.push({ atS: during(), video });
        if (rng.chance(0.25)) act.favorites.push({ atS: during(), video });
        if (rng.chance(0.22))
          act.shares.push({ atS: during(), video, method: rng.pick(SHARE_METHODS) });
        if (CORE.has(interest.id) && !followed.has(handle) && rng.chance(0.09)) {
          followed.add(handle);
          act.follows.push({ atS: during(), handle });
        }
      }
      // Each comment text is written once: people rarely post the same words twice.
      const unsaid = (COMMENTS[interest.id] ?? []).filter((c) => !said.has(c));
      if (CORE.has(interest.id) && unsaid.length > 0 && rng.chance(0.016)) {
        const text = rng.pick(unsaid);
        said.add(text);
        act.comments.push({ atS: during(), text });
      }
      // Blocking: the strongest "show me less", here of a few random accounts.
      if (
        interest.id === 'random' &&
        blocked.size < 3 &&
        !blocked.has(handle) &&
        rng.chance(0.02)
      ) {
        blocked.add(handle);
        act.blocks.push({ atS: during(), handle });
      }
      t += gap;
      // A short video that holds the viewer loops: TikTok logs the same video again.
      if (video.durationS <= 15 && rng.chance(0.08)) {
        t += video.durationS + rng.int(0, 2);
        act.watches.push({ atS: t, video });
        t += nextGap(rng);
      }
    }
  }
  return act;
}

/** Activity from before the watch history's window: likes, favourites and follows go back years. */
function addHistory(
  rng: Rng,
  act: Activity,
  creators: Creator[],
  ids: Set<string>,
  videos: Video[],
): void {
  const core = creators.filter((c) => CORE.has(c.interest.id));
  const past = (fromYear: number): number =>
    rng.int(Date.UTC(fromYear, 0, 1) / 1000, FROM_S - DAY_S);
  for (let i = 0; i < 22; i++) {
    const atS = past(2023);
    const video = makeVideo(rng, rng.pick(core), atS, ids);
    videos.push(video);
    act.likes.push({ atS, video });
    if (i % 2 === 0) act.favorites.push({ atS: atS + rng.int(0, 5), video });
  }
  const handles = new Set(act.follows.map((f) => f.handle));
  while (act.follows.length < 59) {
    const handle = rng.chance(0.6)
      ? rng.pick(core).handle
      : `${rng.pick(NAMES)}.${rng.pick(NAMES)}${rng.int(1, 99)}`;
    if (handles.has(handle)) continue;
    handles.add(handle);
    act.follows.push({ atS: past(2022), handle });
  }
}

// ---- The export, as TikTok writes it (docs/IMPORT.md, G3): newest first, UTC without a zone.
const date = (atS: number): string =>
  new Date(atS * 1000).toISOString().slice(0, 19).replace('T', ' ');
const videoLink = (id: string): string => `https://www.tiktokv.com/share/video/${id}/`;
const newestFirst = <T extends { atS: number }>(xs: readonly T[]): T[] =>
  xs
    .map((x, i) => ({ x, i }))
    .sort((a, b) => b.x.atS - a.x.atS || b.i - a.i)
    .map(({ x }) => x);
const USER = 'demo.viewer';

export type RealExport = {
  activity: Activity;
  videos: Video[];
  /** Hashtag ids the export names through its own posts' Hashtag list, and those it does not. */
  favoriteTags: { id: string; name: string; named: boolean }[];
  exportJson: unknown;
};

function buildExport(rng: Rng, act: Activity, videos: Video[], ids: Set<string>): RealExport {
  const own = videos.find((v) => v.creator.interest.id === 'football')!.creator;
  const me: Creator = { ...own, handle: USER, nickname: 'demo viewer' };
  const posts = [0, 1].map((k) => {
    const atS = FROM_S + (10 + 17 * k) * DAY_S + 19 * 3600;
    const video = makeVideo(rng, me, atS + 3600, ids);
    videos.push(video);
    return { atS: video.createdS, video };
  });
  const favoriteTags = ['arsenal', 'mealprep', 'kpopdance', 'gymtok', 'humor', 'pasta'].map(
    (name, k) => ({
      id: digits(rng, '1', 7 + 2 * k),
      name,
      named: name === 'arsenal' || name === 'mealprep',
    }),
  );
  const past = (): number => rng.int(Date.UTC(2024, 0, 1) / 1000, FROM_S + 30 * DAY_S);
  const soundsOfLiked = [
    ...new Map(act.likes.map((l) => [l.video.sound.id, l.video.sound])).values(),
  ];
  const favSounds = Array.from({ length: 8 }, (_, k) => ({
    atS: past(),
    id: soundsOfLiked[(k * 7) % soundsOfLiked.length]!.id,
  }));
  const effects = ['Green-Screen', 'Bold-Glamour', 'Time-Warp-Scan'].map((name) => ({
    atS: past(),
    link: `https://www.tiktok.com/effect/${name}-${digits(rng, '1', 7)}`,
  }));
  const shares = newestFirst(act.shares).map((s) => ({
    Date: date(s.atS),
    SharedContent: 'video',
    Link: videoLink(s.video.id),
    Method: s.method,
  }));
  // TikTok writes some share records twice, byte for byte; and a profile can be shared too.
  shares.splice(3, 0, { ...shares[3]! });
  const profile = act.follows[0]!;
  shares.splice(8, 0, {
    Date: date(act.watches[900]!.atS),
    SharedContent: 'profile',
    Link: `https://www.tiktok.com/@${profile.handle}`,
    Method: 'chat_merge',
  });
  const follows = newestFirst(act.follows).map((f) => ({ Date: date(f.atS), UserName: f.handle }));
  // A followed account that was deleted since: TikTok writes "N/A" for its name.
  follows.splice(20, 0, { Date: follows[20]!.Date, UserName: 'N/A' });
  const last = act.watches.at(-1)!.atS;
  const exportJson = {
    'Your Activity': {
      'Activity Summary': {
        ActivitySummaryMap: {
          videosCommentedOnSinceAccountRegistration: act.comments.length + 212,
          videosSharedSinceAccountRegistration: act.shares.length + 388,
          videosWatchedToTheEndSinceAccountRegistration: 13977,
        },
      },
      'Favorite Effects': {
        FavoriteEffectsList: newestFirst(effects).map((e) => ({
          Date: date(e.atS),
          EffectLink: e.link,
        })),
      },
      'Favorite Hashtags': {
        FavoriteHashtagList: newestFirst(favoriteTags.map((tag) => ({ atS: past(), tag }))).map(
          (f) => ({
            Date: date(f.atS),
            Link: `https://m.tiktok.com/h5/share/tag/${f.tag.id}.html`,
          }),
        ),
      },
      'Favorite Sounds': {
        FavoriteSoundList: newestFirst(favSounds).map((s) => ({
          Date: date(s.atS),
          Link: `https://m.tiktok.com/h5/share/music/${s.id}.html`,
        })),
      },
      'Favorite Videos': {
        FavoriteVideoList: newestFirst(act.favorites).map((f) => ({
          Date: date(f.atS),
          Link: videoLink(f.video.id),
        })),
      },
      'Favorite Collection': { FavoriteCollectionList: null },
      Follower: {
        FansList: Array.from({ length: 41 }, (_, k) => ({
          Date: date(past()),
          UserName: `${NAMES[k % NAMES.length]}.${NAMES[(k * 7 + 3) % NAMES.length]}${k}`,
        })),
      },
      Following: { Following: follows },
      Hashtag: {
        HashtagList: [
          ...favoriteTags.filter((t) => t.named),
          { id: digits(rng, '2', 9), name: 'coyg' },
        ].map((t) => ({
          HashtagName: t.name,
          HashtagLink: `https://m.tiktok.com/h5/share/tag/${t.id}.html`,
        })),
      },
      'Like List': {
        App: 1,
        ItemFavoriteList: newestFirst(act.likes).map((l) => ({
          date: date(l.atS),
          link: videoLink(l.video.id),
        })),
      },
      'Login History': {
        LoginHistoryList: Array.from({ length: 6 }, (_, k) => ({
          Date: date(last - k * 7 * DAY_S - 3600),
          IP: `192.0.2.${10 + k}`,
          DeviceModel: 'Pixel 8',
          DeviceSystem: 'Android 15',
          NetworkType: k % 2 === 0 ? 'Wi-Fi' : '4G',
          Carrier: 'Demo Mobile',
        })),
      },
      'Most Recent Location Data': { LocationData: {} },
      Searches: {
        SearchList: newestFirst(act.searches).map((s) => ({
          Date: date(s.atS),
          SearchTerm: s.term,
        })),
      },
      'Share History': { ShareHistoryList: shares },
      Status: { 'Status List': [] },
      'Watch History': {
        VideoList: newestFirst(act.watches).map((w) => ({
          Date: date(w.atS),
          Link: videoLink(w.video.id),
        })),
      },
    },
    Comment: {
      Comments: {
        CommentsList: newestFirst(act.comments).map((c) => ({
          date: date(c.atS),
          comment: c.text,
          photo: 'N/A',
          url: '',
        })),
      },
    },
    'App Settings': {
      'Block List': {
        BlockList: newestFirst(act.blocks).map((b) => ({ Date: date(b.atS), UserName: b.handle })),
      },
      Settings: {
        SettingsMap: {
          'Allow DownLoad': 'On',
          'Content Preferences': {
            'Keyword filters for videos in For You feed': ['spoilers', 'prank'],
            'Keyword filters for videos in Following feed': ['golf'],
          },
          Interests: '',
          'Private Account': 'Off',
        },
      },
    },
    Post: {
      Posts: {
        VideoList: newestFirst(posts).map((p) => ({
          Date: date(p.atS),
          Link: videoLink(p.video.id),
          Likes: String(p.video.likes),
          Sound: p.video.sound.title,
          Title: p.video.caption,
        })),
      },
    },
    Profile: {
      'Profile Info': {
        ProfileMap: { userName: USER, bioDescription: '', likesReceived: '37', profilePhoto: '' },
      },
    },
    'Direct Message': { 'Direct Messages': { ChatHistory: {} } },
    'Ads and data': { 'Off TikTok Activity': { OffTikTokActivityDataList: null } },
    'Tiktok Live': { 'Go Live History': { GoLiveList: null } },
  };
  return { activity: act, videos, favoriteTags, exportJson };
}

// ---- The metadata files: what TikTok's oEmbed, yt-dlp and a hand-made CSV say about the videos.
const escapeHtml = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** The blockquote TikTok's oEmbed `html` carries: creator, caption with tag links, sound. */
function embedHtml(v: Video): string {
  const h = v.creator.handle;
  const text = v.caption.replace(/#\S+/g, '').trim();
  const tags = v.hashtags.map(
    (t) =>
      `<a title="${escapeHtml(t)}" target="_blank" href="https://www.tiktok.com/tag/${encodeURIComponent(t)}?refer=embed">#${escapeHtml(t)}</a>`,
  );
  const slug = v.sound.title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return (
    `<blockquote class="tiktok-embed" cite="https://www.tiktok.com/@${h}/video/${v.id}" data-video-id="${v.id}" data-embed-from="oembed" style="max-width:605px; min-width:325px;"> <section> ` +
    `<a target="_blank" title="@${h}" href="https://www.tiktok.com/@${h}?refer=embed">@${h}</a> <p>${escapeHtml(text)} ${tags.join(' ')}</p> ` +
    `<a target="_blank" title="♬ ${escapeHtml(v.sound.title)}" href="https://www.tiktok.com/music/${slug}-${v.sound.id}?refer=embed">♬ ${escapeHtml(v.sound.title)}</a> </section> </blockquote> <script async src="https://www.tiktok.com/embed.js"></script>`
  );
}

/** One line of oembed.jsonl: TikTok's documented answer, or its error body for an unavailable video. */
function oembedLine(v: Video): string {
  if (v.status !== 'public') {
    // TikTok answers a removed or private video with an error body, not a 200 (see README).
    const line =
      v.status === 'deleted'
        ? { id: v.id, status: 404, body: { status_msg: 'Something went wrong' } }
        : {
            id: v.id,
            status: 400,
            body: { status_code: 10101, status_msg: 'Something went wrong' },
          };
    return JSON.stringify(line);
  }
  const body = {
    version: '1.0',
    type: 'video',
    title: v.caption,
    author_url: `https://www.tiktok.com/@${v.creator.handle}`,
    author_name: v.creator.nickname,
    width: '100%',
    height: '100%',
    html: embedHtml(v),
    thumbnail_width: 576,
    thumbnail_height: 1024,
    thumbnail_url: v.thumbnail,
    provider_url: 'https://www.tiktok.com',
    provider_name: 'TikTok',
    author_unique_id: v.creator.handle,
    embed_product_id: v.id,
    embed_type: 'video',
  };
  return JSON.stringify({ id: v.id, status: 200, body });
}

const YTDLP_EPOCH = EXPORT_S + 2 * DAY_S;

/** yt-dlp's info dict for a TikTok video, with the fields its TikTok extractor fills (see README). */
function ytdlpInfo(v: Video, formats: number): Record<string, unknown> {
  const c = v.creator;
  const url = `https://www.tiktok.com/@${c.handle}/video/${v.id}`;
  const day = date(v.createdS).slice(0, 10).replace(/-/g, '');
  const cover = v.thumbnail;
  const fmts = [
    ['download', 'watermarked', 576, 1024, -2],
    ['bytevc1_540p_521746-0', null, 576, 1024, -1],
    ['h264_540p_1088455-0', null, 576, 1024, -1],
  ]
    .slice(0, formats)
    .map(([id, note, width, height, preference]) => ({
      format_id: id,
      format_note: note,
      url: `https://v16-webapp-prime.tiktok.com/video/tos/maliva/${v.id}/${id}/?mime_type=video_mp4`,
      ext: 'mp4',
      vcodec: String(id).startsWith('bytevc1') ? 'h265' : 'h264',
      acodec: 'aac',
      width,
      height,
      preference,
      protocol: 'https',
      resolution: `${width}x${height}`,
    }));
  const artists = v.sound.author.split(/, | & /);
  return {
    id: v.id,
    formats: fmts,
    subtitles: {},
    http_headers: { Referer: url },
    channel: c.nickname,
    channel_id: c.secUid,
    uploader: c.handle,
    uploader_id: c.uid,
    channel_url: `https://www.tiktok.com/@${c.secUid}`,
    uploader_url: `https://www.tiktok.com/@${c.handle}`,
    track: v.sound.title,
    artists,
    duration: v.durationS,
    title: v.caption === '' ? `TikTok video #${v.id}` : v.caption,
    description: v.caption,
    timestamp: v.createdS,
    view_count: v.plays,
    like_count: v.likes,
    repost_count: v.shares,
    comment_count: v.comments,
    thumbnails: [
      { id: 'cover', url: cover, preference: -1 },
      {
        id: 'originCover',
        url: cover.replace('tiktokx-origin', 'tiktokx-cropcenter'),
        preference: -1,
      },
    ],
    webpage_url: url,
    original_url: url,
    webpage_url_basename: v.id,
    webpage_url_domain: 'tiktok.com',
    extractor: 'TikTok',
    extractor_key: 'TikTok',
    thumbnail: cover,
    display_id: v.id,
    fulltitle: v.caption === '' ? `TikTok video #${v.id}` : v.caption,
    duration_string: `${Math.floor(v.durationS / 60)}:${String(v.durationS % 60).padStart(2, '0')}`,
    upload_date: day,
    artist: artists.join(', '),
    epoch: YTDLP_EPOCH,
    ...fmts.at(-1),
    format: `${fmts.at(-1)!.format_id} - ${fmts.at(-1)!.resolution}`,
    _type: 'video',
    _version: {
      version: '2025.03.31',
      current_git_head: null,
      release_git_head: '5e457af57fae9645b1b8fa0ed689229c8fb9656b',
      repository: 'yt-dlp/yt-dlp',
    },
  };
}

/** RFC 4180: a field with a comma, quote or line break is quoted, quotes doubled. */
const csvField = (s: string): string => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

function metaCsv(rows: readonly Video[]): string {
  const lines = rows.map((v) =>
    [
      v.id,
      v.caption,
      `@${v.creator.handle}`,
      v.hashtags.join(' '),
      v.sound.title,
      String(v.durationS),
    ]
      .map(csvField)
      .join(','),
  );
  return ['id,caption,creator,hashtags,sound,duration', ...lines].map((l) => `${l}\r\n`).join('');
}

/** The whole generated export for a seed. Pure: the same seed always gives the same data. */
export function makeRealExport(seed: number): RealExport {
  const rng = makeRng(seed);
  const creators = makeCreators(rng);
  const ids = new Set<string>();
  const videos: Video[] = [];
  const act = simulate(rng, creators, ids, videos);
  addHistory(rng, act, creators, ids, videos);
  return buildExport(rng, act, videos, ids);
}

/** The fixture files' exact contents, by path under fixtures/. */
export function realExportFiles(x: RealExport): Record<string, string> {
  const byId = [...x.videos].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  const pick = makeRng(REAL_EXPORT_SEED ^ 0x11);
  const publicOnes = byId.filter((v) => v.status === 'public' && v.creator.handle !== USER);
  const dump = publicOnes.filter(() => pick.chance(100 / publicOnes.length));
  const info = publicOnes.find((v) => v.creator.interest.id === 'cooking' && v.caption !== '')!;
  // The CSV always holds the captions that test its quoting: a comma, and a line break with quotes.
  const tricky = (v: Video): boolean => v.caption.includes(',') || v.caption.includes('\n');
  const csv = byId.filter(
    (v) => pick.chance(180 / byId.length) || (tricky(v) && pick.chance(0.04)),
  );
  if (
    !csv.some((v) => v.caption.includes('\n') && v.caption.includes('"')) ||
    !csv.some((v) => v.caption.includes(','))
  ) {
    throw new Error('meta.csv lost its quoting cases; change the seed');
  }
  return {
    'tiktok/realistic-g3/user_data_tiktok.json': `${JSON.stringify(x.exportJson, null, 2)}\n`,
    'enrich/oembed.jsonl': byId.map((v) => `${oembedLine(v)}\n`).join(''),
    'enrich/ytdlp.info.json': JSON.stringify(ytdlpInfo(info, 3)),
    'enrich/ytdlp-dump.jsonl': dump.map((v) => `${JSON.stringify(ytdlpInfo(v, 1))}\n`).join(''),
    'enrich/meta.csv': metaCsv(csv),
  };
}

const entry = process.argv[1];
if (entry !== undefined && import.meta.url === pathToFileURL(entry).href) {
  const root = fileURLToPath(new URL('../fixtures/', import.meta.url));
  const x = makeRealExport(REAL_EXPORT_SEED);
  for (const [path, text] of Object.entries(realExportFiles(x))) {
    mkdirSync(dirname(join(root, path)), { recursive: true });
    writeFileSync(join(root, path), text);
    console.log(`fixtures/${path}: ${text.length} characters`);
  }
  const a = x.activity;
  const counts = Object.entries(a).map(([k, v]) => `${k} ${(v as unknown[]).length}`);
  console.log(`${counts.join(', ')}; videos ${x.videos.length}`);
}
