// The names TikTok's TXT export gives its files and record keys, in every language we have a
// source for (docs/IMPORT.md, "Localized TXT exports", lists each with its source). English:
// docs/IMPORT.md and d3i-infra/data-donation-task's `txt_en` list; Dutch: the same project's
// `txt_nl` list and its key names (tiktok.py, tested 2026-06). A name we do not know is not an
// error: its records' shape decides (txt-shape.ts).
import type { Section } from './tiktok-records';

/** What a file's name says about it. */
export type TxtRoute =
  | { kind: 'section'; section: Section }
  /** A section that is no signal of taste (followers, logins, purchases...): listed, not read. */
  | { kind: 'not-read'; section: string }
  | { kind: 'activity-summary' }
  | { kind: 'settings' }
  | { kind: 'unknown' };

const SECTIONS: Record<string, Section> = {
  // English (docs/IMPORT.md; d3i txt_en)
  'browsing history': 'watch',
  'video browsing history': 'watch',
  'watch history': 'watch',
  'like list': 'like',
  'liked videos': 'like',
  'favorite videos': 'favorite-video',
  'favorite sounds': 'favorite-sound',
  'favorite hashtags': 'favorite-hashtag',
  'favorite effects': 'favorite-effect',
  'share history': 'share',
  searches: 'search',
  'search history': 'search',
  comments: 'comment',
  following: 'follow',
  'following list': 'follow',
  'block list': 'block',
  // The own posts' hashtags only name tag ids, within their own file (same name in Dutch).
  hashtag: 'own-hashtag',
  // Dutch (d3i txt_nl)
  kijkgeschiedenis: 'watch',
  likelijst: 'like',
  "favoriete video's": 'favorite-video',
  'favoriete geluiden': 'favorite-sound',
  'favoriete hashtags': 'favorite-hashtag',
  'favoriete effecten': 'favorite-effect',
  'geschiedenis delen': 'share',
  zoekopdrachten: 'search',
  reacties: 'comment',
  volgend: 'follow',
  blokkeringslijst: 'block',
};

/** Sections listed by d3i that say nothing about what the person wants to see. */
const NOT_READ: Record<string, string> = {
  follower: 'follower',
  'follower list': 'follower',
  volger: 'follower',
  'login history': 'login history',
  inloggeschiedenis: 'login history',
  posts: 'own posts',
  'recently deleted posts': 'own posts',
  reposts: 'reposts',
  herplaatsingen: 'reposts',
  status: 'status',
  'profile info': 'profile',
  profielinformatie: 'profile',
  profielweergaven: 'profile views',
  'ad interests': 'ads',
  'advertentie-interesses': 'ads',
  'off tiktok activity': 'off-TikTok activity',
  'off-tiktok activities': 'off-TikTok activity',
  'activiteit buiten tiktok': 'off-TikTok activity',
  'most recent location data': 'location',
  'meest recente locatiegegevens': 'location',
  purchases: 'purchases',
  aankopen: 'purchases',
  'transaction history': 'purchases',
  transactiegeschiedenis: 'purchases',
  donation: 'donations',
  donatie: 'donations',
  fundraiser: 'donations',
  fondsenwerving: 'donations',
  stickers: 'stickers',
  'favorite places': 'favourite places',
  'favoriete plaatsen': 'favourite places',
  'favorite comments': 'favourite comments',
  'favoriete reacties': 'favourite comments',
  'favorite collections': 'favourite collections',
  'favoriete collecties': 'favourite collections',
  'instant form ads responses': 'ads',
  'reacties op direct formulier-advertenties': 'ads',
};

const ACTIVITY_SUMMARY = new Set(['activity summary', 'samenvatting van activiteit']);
const SETTINGS = new Set(['settings', 'instellingen']);

/**
 * Words that make a file or folder private in English and Dutch (d3i: `Direct Messages`,
 * `Directe berichten.txt`, `Berichten.txt`, `Groepschat.txt`; docs/IMPORT.md: "Chat History"). A
 * match in any part of the path means the file is never opened, hashed or read. Matching too much
 * costs only a section nobody reads; matching too little would read a conversation.
 */
const PRIVATE =
  /\b(messages?|chats?|chat history|inbox|berichten|bericht|groepschat|chatgeschiedenis)\b/i;

/** Record keys as the TXT export writes them → the JSON names the collector reads. */
export const TXT_KEYS: Record<string, string> = {
  // English, both the 2020 and the later style (docs/IMPORT.md)
  date: 'Date',
  link: 'Link',
  videolink: 'VideoLink',
  hashtaglink: 'Link',
  hashtagname: 'HashtagName',
  soundlink: 'Link',
  effectlink: 'EffectLink',
  searchterm: 'SearchTerm',
  sharedcontent: 'SharedContent',
  method: 'Method',
  comment: 'Comment',
  username: 'UserName',
  url: 'Url',
  // Dutch (d3i tiktok.py)
  datum: 'Date',
  zoekterm: 'SearchTerm',
  gebruikersnaam: 'UserName',
  gedeeldeinhoud: 'SharedContent',
  methode: 'Method',
  reactie: 'Comment',
  hashtagnaam: 'HashtagName',
};

const forms = new Map<string, string>();

/** A key as written ("Search Term", "Gedeelde inhoud") → its lookup form in TXT_KEYS. */
export function keyForm(key: string): string {
  // Called for every line of a million-record file with a handful of distinct keys.
  let form = forms.get(key);
  if (form === undefined) {
    form = key.replace(/\s+/g, '').toLowerCase();
    if (forms.size < 1000) forms.set(key, form);
  }
  return form;
}

/** The file's own name, lower case, without `.txt`, with one kind of space and apostrophe. */
export function baseName(path: string): string {
  return path
    .split(/[/\\›]/)
    .at(-1)!
    .trim()
    .replace(/\.txt$/i, '')
    .trim()
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/\s+/g, ' ');
}

export function routeTxt(path: string): TxtRoute {
  const name = baseName(path);
  if (Object.hasOwn(SECTIONS, name)) return { kind: 'section', section: SECTIONS[name]! };
  if (Object.hasOwn(NOT_READ, name)) return { kind: 'not-read', section: NOT_READ[name]! };
  if (ACTIVITY_SUMMARY.has(name)) return { kind: 'activity-summary' };
  if (SETTINGS.has(name)) return { kind: 'settings' };
  return { kind: 'unknown' };
}

/** Whether any part of a path (folder or file) names messages or a chat: never opened. */
export function isPrivatePath(path: string): boolean {
  return path
    .split(/[/\\›]/)
    .some((part) => PRIVATE.test(part.replace(/\.[a-z0-9]{1,5}$/i, '').replace(/[_-]/g, ' ')));
}
