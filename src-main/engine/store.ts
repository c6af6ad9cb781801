// The fast, mutable side of the profile, used inside a replay fold: weights in typed arrays
// indexed by dimension id, and every delta recorded compactly (struct of arrays) so a million
// events fit in a few hundred MB. It computes exactly what profile.ts's pure `applySignal` does
// (same functions, same order of operations); test/engine/properties.test.ts proves it.
// Speed (docs/PERFORMANCE.md, "Engine"): on the VMs we run on, the first write to a fresh page of
// the log costs about as much as the arithmetic of the update itself, so the log stores as few
// bytes per change as it can: 10, `after` (8) and the gap back to the dimension's previous change
// (2); the dimension of an item-level change is not stored but read back from the catalogue,
// which lists the item's dimensions in change order.
import type { FeedEvent, Item } from '../domain/types';
import { DIM_TYPES, halfLifeMs, type EngineConfig } from './config';
import { applyControls, emptyControls, type ControlChange, type Controls } from './controls';
import type { PreparedCatalogue } from './catalogue';
import { createDimSpace, type DimSpace } from './dims';
import type { DeltaChange, DimValue, ProfileDelta, UserState } from './profile';
import {
  decay,
  itemSignalAmount,
  itemSignalReason,
  noChangeReason,
  REASON_CODE,
  REASONS,
  signalPlan,
} from './signals';

export type ProfileStore = {
  dims: DimSpace;
  w: Float64Array;
  at: Float64Array;
  /** Dimension ids in first-touch order. */
  touched: number[];
  has: Uint8Array;
  /** Per dimension: 1 + index of its last change in the delta log (0 = none). */
  last: Int32Array;
  controls: Controls;
  /** Time of the last applied event, NaN before any (a number, so storing it allocates nothing). */
  lastAtMs: number;
  /** Whether the last applied event was a positive item-level signal (for co-engagement). */
  lastPositive: boolean;
};

export type DeltaLog = {
  /**
   * Whether each change is written (prevGap, after). Off for a replay that only needs the state
   * at some times (a feed's, a what-if's): the changes are still counted, so `last` stays the
   * same, but the log's largest arrays are never filled (docs/PERFORMANCE.md, "Checkpoints").
   */
  record: boolean;
  /** Events recorded. */
  length: number;
  /** CSR: event e's changes are [eventStart[e], eventStart[e + 1]). */
  eventStart: Int32Array;
  changes: number;
  /**
   * The dimensions of the events that name them (follow, search, not interested): rare. Any other
   * event's changes are its item's dimensions in the catalogue's order, minus the types whose
   * share is 0 (`eventDims` reads them back): not storing a dimension per change saves 4 of 16
   * bytes per change (see the header).
   */
  named: Map<number, number[]>;
  /** What `eventDims` needs: the catalogue's items and per-item dimension lists, the shares. */
  source: {
    indexOf: ReadonlyMap<string, number>;
    dimStart: Int32Array;
    dimId: Int32Array;
    dimType: Uint8Array;
    shares: Float64Array;
  };
  /**
   * The previous change of the same dimension (−1 for its first). `before` is not stored: it is
   * recomputed on read as decay(after[prev], t_prev, t) — the very computation done when writing,
   * so it is bit-identical — which keeps a million events' log smaller (memory is what costs).
   */
  prevGap: Uint16Array;
  /** The changes whose previous change is FAR or more back: change indices (rising) and prev. */
  far: { n: number; change: Int32Array; prev: Int32Array };
  after: Float64Array;
  /** The reason code of each event's changes (one per event: all its changes share it). */
  eventReason: Uint8Array;
  /** Control changes by event index (rare, so kept sparse). */
  controls: Map<number, ControlChange[]>;
  /** With evidence tracking: per dimension, the events behind it (see DimTop). */
  evidence: { n: number; top: (DimTop | undefined)[]; count: number[] } | null;
};

export function createStore(catalogue: PreparedCatalogue): ProfileStore {
  const cap = Math.max(16, catalogue.dims.keys.length);
  return {
    dims: createDimSpace(catalogue.dims),
    w: new Float64Array(cap),
    at: new Float64Array(cap),
    has: new Uint8Array(cap),
    last: new Int32Array(cap),
    touched: [],
    controls: emptyControls(),
    lastAtMs: Number.NaN,
    lastPositive: false,
  };
}

/**
 * The n changes of one dimension with the largest decayed magnitude |Δ_e| · 0.5^((t − t_e)/h).
 * All changes of a dimension decay at the same rate, so their order does not depend on t: it is
 * the order of log|Δ_e| + t_e · ln2/h, which is kept up to date as changes arrive (flat triples
 * key, event index, Δ; largest key first, ties to the newer event).
 */
export type DimTop = number[];

export function createDeltaLog(
  catalogue: PreparedCatalogue,
  shares: Float64Array,
  eventCapacity: number,
  changeCapacity: number,
  trackEvidence: boolean,
  topEvents = 3,
  record = true,
): DeltaLog {
  const { indexOf, dimStart, dimId, dimType } = catalogue;
  if (!record) changeCapacity = 0;
  return {
    record,
    length: 0,
    eventStart: new Int32Array(eventCapacity + 1),
    named: new Map(),
    source: { indexOf, dimStart, dimId, dimType, shares },
    changes: 0,
    prevGap: new Uint16Array(changeCapacity),
    far: { n: 0, change: new Int32Array(1024), prev: new Int32Array(1024) },
    after: new Float64Array(changeCapacity),
    eventReason: new Uint8Array(eventCapacity),
    controls: new Map(),
    evidence: trackEvidence ? { n: topEvents, top: [], count: [] } : null,
  };
}

/**
 * Room for the changes a replay will record: events × the most dimensions an item has (at least
 * 4). Only written entries cost memory (untouched pages are never faulted in); more grows.
 */
export function estimateChanges(
  events: readonly FeedEvent[],
  catalogue: PreparedCatalogue,
): number {
  let most = 4;
  for (let i = 0; i < catalogue.size; i++)
    most = Math.max(most, catalogue.dimStart[i + 1]! - catalogue.dimStart[i]!);
  return events.length * most;
}

function ensureDim(store: ProfileStore, id: number): void {
  if (id < store.w.length) return;
  const cap = Math.max(id + 1, store.w.length * 2);
  const grow = <T extends Float64Array | Uint8Array | Int32Array>(
    a: T,
    make: (n: number) => T,
  ): T => {
    const b = make(cap);
    b.set(a);
    return b;
  };
  store.w = grow(store.w, (n) => new Float64Array(n));
  store.last = grow(store.last, (n) => new Int32Array(n));
  store.at = grow(store.at, (n) => new Float64Array(n));
  store.has = grow(store.has, (n) => new Uint8Array(n));
}

function ensureChanges(log: DeltaLog, need: number): void {
  if (need <= log.after.length) return;
  const cap = Math.max(need, Math.ceil(log.after.length * 1.5) + 16);
  const prevGap = new Uint16Array(cap);
  prevGap.set(log.prevGap);
  const after = new Float64Array(cap);
  after.set(log.after);
  log.prevGap = prevGap;
  log.after = after;
}

function ensureEvents(log: DeltaLog, need: number): void {
  if (need + 1 <= log.eventStart.length) return;
  const next = new Int32Array(Math.max(need + 1, log.eventStart.length * 2));
  next.set(log.eventStart);
  log.eventStart = next;
  const reasons = new Uint8Array(next.length);
  reasons.set(log.eventReason);
  log.eventReason = reasons;
}

/**
 * Applies event number `eventIndex` in place and records its delta. Same formula as applySignal.
 * Returns the item's catalogue index (−1 when the event has no known item).
 */
export function applyToStore(
  store: ProfileStore,
  log: DeltaLog,
  event: FeedEvent,
  eventIndex: number,
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  shares: Float64Array,
): number {
  const itemIndex = event.itemId === null ? -1 : (catalogue.indexOf.get(event.itemId) ?? -1);
  const item: Item | undefined = itemIndex >= 0 ? catalogue.items[itemIndex] : undefined;
  const factor = config.evidenceFactor[event.evidence];
  const h = halfLifeMs(config);
  ensureEvents(log, eventIndex + 1);
  log.eventStart[eventIndex] = log.changes;
  const t = event.atMs;
  // Item-level signals (most events) take the allocation-free path; the rest build a plan.
  const amount = itemSignalAmount(event, item, config);
  if (amount !== null && itemIndex >= 0) {
    log.eventReason[eventIndex] = REASON_CODE[itemSignalReason(event, item)];
    // The hot loop, inlined here rather than called so that its number arguments are not boxed.
    // Every dimension of the item moves by itemChangeAmount(amount, factor, share, split) =
    // amount · factor · share · split, evaluated left to right like that function (so hoisting
    // `amount · factor` changes no rounding). Per change it writes the weight, the time, `prev`
    // and `after`, nothing else; room is reserved once per event, not once per change.
    const start = catalogue.dimStart[itemIndex]!;
    const end = catalogue.dimStart[itemIndex + 1]!;
    let c = log.changes;
    const record = log.record;
    if (record && c + end - start > log.after.length) ensureChanges(log, c + end - start);
    const { dimId, dimType, dimSplit } = catalogue;
    const { w, at, last } = store;
    const { prevGap, after: afters, evidence } = log;
    const scaled = amount * factor;
    let irregular = false;
    for (let p = start; p < end; p++) {
      const share = shares[dimType[p]!]!;
      const change = scaled * share * dimSplit[p]!;
      if (change === 0) {
        // eventDims skips zero shares too; any other zero (underflow) is named explicitly below.
        if (share !== 0 && scaled !== 0) irregular = true;
        continue;
      }
      // Catalogue dimensions are below the store's initial capacity: no ensureDim here.
      const id = dimId[p]!;
      const l = last[id]!;
      let before = 0;
      if (l !== 0) before = decay(w[id]!, at[id]!, t, h);
      else firstTouch(store, id);
      const after = before + change;
      w[id] = after;
      at[id] = t;
      if (record) {
        const gap = l === 0 ? 0 : c - l + 1;
        if (gap < FAR) prevGap[c] = gap;
        else notePrev(log, c, l - 1);
        afters[c] = after;
      }
      last[id] = c + 1;
      if (evidence) noteEvidence(evidence, id, eventIndex, after - before, t, h);
      c++;
    }
    log.changes = c;
    if (irregular) log.named.set(eventIndex, itemDimsMoved(catalogue, itemIndex, scaled, shares));
  } else if (amount === null) {
    const plan = signalPlan(event, item, config);
    if (plan.scope === 'dims') {
      log.eventReason[eventIndex] = REASON_CODE[plan.reason];
      const dims: number[] = [];
      for (const target of plan.targets) {
        const id = store.dims.intern(target.key);
        if (moveDim(store, log, id, target.amount * factor, t, h, eventIndex)) dims.push(id);
      }
      if (dims.length > 0) log.named.set(eventIndex, dims);
    }
  }
  const controlChanges = applyControls(store.controls, event, item, config);
  if (controlChanges.length > 0) log.controls.set(eventIndex, controlChanges);
  log.length = Math.max(log.length, eventIndex + 1);
  log.eventStart[eventIndex + 1] = log.changes;
  store.lastAtMs = t;
  store.lastPositive = amount !== null && amount > 0 && factor > 0;
  return itemIndex;
}

/** The item's dimensions an item-level change of `scaled` (amount · factor) moved. */
function itemDimsMoved(
  catalogue: PreparedCatalogue,
  itemIndex: number,
  scaled: number,
  shares: Float64Array,
): number[] {
  const dims: number[] = [];
  for (let p = catalogue.dimStart[itemIndex]!; p < catalogue.dimStart[itemIndex + 1]!; p++)
    if (scaled * shares[catalogue.dimType[p]!]! * catalogue.dimSplit[p]! !== 0)
      dims.push(catalogue.dimId[p]!);
  return dims;
}

function firstTouch(store: ProfileStore, id: number): void {
  store.has[id] = 1;
  store.touched.push(id);
}

/** One recorded change of a named dimension: before = w · 0.5^((t − at)/h), after = before + amount. */
function moveDim(
  store: ProfileStore,
  log: DeltaLog,
  id: number,
  amount: number,
  t: number,
  h: number,
  eventIndex: number,
): boolean {
  if (amount === 0) return false;
  ensureDim(store, id);
  let before = 0;
  if (store.has[id]) before = decay(store.w[id]!, store.at[id]!, t, h);
  else firstTouch(store, id);
  const after = before + amount;
  store.w[id] = after;
  store.at[id] = t;
  const c = log.changes;
  if (log.record) {
    if (c + 1 > log.after.length) ensureChanges(log, c + 1);
    const l = store.last[id]!;
    const gap = l === 0 ? 0 : c - l + 1;
    if (gap < FAR) log.prevGap[c] = gap;
    else notePrev(log, c, l - 1);
    log.after[c] = after;
  }
  store.last[id] = c + 1;
  log.changes = c + 1;
  if (log.evidence) noteEvidence(log.evidence, id, eventIndex, after - before, t, h);
  return true;
}

/** The dimension of each of event e's changes, in order. */
export function eventDims(log: DeltaLog, events: readonly FeedEvent[], e: number): number[] {
  const named = log.named.get(e);
  if (named) return named;
  const n = log.eventStart[e + 1]! - log.eventStart[e]!;
  const itemId = events[e]!.itemId;
  const item = n === 0 || itemId === null ? -1 : (log.source.indexOf.get(itemId) ?? -1);
  const out: number[] = [];
  if (item < 0) return out;
  const { dimStart, dimId, dimType, shares } = log.source;
  for (let p = dimStart[item]!; p < dimStart[item + 1]! && out.length < n; p++)
    if (shares[dimType[p]!] !== 0) out.push(dimId[p]!);
  return out;
}

function noteEvidence(
  ev: NonNullable<DeltaLog['evidence']>,
  id: number,
  eventIndex: number,
  delta: number,
  t: number,
  h: number,
): void {
  ev.count[id] = (ev.count[id] ?? 0) + 1;
  const key = Math.log(Math.abs(delta)) + (t * Math.LN2) / h;
  let top = ev.top[id];
  if (!top) ev.top[id] = top = [];
  const size = top.length / 3;
  if (size === ev.n && key < top[top.length - 3]!) return;
  // Insert before the first entry with a smaller-or-equal key (a newer event wins ties).
  let at = 0;
  while (at < size && top[at * 3]! > key) at++;
  top.splice(at * 3, 0, key, eventIndex, delta);
  if (top.length > ev.n * 3) top.length = ev.n * 3;
}

/** dimensionShare as an array indexed by dimension type code. */
export function sharesByType(config: EngineConfig): Float64Array {
  return Float64Array.from(DIM_TYPES.map((t) => config.dimensionShare[t]));
}

/** Gaps from here up are kept in `far` (a Uint16 gap is 2 bytes per change instead of 4). */
const FAR = 0xffff;

function notePrev(log: DeltaLog, c: number, prev: number): void {
  const far = log.far;
  if (far.n === far.change.length) {
    const change = new Int32Array(far.n * 2);
    change.set(far.change);
    const before = new Int32Array(far.n * 2);
    before.set(far.prev);
    far.change = change;
    far.prev = before;
  }
  far.change[far.n] = c;
  far.prev[far.n] = prev;
  far.n++;
  log.prevGap[c] = FAR;
}

/** The previous change of change c's dimension, −1 for its first. */
export function prevOf(log: DeltaLog, c: number): number {
  const gap = log.prevGap[c]!;
  if (gap < FAR) return gap === 0 ? -1 : c - gap;
  let lo = 0;
  let hi = log.far.n - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (log.far.change[mid]! < c) lo = mid + 1;
    else hi = mid;
  }
  return log.far.prev[lo]!;
}

/** The value of change c's dimension just before it: the previous change's after, decayed. */
export function beforeOf(
  log: DeltaLog,
  events: readonly FeedEvent[],
  c: number,
  t: number,
  h: number,
): number {
  const p = prevOf(log, c);
  if (p < 0) return 0;
  return decay(log.after[p]!, events[eventOfChange(log, p)]!.atMs, t, h);
}

/** The event that recorded change c (binary search over the CSR offsets). */
export function eventOfChange(log: DeltaLog, c: number): number {
  let lo = 0;
  let hi = log.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (log.eventStart[mid]! <= c) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Materialises event `i`'s delta in the same shape applySignal returns. */
export function deltaAt(
  log: DeltaLog,
  store: ProfileStore,
  events: readonly FeedEvent[],
  i: number,
  config: EngineConfig,
): ProfileDelta {
  const event = events[i]!;
  const changes: DeltaChange[] = [];
  const dims = eventDims(log, events, i);
  for (let c = log.eventStart[i]!; c < log.eventStart[i + 1]!; c++) {
    changes.push({
      dim: store.dims.key(dims[c - log.eventStart[i]!]!),
      before: beforeOf(log, events, c, event.atMs, halfLifeMs(config)),
      after: log.after[c]!,
      reason: REASONS[log.eventReason[i]!]!,
    });
  }
  const factor = config.evidenceFactor[event.evidence];
  const item = event.itemId === null ? -1 : (log.source.indexOf.get(event.itemId) ?? -1);
  const itemHasDims = item >= 0 && log.source.dimStart[item + 1]! > log.source.dimStart[item]!;
  return {
    eventId: event.id,
    eventIndex: i,
    atMs: event.atMs,
    kind: event.kind,
    evidence: event.evidence,
    factor,
    changes,
    controls: log.controls.get(i) ?? [],
    noChange: noChangeReason(event, factor, itemHasDims, changes.length > 0),
  };
}

/** The store as a pure UserState (for comparison with a fold of applySignal, and for snapshots). */
export function storeToState(store: ProfileStore): UserState {
  const dims = new Map<string, DimValue>();
  for (const id of store.touched)
    dims.set(store.dims.key(id), { w: store.w[id]!, atMs: store.at[id]! });
  const atMs = Number.isNaN(store.lastAtMs) ? null : store.lastAtMs;
  return { atMs, dims, controls: store.controls };
}
