// The section of a TXT file whose name we do not know (a language we have no source for, a file
// renamed), told from its first records' keys and values (docs/IMPORT.md, "By shape"). Known key
// names decide first; then what the values look like. Date + video links is the one shape that
// several sections share (watch history, likes, favourite videos): the person is asked.
import type { Section } from './tiktok-records';
import { keyForm, TXT_KEYS } from './txt-names';

export type RawRecord = { fields: [key: string, value: string][]; line: number };

export type Shape = {
  section: Section | 'video-links';
  /** Raw key as written → the name the collector reads (`Date`, `Link`, `SearchTerm`, ...). */
  keys: Map<string, string>;
};

type ValueClass = 'none' | 'date' | 'video' | 'link' | 'handle' | 'text';

const DATE = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}(?: UTC)?$/;
const VIDEO = /^https?:\/\/\S*\/(?:video|v)\/\d{1,19}(?:\D|$)/;
// TikTok user names: letters, digits, "_" and ".", at most 24 characters.
const HANDLE = /^[\p{L}\p{N}_.]{2,24}$/u;
const NONE = new Set(['', 'n/a', 'n.v.t.', 'none', 'null']);

function classify(value: string): ValueClass {
  const v = value.trim();
  if (NONE.has(v.toLowerCase())) return 'none';
  if (DATE.test(v)) return 'date';
  if (VIDEO.test(v)) return 'video';
  if (/^https?:\/\//.test(v)) return 'link';
  if (HANDLE.test(v)) return 'handle';
  return 'text';
}

/** One class per key over all its values: a mix of video and other links is a link, and so on. */
function classOfKey(values: readonly string[]): ValueClass {
  const seen = new Set(values.map(classify));
  seen.delete('none');
  if (seen.size === 0) return 'none';
  if (seen.size === 1) return [...seen][0]!;
  if ([...seen].every((c) => c === 'video' || c === 'link')) return 'link';
  if ([...seen].every((c) => c === 'handle' || c === 'text')) return 'text';
  return 'text';
}

/** Free text that reads as comments rather than search terms: long, or over several lines. */
function looksLikeComments(values: readonly string[]): boolean {
  const texts = values.filter((v) => classify(v) !== 'none');
  const mean = texts.reduce((sum, v) => sum + v.length, 0) / Math.max(1, texts.length);
  return texts.some((v) => v.includes('\n') || v.length > 80) || mean > 40;
}

export function shapeOf(sample: readonly RawRecord[]): Shape | null {
  const values = new Map<string, string[]>();
  for (const record of sample)
    for (const [key, value] of record.fields) {
      const list = values.get(key) ?? [];
      list.push(value);
      values.set(key, list);
    }
  const keys = new Map<string, string>();
  const known = new Set<string>();
  for (const key of values.keys()) {
    const name = TXT_KEYS[keyForm(key)];
    if (name !== undefined) {
      keys.set(key, name);
      known.add(name);
    }
  }
  // Key names we know say it outright, in any file. "Link" and the 2020 "Video Link" do not: the
  // 2020 browsing history, like list and favourites all wrote them.
  const byKey: [string, Section][] = [
    ['SearchTerm', 'search'],
    ['SharedContent', 'share'],
    ['Comment', 'comment'],
    ['EffectLink', 'favorite-effect'],
    ['UserName', 'follow'],
  ];
  for (const [name, section] of byKey) if (known.has(name)) return { section, keys };

  const classes = new Map<string, ValueClass>();
  for (const [key, list] of values)
    classes.set(key, keys.get(key) === 'Date' ? 'date' : classOfKey(list));
  const of = (c: ValueClass) => [...classes].filter(([, k]) => k === c).map(([key]) => key);
  const dates = of('date');
  if (dates.length !== 1) return null;
  keys.set(dates[0]!, 'Date');
  const videos = of('video');
  const links = [...videos, ...of('link')];
  const handles = of('handle');
  const texts = of('text');

  if (links.length === 1 && handles.length === 0 && texts.length === 0) {
    keys.set(links[0]!, 'Link');
    if (videos.length === 1) return { section: 'video-links', keys };
    const all = values.get(links[0]!)!.filter((v) => classify(v) !== 'none');
    const kind = (part: string) => all.length > 0 && all.every((v) => v.includes(part));
    if (kind('/music/')) return { section: 'favorite-sound', keys };
    if (kind('/tag/')) return { section: 'favorite-hashtag', keys };
    if (kind('/effect/')) return { section: 'favorite-effect', keys };
    return null;
  }
  // Date, what was shared, a link and how (Share History: four fields).
  if (links.length === 1 && texts.length + handles.length === 2) {
    keys.set(links[0]!, 'Link');
    return { section: 'share', keys };
  }
  if (links.length === 0 && texts.length === 0 && handles.length === 1) {
    keys.set(handles[0]!, 'UserName');
    return { section: 'follow', keys };
  }
  const words = [...texts, ...handles];
  if (words.length === 1 && links.length <= 1) {
    const list = values.get(words[0]!)!;
    if (links.length === 1 || looksLikeComments(list)) {
      keys.set(words[0]!, 'Comment');
      if (links.length === 1) keys.set(links[0]!, 'Url');
      return { section: 'comment', keys };
    }
    keys.set(words[0]!, 'SearchTerm');
    return { section: 'search', keys };
  }
  return null;
}
