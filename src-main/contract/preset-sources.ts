// Which platform document each weight preset's numbers come from, for the settings UI and any
// other reader. A file of its own (no zod) so the renderer can import it; the numbers themselves
// stay in engine/presets.ts, whose comments and docs/ALGORITHM.md ("Presets") quote the same
// sources.
import type { PresetName } from '../engine/presets';

export type PresetSource = {
  /** The document, as one would cite it. */
  document: string;
  /** Where to read it, or null when the document was never published in full. */
  where: string | null;
  /** What is published and what is ours. */
  note: string;
};

export const PRESET_SOURCES: Record<PresetName, PresetSource> = {
  'tiktok-algo101': {
    document: '“TikTok Algo 101”, an internal document reported by the New York Times (Dec 2021)',
    where: null,
    note: 'The formula is reported; its V values never were. Ours: comment 2, like, finish and play time 1.',
  },
  'twitter-2023': {
    document: 'Twitter’s open-sourced heavy ranker (2023)',
    where: 'github.com/twitter/the-algorithm-ml, projects/home/recap/README.md',
    note: 'Published weights, mapped to the nearest short-video action; negative feedback becomes a rule.',
  },
  'x-2026': {
    document: 'X’s open-sourced home mixer (2026)',
    where: 'github.com/xai-org/x-algorithm, home-mixer/params/param.rs',
    note: 'Published weights, mapped to the nearest short-video action; negative weights become rules.',
  },
  custom: {
    document: 'your own weights, from no platform document',
    where: null,
    note: 'Starts from the TikTok (Algo 101 form) values; every weight is at least 0.',
  },
};
