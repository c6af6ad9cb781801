// Generates a real-shaped G3 TikTok export as people share it after editing it by hand, and its
// metadata file: fixtures/tiktok/hand-edited/ (README beside the fixtures lists what each holds).
// Synthetic, deterministic (no clock, no randomness): `npx tsx scripts/make-hand-edited-export.ts`
// rewrites the files, test/import/hand-edited.test.ts checks they equal these bytes.
//   user_data_tiktok.json  trailing commas (after a record, inside one), a Favorite Videos record
//                          cut off before its list's end, a 2015 (musical.ly) date in the Block
//                          List, a watch whose link names no video, two keys this version does not
//                          know, an Activity Summary and For You keyword filters
//   cut-off.json           the same file cut in the middle of the watch history
//   meta.csv               durations and captions for the watched videos, and unseen cooking videos
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const pad = (n: number) => String(n).padStart(2, '0');
const tiktokDate = (s: number) => {
  const d = new Date(s * 1000);
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
};
/** A video id whose upper 32 bits are its creation time (three days before `atS`). */
const videoId = (atS: number, k: number) =>
  ((BigInt(atS - 3 * 86_400) << 32n) | BigInt(k)).toString();
const link = (id: string) => `https://www.tiktokv.com/share/video/${id}/`;

const SESSIONS = [Date.UTC(2025, 2, 14, 19, 0, 0) / 1000, Date.UTC(2025, 2, 15, 8, 0, 0) / 1000];
const PER_SESSION = 25;
const GAPS = [6, 9, 12, 15, 20];
/** Captions of the watched videos, in turn (topics the taxonomy maps). */
const CAPTIONS = [
  'my cat vs the vacuum #cats #pets',
  'last minute winner #football #premierleague',
  'morning run, 5k done #running #fitness',
  'street food in Bangkok #travel #food',
  'new piano cover #piano #music',
];
/** Videos the person never saw, known only from the metadata file: their keyword filter drops them. */
const UNSEEN_COOKING = 6;

export type HandEdited = { json: string; cutOff: string; metaCsv: string };

export function makeHandEditedExport(): HandEdited {
  const watches: { atS: number; id: string }[] = [];
  SESSIONS.forEach((start, s) => {
    let at = start;
    for (let i = 0; i < PER_SESSION; i++) {
      watches.push({ atS: at, id: videoId(at, s * 100 + i) });
      at += GAPS[i % GAPS.length]!;
    }
  });
  const newestFirst = [...watches].reverse();
  const last = watches.at(-1)!.atS;
  const watchList = newestFirst.map((w) => ({ Date: tiktokDate(w.atS), Link: link(w.id) }));
  // A link that names a profile, not a video: the record is skipped, the rest of the list read.
  watchList.splice(7, 0, {
    Date: tiktokDate(last - 30),
    Link: 'https://www.tiktokv.com/share/user/6712345678901234567/',
  });
  const likes = [0, 3, 8].map((k) => ({
    date: tiktokDate(watches[k]!.atS + 2),
    link: link(watches[k]!.id),
  }));
  const favorites = [1, 4].map((k) => ({
    Date: tiktokDate(watches[k]!.atS + 3),
    Link: link(watches[k]!.id),
  }));
  const doc = {
    'Your Activity': {
      'Activity Summary': {
        ActivitySummaryMap: {
          videosCommentedOnSinceAccountRegistration: 3,
          videosSharedSinceAccountRegistration: 2,
          videosWatchedToTheEndSinceAccountRegistration: 5,
        },
      },
      'Watch History': { VideoList: watchList },
      'Like List': { ItemFavoriteList: likes },
      'Favorite Videos': { FavoriteVideoList: favorites },
      Following: {
        Following: [
          { Date: '2024-06-01 12:00:00', UserName: 'demo.chef' },
          { Date: '2023-02-11 18:30:00', UserName: 'demo.runner' },
        ],
      },
      Searches: { SearchList: [{ Date: tiktokDate(last - 600), SearchTerm: 'piano tutorial' }] },
      // Keys this version does not know: counted, never read (their text must not appear).
      Reposts: {
        RepostList: [1, 2, 3].map((k) => ({
          Date: tiktokDate(last - k * 60),
          Note: 'unknown-section-secret',
        })),
      },
    },
    'App Settings': {
      'Block List': {
        BlockList: [
          { Date: '2024-12-01 10:00:00', UserName: 'demo.spammer' },
          { Date: '2015-08-20 14:03:11', UserName: 'demo.oldmusically' },
        ],
      },
      Settings: {
        SettingsMap: {
          'Allow DownLoad': 'On',
          'Content Preferences': {
            'Keyword filters for videos in For You feed': ['cooking', 'prank'],
            'Keyword filters for videos in Following feed': ['golf'],
          },
          'Private Account': 'Off',
        },
      },
    },
    'Creator Rewards': {
      RewardList: [
        { Date: '2025-03-01 00:00:00', Amount: 'unknown-root-secret' },
        { Date: '2025-03-08 00:00:00', Amount: 'unknown-root-secret' },
      ],
    },
    'Direct Message': {
      'Direct Messages': {
        ChatHistory: { 'Chat History with demo.friend:': [{ Content: 'private-never-read' }] },
      },
    },
  };
  let json = `${JSON.stringify(doc, null, 2)}\n`;
  // Hand-edit damage, as people leave it after deleting lines in a text editor.
  json = json.replace(/("SearchTerm": "piano tutorial")\n/, '$1,\n');
  json = json.replace(/(\n {8}\})(\n {6}\]\n {4}\},\n {4}"Favorite Videos")/, '$1,$2');
  json = json.replace(
    /(\{\n {10}"Date": "[^"]+",\n {10}"Link": "[^"]+"\n {8}\})(\n {6}\]\n {4}\},\n {4}"Following")/,
    (_m, _record: string, end: string) =>
      `{\n          "Date": "${tiktokDate(watches[4]!.atS + 3)}",${end}`,
  );
  const lines = json.split('\n');
  const dateLine = (from: number) => lines.findIndex((l, i) => i >= from && l.includes('"Date"'));
  const cutAt = dateLine(lines.findIndex((l) => l.includes('"VideoList"')) + 60) + 1;
  const cutOff = `${lines.slice(0, cutAt).join('\n')}\n          "Link": "https://www.tikt`;
  const metaCsv = [
    'id,caption,creator,hashtags,sound,duration',
    ...watches.map((w, i) => {
      const caption = CAPTIONS[i % CAPTIONS.length]!;
      const tags = caption
        .split('#')
        .slice(1)
        .map((t) => t.trim())
        .join(' ');
      return `${w.id},"${caption}",@demo.maker${i % 7},${tags},demo sound ${i % 4},5`;
    }),
    ...Array.from({ length: UNSEEN_COOKING }, (_, k) => {
      const id = videoId(SESSIONS[1]! - 86_400, 900 + k);
      return `${id},"easy pasta in 10 minutes, part ${k + 1} #cooking #pasta",@demo.chef,cooking pasta,demo sound 9,30`;
    }),
  ].join('\n');
  return { json, cutOff, metaCsv: `${metaCsv}\n` };
}

export const HAND_EDITED_DIR = join(
  dirname(fileURLToPath(import.meta.url)),
  '../fixtures/tiktok/hand-edited',
);

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const out = makeHandEditedExport();
  mkdirSync(HAND_EDITED_DIR, { recursive: true });
  writeFileSync(join(HAND_EDITED_DIR, 'user_data_tiktok.json'), out.json);
  writeFileSync(join(HAND_EDITED_DIR, 'cut-off.json'), out.cutOff);
  writeFileSync(join(HAND_EDITED_DIR, 'meta.csv'), out.metaCsv);
  console.log(`wrote ${HAND_EDITED_DIR}`);
}
