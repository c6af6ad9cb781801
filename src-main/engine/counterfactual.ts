// Counterfactual replay: change the past (remove or alter events, switch a rule off) and diff the
// outcome against the original, at the original's slate times so the two line up.
import type { FeedEvent } from '../domain/types';
import { resolveConfig, type ConfigInput, type EngineConfig } from './config';
import { compareStrings, isoUtc, round } from './format';
import { replay, type ReplayInput, type ReplayResult } from './replay';
import { eventDims } from './store';

/**
 * remove: drop an event (an un-like is "remove the like"; a search or follow removed likewise).
 * alter: change fields of an event (a finish turned into a skip: `{kind: 'skip'}` or
 * `{watchRatio: 0.05}`).
 */
export type Edit =
  | { op: 'remove'; eventId: string }
  | {
      op: 'alter';
      eventId: string;
      set: Partial<
        Pick<FeedEvent, 'kind' | 'watchRatio' | 'watchS' | 'evidence' | 'level' | 'target' | 'atMs'>
      >;
    };

export type ProfileDiff = { dim: string; base: number; alt: number; diff: number };
export type RankMove = { itemId: string; from: number; to: number };

export type PointDiff = {
  at: string;
  atMs: number;
  baseSlateId: string;
  altSlateId: string;
  entered: string[];
  left: string[];
  moved: RankMove[];
  /** Largest profile differences at this time (by |diff|, ties by key), and how many differ. */
  profile: ProfileDiff[];
  profileDimsChanged: number;
};

export type CounterfactualResult = {
  edits: Edit[];
  configPatch: ConfigInput;
  missing: string[];
  points: PointDiff[];
  base: ReplayResult;
  alt: ReplayResult;
};

/** Applies edits to an event log; returns the new log and the event ids that were not found. */
export function applyEdits(
  events: readonly FeedEvent[],
  edits: readonly Edit[],
): { events: FeedEvent[]; missing: string[] } {
  // One set lookup per event: a million-event log is not indexed by id for a handful of edits.
  const edited = new Set(edits.map((e) => e.eventId));
  const removed = new Set(edits.filter((e) => e.op === 'remove').map((e) => e.eventId));
  const found = new Set<string>();
  const out: FeedEvent[] = [];
  for (const event of events) {
    if (!edited.has(event.id)) {
      out.push(event);
      continue;
    }
    found.add(event.id);
    if (removed.has(event.id)) continue;
    let next = event;
    for (const edit of edits)
      if (edit.op === 'alter' && edit.eventId === event.id) next = { ...next, ...edit.set };
    out.push(next);
  }
  const missing = [...edited].filter((id) => !found.has(id)).sort(compareStrings);
  return { events: out, missing };
}

/**
 * Replays the original and the edited log (with `configPatch` over the config) at the original's
 * slate times, and diffs each slate (entered, left, rank moves) and the profile (top `topDims`).
 */
export function counterfactual(
  input: ReplayInput & { edits: readonly Edit[]; configPatch?: ConfigInput; topDims?: number },
): CounterfactualResult {
  const base = replay({ ...input, snapshots: true });
  const { events, missing } = applyEdits(input.events, input.edits);
  const altConfig: EngineConfig = input.configPatch
    ? resolveConfig(mergeConfig(input.config, input.configPatch))
    : input.config;
  const times: number[] = base.times;
  const alt = replayAt({ ...input, events, config: altConfig }, times);
  const points: PointDiff[] = [];
  const topDims = input.topDims ?? 20;
  base.slates.forEach((bs, s) => {
    const as = alt.slates[s]!;
    const t = base.times[s]!;
    const { entered, left, moved } = diffSlates(bs.raw.itemIds, as.raw.itemIds);
    const diff = profileDiff(base.profiles![s]!, alt.profiles![s]!);
    points.push({
      at: isoUtc(t),
      atMs: t,
      baseSlateId: bs.trace.slateId,
      altSlateId: as.trace.slateId,
      entered,
      left,
      moved,
      profile: diff.slice(0, topDims),
      profileDimsChanged: diff.length,
    });
  });
  return {
    edits: [...input.edits],
    configPatch: input.configPatch ?? {},
    missing,
    points,
    base,
    alt,
  };
}

/** Videos that entered and left the slate, and those that moved (ranks from 1), in slate order. */
export function diffSlates(
  base: readonly string[],
  alt: readonly string[],
): { entered: string[]; left: string[]; moved: RankMove[] } {
  const baseRanks = new Map(base.map((id, i) => [id, i + 1]));
  const altRanks = new Map(alt.map((id, i) => [id, i + 1]));
  const moved: RankMove[] = [];
  base.forEach((itemId, i) => {
    const to = altRanks.get(itemId);
    if (to !== undefined && to !== i + 1) moved.push({ itemId, from: i + 1, to });
  });
  return {
    entered: alt.filter((id) => !baseRanks.has(id)),
    left: base.filter((id) => !altRanks.has(id)),
    moved,
  };
}

function replayAt(input: ReplayInput, times: number[]): ReplayResult {
  return replay({ ...input, points: { kind: 'times', atMs: times }, snapshots: true });
}

export function mergeConfig(config: EngineConfig, patch: ConfigInput): ConfigInput {
  const out: Record<string, unknown> = { ...config };
  for (const [k, v] of Object.entries(patch)) {
    const base = (config as Record<string, unknown>)[k];
    out[k] =
      base &&
      typeof base === 'object' &&
      !Array.isArray(base) &&
      v &&
      typeof v === 'object' &&
      !Array.isArray(v)
        ? { ...base, ...v }
        : v;
  }
  return out as ConfigInput;
}

/** Dimensions whose values differ between two snapshots, largest |diff| first, ties by key. */
export function profileDiff(
  a: ReadonlyMap<string, number>,
  b: ReadonlyMap<string, number>,
): ProfileDiff[] {
  const keys = new Set([...a.keys(), ...b.keys()]);
  const out: ProfileDiff[] = [];
  for (const dim of keys) {
    const x = a.get(dim) ?? 0;
    const y = b.get(dim) ?? 0;
    if (Math.abs(x - y) > 1e-12)
      out.push({ dim, base: round(x), alt: round(y), diff: round(y - x) });
  }
  out.sort((p, q) => Math.abs(q.diff) - Math.abs(p.diff) || compareStrings(p.dim, q.dim));
  return out;
}

/** Every dimension's value at time t, read from the delta log (events with atMs < t). */
export function valuesAt(
  result: ReplayResult,
  t: number,
  config: EngineConfig,
): Map<string, number> {
  const v = result.viewer;
  const log = v.log;
  const last = new Map<number, { after: number; atMs: number }>();
  for (let e = 0; e < v.applied && v.events[e]!.atMs < t; e++) {
    const dims = eventDims(log, v.events, e);
    for (let c = log.eventStart[e]!; c < log.eventStart[e + 1]!; c++)
      last.set(dims[c - log.eventStart[e]!]!, { after: log.after[c]!, atMs: v.events[e]!.atMs });
  }
  const out = new Map<string, number>();
  const h = config.halfLifeDays * 86_400_000;
  for (const [id, { after, atMs }] of last) {
    out.set(v.store.dims.key(id), atMs === t ? after : after * Math.pow(0.5, (t - atMs) / h));
  }
  return out;
}
