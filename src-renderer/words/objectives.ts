import type { Objective } from '@main/engine/presets';

/** Each predicted action in plain words, for the weights and the Why panel (the engine's names are `watchRatio`, `finish`…). */
export const OBJECTIVE_LABELS: Record<Objective, string> = {
  like: 'like',
  finish: 'watched to the end',
  watchRatio: 'share of the video watched',
  share: 'share',
  comment: 'comment',
  follow: 'follow',
};
