// A small stepping facade for handlers that walk a dataset event by event (profile timelines,
// delta pages) without building slates.
import type { FeedEvent } from '../domain/types';
import type { PreparedCatalogue } from './catalogue';
import type { EngineConfig } from './config';
import { orderEvents, snapshot as snapshotViewer } from './replay';
import { createViewer, stepViewer, type Viewer } from './viewer';

export { deltaAt } from './store';
export { ENGINE_VERSION } from './version';
export { round } from './format';
export type { ProfileDelta } from './profile';

export type SteppingViewer = {
  events: readonly FeedEvent[];
  readonly applied: number;
  state: Viewer;
  step(): void;
};

export function createViewerForHandlers(
  catalogue: PreparedCatalogue,
  config: EngineConfig,
  events: readonly FeedEvent[],
): SteppingViewer {
  const ordered = orderEvents(events);
  const v = createViewer(catalogue, config, ordered, { trackEvidence: false });
  return {
    events: ordered,
    get applied() {
      return v.applied;
    },
    state: v,
    step: () => stepViewer(v),
  };
}

/** Every non-zero dimension's value at time t. */
export const snapshot = (v: Viewer, t: number): Map<string, number> => snapshotViewer(v, t);
