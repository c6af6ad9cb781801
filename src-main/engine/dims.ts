// Interpretable profile dimensions: `topic:<id>`, `hashtag:<tag>`, `creator:<handle>`,
// `sound:<id>`, `language:<code>`, `duration:<short|medium|long>`, `search:<term>`, `effect:<id>`. Keys are what traces show;
// integer ids are an internal index and never reach the output.
import { foldText } from '../domain/taxonomy';
import type { Item } from '../domain/types';
import { DIM_TYPES, type DimType } from './config';

export const DIM_TYPE_CODE: Record<DimType, number> = {
  topic: 0,
  hashtag: 1,
  creator: 2,
  sound: 3,
  language: 4,
  duration: 5,
  search: 6,
  effect: 7,
};

export const dimKey = (type: DimType, value: string): string => `${type}:${value}`;

export function dimTypeOf(key: string): DimType {
  const type = key.slice(0, key.indexOf(':')) as DimType;
  return DIM_TYPES.includes(type) ? type : 'topic';
}

/** OURS: duration buckets for the duration-fit feature (TikTok's own tabs use similar cuts). */
export function durationBucket(durationS: number | null): string | null {
  if (durationS === null || !(durationS > 0)) return null;
  return durationS < 15 ? 'short' : durationS < 60 ? 'medium' : 'long';
}

export const normaliseHashtag = (tag: string): string => tag.replace(/^#/, '').toLowerCase();

/**
 * A search term as a dimension value: folded as the taxonomy folds words (lower case, accents off:
 * "Gündem" and "gundem" are one search), trimmed, inner whitespace collapsed to one space.
 */
export const normaliseSearchTerm = (query: string): string =>
  foldText(query).trim().replace(/\s+/gu, ' ');

export type ItemDim = {
  key: string;
  type: DimType;
  /** 1 / (number of dims of this type on the item) */ split: number;
};

/**
 * The dimensions an item-level signal touches, in a fixed order (topics, hashtags, creator, sound,
 * language, duration), duplicates removed. A signal of amount A moves dimension d by
 * A · factor · dimensionShare[type(d)] · split(d).
 */
export function itemDims(item: Item): ItemDim[] {
  const out: ItemDim[] = [];
  const topics = unique(item.topics);
  for (const t of topics)
    out.push({ key: dimKey('topic', t), type: 'topic', split: 1 / topics.length });
  const tags = unique(item.hashtags.map(normaliseHashtag).filter((t) => t.length > 0));
  for (const t of tags)
    out.push({ key: dimKey('hashtag', t), type: 'hashtag', split: 1 / tags.length });
  if (item.creator) out.push({ key: dimKey('creator', item.creator), type: 'creator', split: 1 });
  if (item.sound) out.push({ key: dimKey('sound', item.sound), type: 'sound', split: 1 });
  if (item.language)
    out.push({ key: dimKey('language', item.language.toLowerCase()), type: 'language', split: 1 });
  const bucket = durationBucket(item.durationS);
  if (bucket) out.push({ key: dimKey('duration', bucket), type: 'duration', split: 1 });
  return out;
}

function unique(values: readonly string[]): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const v of values) {
    if (!seen.has(v)) {
      seen.add(v);
      out.push(v);
    }
  }
  return out;
}

/** A read-only base table of dimension keys (built with a catalogue). */
export type DimTable = {
  readonly ids: ReadonlyMap<string, number>;
  readonly keys: readonly string[];
  /** DIM_TYPE_CODE of each dimension. */
  readonly types: Uint8Array;
};

/** A dimension index: the catalogue's table plus dimensions met during a replay (follows, searches). */
export type DimSpace = {
  find(key: string): number;
  intern(key: string): number;
  key(id: number): string;
  /** The dimension's DIM_TYPE_CODE. */
  type(id: number): number;
  size(): number;
};

export function createDimSpace(base: DimTable): DimSpace {
  const extraIds = new Map<string, number>();
  const extraKeys: string[] = [];
  const extraTypes: number[] = [];
  const baseSize = base.keys.length;
  const find = (key: string): number => base.ids.get(key) ?? extraIds.get(key) ?? -1;
  return {
    find,
    intern(key) {
      const id = find(key);
      if (id >= 0) return id;
      const next = baseSize + extraKeys.length;
      extraIds.set(key, next);
      extraKeys.push(key);
      extraTypes.push(DIM_TYPE_CODE[dimTypeOf(key)]);
      return next;
    },
    key: (id) => (id < baseSize ? base.keys[id]! : extraKeys[id - baseSize]!),
    type: (id) => (id < baseSize ? base.types[id]! : extraTypes[id - baseSize]!),
    size: () => baseSize + extraKeys.length,
  };
}
