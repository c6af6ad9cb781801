// Per-objective predictions: each objective k is cap_k · σ(b_k + Σ_f β_kf · x_f), a logistic model
// over the interpretable features. All coefficients are OUR ASSUMPTIONS (no platform publishes its
// models); their signs follow the published facts cited beside them. docs/ALGORITHM.md lists them.
import { F } from './features';
import { OBJECTIVES, type ObjectiveWeights } from './presets';

export const K = OBJECTIVES.length;

/**
 * Intercepts: the prediction for the baseline item (x = 0). OURS, chosen near public ballpark rates
 * for short video: like ≈ 5%, finish ≈ 30%, watch ratio ≈ 0.5 (of a cap of 1.5), share and
 * comment ≈ 0.5%, follow ≈ 0.2%.
 */
export const INTERCEPTS: Record<(typeof OBJECTIVES)[number], number> = {
  like: -2.9,
  finish: -0.85,
  watchRatio: -0.69,
  share: -5.3,
  comment: -5.3,
  follow: -6.2,
};

/** E[watch ratio] can exceed 1 (loops): capped at 1.5 (OURS). The others are probabilities. */
export const CAPS: Record<(typeof OBJECTIVES)[number], number> = {
  like: 1,
  finish: 1,
  watchRatio: 1.5,
  share: 1,
  comment: 1,
  follow: 1,
};

// Feature order: topic, hashtag, creator, sound, followed, popularity, freshness, duration,
// language, seen-similarity, co-engagement, exploration.
// Signs: interactions and video information drive the feed, account/device settings (language)
// are weak (TikTok 2020); follower count is not a direct factor, so popularity is modest;
// repetition causes boredom (NYT 2021), so similarity to what was just seen is negative; you
// cannot follow a creator you already follow, so `followed` is strongly negative for P(follow).
export const COEFFICIENTS: Record<(typeof OBJECTIVES)[number], readonly number[]> = {
  like: [2.0, 0.8, 1.5, 0.6, 0.8, 0.5, 0.3, 0.3, 0.3, -1.0, 1.0, 0.2],
  finish: [1.5, 0.5, 1.0, 0.8, 0.5, 0.4, 0.2, 1.2, 0.4, -0.8, 0.8, 0.1],
  watchRatio: [1.2, 0.4, 0.8, 0.6, 0.4, 0.3, 0.2, 1.0, 0.4, -0.6, 0.6, 0.1],
  share: [1.5, 0.6, 1.0, 0.8, 0.6, 0.8, 0.6, 0.2, 0.3, -0.8, 0.8, 0.2],
  comment: [1.2, 0.6, 1.5, 0.3, 1.2, 0.4, 0.4, 0.2, 0.4, -0.6, 0.6, 0.1],
  follow: [1.0, 0.4, 2.0, 0.3, -3.0, 0.3, 0.2, 0.2, 0.3, -0.5, 0.5, 0.3],
};

/** Flat model: beta[k·F + f], bias[k], cap[k], V[k]. */
export type Model = { beta: Float64Array; bias: Float64Array; cap: Float64Array; v: Float64Array };

export function buildModel(weights: ObjectiveWeights): Model {
  const beta = new Float64Array(K * F);
  OBJECTIVES.forEach((o, k) => COEFFICIENTS[o].forEach((b, f) => (beta[k * F + f] = b)));
  return {
    beta,
    bias: Float64Array.from(OBJECTIVES.map((o) => INTERCEPTS[o])),
    cap: Float64Array.from(OBJECTIVES.map((o) => CAPS[o])),
    v: Float64Array.from(OBJECTIVES.map((o) => weights[o])),
  };
}

export const sigmoid = (z: number): number => 1 / (1 + Math.exp(-z));

/** score(x) = Σ_k V_k · cap_k · σ(b_k + Σ_f β_kf x_f). Writes the K predictions to `p` if given. */
export function scoreFeatures(
  model: Model,
  x: Float64Array,
  offset: number,
  p?: Float64Array,
): number {
  let score = 0;
  for (let k = 0; k < K; k++) {
    // Same order of operations as attribute(): z = b + (Σ_f β_f x_f), so scores agree bit for bit.
    let dz = 0;
    const row = k * F;
    for (let f = 0; f < F; f++) dz += model.beta[row + f]! * x[offset + f]!;
    const pk = model.cap[k]! * sigmoid(model.bias[k]! + dz);
    if (p) p[k] = pk;
    score += model.v[k]! * pk;
  }
  return score;
}
