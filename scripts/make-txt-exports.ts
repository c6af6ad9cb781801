// Writes the late-2025 TXT export fixtures (issue #18): fixtures/tiktok/txt-2025-en.zip in
// English and fixtures/tiktok/txt-2025-nl.zip in Dutch (the layout of docs/IMPORT.md), the same
// synthetic activity in both. `npx tsx scripts/make-txt-exports.ts` rewrites them;
// test/import/txt-localized.test.ts checks the committed zips equal txtExportZip() byte for byte.
// No clock, no randomness: stored (uncompressed) members with a fixed timestamp.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { crc32 } from 'node:zlib';

/** A sentence that only the private file holds: no output may ever contain it. */
export const PRIVATE_CANARY = 'PELICAN-CANARY-7f3a';

type Lang = 'en' | 'nl';

/** A made-up video id whose upper 32 bits are a creation time three days before `at`. */
function videoId(at: string, n: number): string {
  const s = Date.parse(`${at.replace(' ', 'T')}Z`) / 1000 - 3 * 86_400;
  return ((BigInt(s) << 32n) | BigInt(1000 + n)).toString();
}
const link = (at: string, n: number) => `https://www.tiktokv.com/share/video/${videoId(at, n)}/`;

const WATCHES = [
  '2025-11-03 21:40:10',
  '2025-11-03 21:39:50',
  '2025-11-03 21:39:20',
  '2025-11-03 21:39:20',
  '2025-11-03 20:05:00',
  '2025-11-03 20:04:30',
];
const LIKES = ['2025-11-03 21:39:55', '2025-11-01 18:00:00', '2025-10-30 08:15:00'];
const FAVORITES = ['2025-11-03 20:05:10', '2025-10-29 12:00:00'];
const SEARCHES: Record<Lang, [string, string][]> = {
  en: [
    ['2025-11-03 20:03:00', 'sourdough starter'],
    ['2025-11-02 07:30:00', 'marathon training plan'],
    ['2025-10-31 22:00:00', 'cat videos'],
  ],
  nl: [
    ['2025-11-03 20:03:00', 'zuurdesem starter'],
    ['2025-11-02 07:30:00', 'marathon schema'],
    ['2025-10-31 22:00:00', "katten video's"],
  ],
};
const FOLLOWS: [string, string][] = [
  ['2025-10-20 10:00:00', 'demo.baker'],
  ['2025-09-14 17:45:00', 'demo.runner'],
];
// The second block dates from musical.ly (2015): skipped and named with its line, never fatal.
const BLOCKS: [string, string][] = [
  ['2025-09-01 09:00:00', 'demo.spammer'],
  ['2015-06-01 12:00:00', 'demo.oldfriend'],
];
const SHARE = '2025-11-03 21:41:00';

const records = (list: string[][]) => `${list.map((r) => r.join('\n')).join('\n\n')}\n`;

const WORDS = {
  en: {
    date: 'Date',
    link: 'Link',
    term: 'Search Term',
    user: 'Username',
    shared: 'Shared Content',
    method: 'Method',
    empty: 'You have no data in this section',
    empty2: 'You have no data in this section',
  },
  nl: {
    date: 'Datum',
    link: 'Link',
    term: 'Zoekterm',
    user: 'Gebruikersnaam',
    shared: 'Gedeelde inhoud',
    method: 'Methode',
    empty: 'Dit gedeelte bevat geen gegevens',
    empty2: 'Er staan geen gegevens in dit gedeelte',
  },
};

const PATHS = {
  en: {
    watch: 'Your Activity/Watch History.txt',
    search: 'Your Activity/Searches.txt',
    share: 'Your Activity/Share History.txt',
    like: 'Likes and Favorites/Like List.txt',
    favorite: 'Likes and Favorites/Favorite Videos.txt',
    sounds: 'Likes and Favorites/Favorite Sounds.txt',
    follow: 'Profile And Settings/Following.txt',
    block: 'Profile And Settings/Block List.txt',
    comments: 'Comments/Comments.txt',
    summary: 'Activity Summary.txt',
    settings: 'Settings.txt',
    messages: 'Direct Messages/Direct Messages.txt',
  },
  nl: {
    watch: 'Je activiteit/Kijkgeschiedenis.txt',
    search: 'Je activiteit/Zoekopdrachten.txt',
    share: 'Je activiteit/Geschiedenis delen.txt',
    like: 'Likes en favorieten/Likelijst.txt',
    favorite: "Likes en favorieten/Favoriete video's.txt",
    sounds: 'Likes en favorieten/Favoriete geluiden.txt',
    follow: 'Profiel en instellingen/Volgend.txt',
    block: 'Profiel en instellingen/Blokkeringslijst.txt',
    comments: 'Reacties/Reacties.txt',
    summary: 'Samenvatting van activiteit.txt',
    settings: 'Instellingen.txt',
    messages: 'Directe berichten/Directe berichten.txt',
  },
};

/** The files of one export: path inside the zip → text. */
export function txtExportFiles(lang: Lang): Record<string, string> {
  const w = WORDS[lang];
  const p = PATHS[lang];
  const dated = (list: string[], from: number) =>
    records(list.map((at, i) => [`${w.date}: ${at}`, `${w.link}: ${link(at, from + i)}`]));
  const summary =
    lang === 'en'
      ? [
          'Videos watched to the end since account registration: 1234',
          'Videos commented on since account registration: 5',
          'Videos shared since account registration: 17',
        ]
      : [
          "Video's tot het einde bekeken sinds accountregistratie: 1234",
          "Video's waarop is gereageerd sinds accountregistratie: 5",
          "Video's gedeeld sinds accountregistratie: 17",
        ];
  const settings =
    lang === 'en'
      ? [
          'Content Preferences',
          'Keyword filters for videos in Following feed: [politics]',
          'Keyword filters for videos in For You feed: [spoilers, horror]',
        ]
      : [
          'Contentvoorkeuren',
          "Trefwoordfilters voor video's in de 'Volgend'-feed: [politiek]",
          "Trefwoordfilters voor video's in de 'Voor jou'-feed: [spoilers, horror]",
        ];
  return {
    [p.watch]: dated(WATCHES, 0),
    [p.search]: records(SEARCHES[lang].map(([at, t]) => [`${w.date}: ${at}`, `${w.term}: ${t}`])),
    [p.share]: records([
      [
        `${w.date}: ${SHARE}`,
        `${w.shared}: video`,
        `${w.link}: ${link(WATCHES[0]!, 0)}`,
        `${w.method}: copy_link`,
      ],
    ]),
    [p.like]: dated(LIKES, 10),
    [p.favorite]: dated(FAVORITES, 20),
    [p.sounds]: `${w.empty2}\n`,
    [p.follow]: records(FOLLOWS.map(([at, u]) => [`${w.date}: ${at}`, `${w.user}: ${u}`])),
    [p.block]: records(BLOCKS.map(([at, u]) => [`${w.date}: ${at}`, `${w.user}: ${u}`])),
    [p.comments]: `${w.empty}\n`,
    [p.summary]: `${summary.join('\n')}\n`,
    [p.settings]: `${settings.join('\n')}\n`,
    [p.messages]: records([
      [`${w.date}: 2025-11-01 10:00:00`, 'From: demo.friend', `Content: ${PRIVATE_CANARY}`],
    ]),
  };
}

/** A zip of stored members (no compression), every header field fixed: the same bytes each run. */
export function zipOf(files: Record<string, string>): Buffer {
  const locals: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  const DOS_TIME = 0; // 00:00:00
  const DOS_DATE = ((2025 - 1980) << 9) | (11 << 5) | 4; // 2025-11-04
  for (const [name, text] of Object.entries(files)) {
    const data = Buffer.from(text, 'utf8');
    const path = Buffer.from(name, 'utf8');
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // names are UTF-8
    local.writeUInt16LE(0, 8); // stored
    local.writeUInt16LE(DOS_TIME, 10);
    local.writeUInt16LE(DOS_DATE, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(path.length, 26);
    local.writeUInt16LE(0, 28);
    const entry = Buffer.alloc(46);
    entry.writeUInt32LE(0x02014b50, 0);
    entry.writeUInt16LE(20, 4);
    entry.writeUInt16LE(20, 6);
    entry.writeUInt16LE(0x0800, 8);
    entry.writeUInt16LE(0, 10);
    entry.writeUInt16LE(DOS_TIME, 12);
    entry.writeUInt16LE(DOS_DATE, 14);
    entry.writeUInt32LE(crc, 16);
    entry.writeUInt32LE(data.length, 20);
    entry.writeUInt32LE(data.length, 24);
    entry.writeUInt16LE(path.length, 28);
    entry.writeUInt32LE(offset, 42);
    locals.push(local, path, data);
    central.push(entry, path);
    offset += local.length + path.length + data.length;
  }
  const dir = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(Object.keys(files).length, 8);
  end.writeUInt16LE(Object.keys(files).length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

export const txtExportZip = (lang: Lang) => zipOf(txtExportFiles(lang));

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const dir = join(fileURLToPath(new URL('..', import.meta.url)), 'fixtures', 'tiktok');
  for (const lang of ['en', 'nl'] as const)
    writeFileSync(join(dir, `txt-2025-${lang}.zip`), txtExportZip(lang));
}
