// Controls: follows, "not interested" suppressions, keyword filters and topic sliders. They steer
// candidate generation and re-ranking; they are not profile signals (keyword filters and sliders
// never move a weight). Each change is logged like a profile change.
import type { Evidence, FeedEvent, Item } from '../domain/types';
import type { EngineConfig } from './config';
import { dimKey } from './dims';
import { creatorOf } from './signals';

export type Controls = {
  /** creator → when followed (epoch ms). */
  followed: Map<string, number>;
  /** `creator:x` / `sound:y` → time of the last "not interested". */
  suppressed: Map<string, number>;
  /** Lower-case keywords, in the order added. */
  keywords: string[];
  /** keyword → the event that set it and its evidence, so a removal can say whose filter it was. */
  keywordSources: Map<string, { eventId: string; evidence: Evidence }>;
  /** topic id → slider level (0 least, 1 neutral, 2 most). */
  topicLevels: Map<string, number>;
};

export type ControlChange = {
  control: 'followed' | 'suppressed' | 'keyword' | 'topic-level';
  key: string;
  /** Previous value (time, level, or null when absent). */
  before: number | null;
  after: number | null;
  note?: string;
};

/** The shared "no change" answer (never mutated), so most events allocate nothing here. */
const NONE: ControlChange[] = Object.freeze([]) as unknown as ControlChange[];

export const emptyControls = (): Controls => ({
  followed: new Map(),
  suppressed: new Map(),
  keywords: [],
  keywordSources: new Map(),
  topicLevels: new Map(),
});

export const cloneControls = (c: Controls): Controls => ({
  followed: new Map(c.followed),
  suppressed: new Map(c.suppressed),
  keywords: [...c.keywords],
  keywordSources: new Map(c.keywordSources),
  topicLevels: new Map(c.topicLevels),
});

/** Applies an event's control changes in place and returns them. Exhaustive over EventKind. */
export function applyControls(
  c: Controls,
  event: FeedEvent,
  item: Item | undefined,
  config: EngineConfig,
): ControlChange[] {
  switch (event.kind) {
    case 'follow':
    case 'unfollow': {
      const creator = creatorOf(event, item);
      if (!creator) return [];
      const before = c.followed.get(creator) ?? null;
      if (event.kind === 'follow') c.followed.set(creator, event.atMs);
      else c.followed.delete(creator);
      return [
        { control: 'followed', key: creator, before, after: c.followed.get(creator) ?? null },
      ];
    }
    case 'not-interested': {
      const keys: string[] = [];
      if (event.target?.type === 'creator' || event.target?.type === 'sound')
        keys.push(dimKey(event.target.type, event.target.value));
      else {
        if (item?.creator) keys.push(dimKey('creator', item.creator));
        if (item?.sound) keys.push(dimKey('sound', item.sound));
      }
      return keys.map((key) => {
        const before = c.suppressed.get(key) ?? null;
        c.suppressed.set(key, event.atMs);
        return { control: 'suppressed', key, before, after: event.atMs };
      });
    }
    case 'keyword-filter': {
      const word = (event.target?.value ?? '').trim().toLowerCase();
      if (!word || c.keywords.includes(word)) return [];
      if (c.keywords.length >= config.maxKeywordFilters) {
        return [
          {
            control: 'keyword',
            key: word,
            before: null,
            after: null,
            note: `ignored: TikTok allows at most ${config.maxKeywordFilters} keyword filters`,
          },
        ];
      }
      c.keywords.push(word);
      c.keywordSources.set(word, { eventId: event.id, evidence: event.evidence });
      return [{ control: 'keyword', key: word, before: null, after: 1 }];
    }
    case 'topic-control': {
      const topic = event.target?.value;
      if (!topic || event.level === null) return [];
      const level = Math.min(2, Math.max(0, event.level));
      const before = c.topicLevels.get(topic) ?? null;
      c.topicLevels.set(topic, level);
      return [{ control: 'topic-level', key: topic, before, after: level }];
    }
    case 'impression':
    case 'watch':
    case 'rewatch':
    case 'like':
    case 'unlike':
    case 'favorite':
    case 'share':
    case 'comment':
    case 'search':
    case 'skip':
      return NONE;
    default: {
      const never: never = event.kind;
      throw new Error(`Unknown event kind ${String(never)}`);
    }
  }
}
