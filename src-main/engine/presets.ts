// Weight presets: how much each predicted action is worth in the score Σ_k V_k · objective_k.
// Published weights are quoted with their source; where a platform's action has no short-video
// analogue it is dropped, and the mapping says so (docs/ALGORITHM.md, "Presets").

export const OBJECTIVES = ['like', 'finish', 'watchRatio', 'share', 'comment', 'follow'] as const;
export type Objective = (typeof OBJECTIVES)[number];
export type ObjectiveWeights = Record<Objective, number>;

export const PRESETS = ['tiktok-algo101', 'twitter-2023', 'x-2026', 'custom'] as const;
export type PresetName = (typeof PRESETS)[number];

export const PRESET_LABELS: Record<PresetName, string> = {
  'tiktok-algo101': 'TikTok (Algo 101 form)',
  'twitter-2023': 'Twitter 2023',
  'x-2026': 'X 2026',
  custom: 'Custom',
};

/** Which published action each objective stands in for, per preset, in plain words (shown in the UI). */
export const PRESET_MAPPING: Record<PresetName, Record<Objective, string>> = {
  'tiktok-algo101': {
    like: 'the predicted chance of a like, times its weight',
    finish: 'the predicted chance of a play to the end, times its weight',
    watchRatio: 'the expected share of the video played, times its weight',
    share: 'not in the reported formula (0 by default; adjustable)',
    comment: 'the predicted chance of a comment, times its weight',
    follow: 'not in the reported formula (0 by default; adjustable)',
  },
  'twitter-2023': {
    like: 'favorite 0.5',
    finish: 'video 50% playback 0.005',
    watchRatio: 'good click (click into the conversation and stay) 11',
    share: 'retweet 1',
    comment: 'reply 27',
    follow: 'profile click + engage 12',
  },
  'x-2026': {
    like: 'favorite 0.5',
    finish: 'no analogue among the listed weights (0)',
    watchRatio: 'continuous dwell 0.004 (dwell in seconds ≈ watch ratio × duration)',
    share: 'share 2',
    comment: 'reply 5',
    follow: 'follow author 4',
  },
  custom: {
    like: 'your weight',
    finish: 'your weight',
    watchRatio: 'your weight',
    share: 'your weight',
    comment: 'your weight',
    follow: 'your weight',
  },
};

/**
 * "TikTok Algo 101" (NYT, Dec 2021): score = Plike·Vlike + Pcomment·Vcomment + Eplaytime·Vplaytime
 * + Pplay·Vplay. The V values were never published. OUR ASSUMPTION: comments are rarer and
 * costlier than likes, so Vcomment = 2; the others 1. All are sliders in the UI.
 */
const TIKTOK_ALGO101: ObjectiveWeights = {
  like: 1,
  finish: 1,
  watchRatio: 1,
  share: 0,
  comment: 2,
  follow: 0,
};

/**
 * Twitter 2023 heavy ranker weights, the-algorithm-ml projects/home/recap/README.md: favorite 0.5,
 * retweet 1, reply 27, profile click + engage 12, good click 11, video 50% playback 0.005.
 * Dropped (no short-video analogue in our objectives): reply engaged by author 75; negative
 * feedback −74 and report −369 are handled by the fatigue rule instead of the score.
 */
const TWITTER_2023: ObjectiveWeights = {
  like: 0.5,
  finish: 0.005,
  watchRatio: 11,
  share: 1,
  comment: 27,
  follow: 12,
};

/**
 * X 2026, xai-org/x-algorithm home-mixer/params/param.rs: favorite 0.5, reply 5, share 2, follow
 * author 4, continuous dwell 0.004. Repost 1, quote 5, share via DM 5 and via copy link 20 have no
 * separate short-video action; we take the generic share (2). Click 0.4 has no analogue (a short
 * video plays without a click). Negative weights (not interested −43.2, mute −58.8, block −31.2,
 * report −234) become rules (not-interested suppression, fatigue), not score terms.
 */
const X_2026: ObjectiveWeights = {
  like: 0.5,
  finish: 0,
  watchRatio: 0.004,
  share: 2,
  comment: 5,
  follow: 4,
};

/**
 * The V values for a preset. TikTok's and Custom's are adjustable (`overrides`); the published
 * presets are fixed, so a trace that names them means exactly the published numbers.
 */
export function presetWeights(
  preset: PresetName,
  overrides?: Partial<ObjectiveWeights>,
): ObjectiveWeights {
  switch (preset) {
    case 'tiktok-algo101':
      return { ...TIKTOK_ALGO101, ...overrides };
    case 'twitter-2023':
      return { ...TWITTER_2023 };
    case 'x-2026':
      return { ...X_2026 };
    case 'custom':
      return { ...TIKTOK_ALGO101, ...overrides };
    default: {
      const never: never = preset;
      throw new Error(`Unknown preset ${String(never)}`);
    }
  }
}

/** X 2026 multiplies out-of-network candidates by 0.75 (param.rs); the others do not. */
export function outOfNetworkFactor(preset: PresetName): number {
  return preset === 'x-2026' ? 0.75 : 1;
}
