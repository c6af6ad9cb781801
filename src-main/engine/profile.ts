// The interest profile and its pure transition. `applySignal(state, event, item, config)` returns
// the next state and a delta that lists every dimension the event changed, with its value before
// and after (both at the event's time) and the reason. Decay between events is implied by the
// half-life: a dimension last set to w at time t₀ is worth w · 0.5^((t − t₀) / halfLife) at t.
import type { EventKind, Evidence, FeedEvent, Item } from '../domain/types';
import { DIM_TYPES, halfLifeMs, type EngineConfig } from './config';
import {
  applyControls,
  cloneControls,
  emptyControls,
  type ControlChange,
  type Controls,
} from './controls';
import { itemDims } from './dims';
import {
  decay,
  itemChangeAmount,
  noChangeReason,
  signalPlan,
  type NoChange,
  type Reason,
} from './signals';

/** A dimension's weight `w` as of time `atMs` (decays lazily from there). */
export type DimValue = { w: number; atMs: number };

export type UserState = {
  /** Time of the last applied event (null before any). */
  atMs: number | null;
  dims: ReadonlyMap<string, DimValue>;
  controls: Controls;
};

export type DeltaChange = { dim: string; before: number; after: number; reason: Reason };

export type ProfileDelta = {
  eventId: string;
  eventIndex: number;
  atMs: number;
  kind: EventKind;
  evidence: Evidence;
  /** The evidence factor that scaled every change. */
  factor: number;
  changes: DeltaChange[];
  controls: ControlChange[];
  /** Why `changes` is empty (signals.ts, NO_CHANGE); null when something changed. */
  noChange: NoChange | null;
};

export const emptyState = (): UserState => ({
  atMs: null,
  dims: new Map(),
  controls: emptyControls(),
});

/** A dimension's value at time t: w · 0.5^((t − atMs) / halfLife). */
export function valueAt(v: DimValue | undefined, t: number, config: EngineConfig): number {
  return v ? decay(v.w, v.atMs, t, halfLifeMs(config)) : 0;
}

/**
 * One event → next state + delta. For an item-level signal of amount A (signals.ts), every
 * dimension d of the item moves: after = before + A · factor(evidence) · share(type d) · split(d).
 * For named targets (follow, search, not interested): after = before + A · factor.
 * Pure: the input state is not modified.
 */
export function applySignal(
  state: UserState,
  event: FeedEvent,
  item: Item | undefined,
  config: EngineConfig,
  eventIndex = 0,
): { state: UserState; delta: ProfileDelta } {
  const factor = config.evidenceFactor[event.evidence];
  const h = halfLifeMs(config);
  const dims = new Map(state.dims);
  const changes: DeltaChange[] = [];
  const move = (key: string, amount: number, reason: Reason): void => {
    if (amount === 0) return;
    const prev = dims.get(key);
    const before = prev ? decay(prev.w, prev.atMs, event.atMs, h) : 0;
    const after = before + amount;
    dims.set(key, { w: after, atMs: event.atMs });
    changes.push({ dim: key, before, after, reason });
  };
  const plan = signalPlan(event, item, config);
  if (plan.scope === 'item' && item) {
    for (const d of itemDims(item)) {
      move(
        d.key,
        itemChangeAmount(plan.amount, factor, config.dimensionShare[d.type], d.split),
        plan.reason,
      );
    }
  } else if (plan.scope === 'dims') {
    for (const t of plan.targets) move(t.key, t.amount * factor, plan.reason);
  }
  const controls = cloneControls(state.controls);
  const controlChanges = applyControls(controls, event, item, config);
  return {
    state: { atMs: event.atMs, dims, controls },
    delta: {
      eventId: event.id,
      eventIndex,
      atMs: event.atMs,
      kind: event.kind,
      evidence: event.evidence,
      factor,
      changes,
      controls: controlChanges.length ? controlChanges : [],
      noChange: noChangeReason(
        event,
        factor,
        item !== undefined && itemDims(item).length > 0,
        changes.length > 0,
      ),
    },
  };
}

export { DIM_TYPES };
