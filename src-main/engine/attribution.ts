// Exact attributions. Each objective is g_k(z_k) with z_k = b_k + β_k · x and g_k = cap_k · σ, so
// its Aumann–Shapley value (= Integrated Gradients along the straight path from the baseline x⁰,
// Sundararajan et al. 2017) has a closed form:
//   φ_kf = β_kf (x_f − x⁰_f) · (g_k(z_k) − g_k(z⁰_k)) / (z_k − z⁰_k)
// and Σ_f φ_kf = g_k(z_k) − g_k(z⁰_k) exactly (completeness). The total is φ_f = Σ_k V_k φ_kf,
// which sums to score − baseline. No sampling, no approximation beyond float rounding.
import { F } from './features';
import { K, sigmoid, type Model } from './objectives';

export type Attribution = {
  score: number;
  baseline: number;
  /** Per objective: prediction, its baseline, and per-feature contributions φ_kf (K × F). */
  p: Float64Array;
  p0: Float64Array;
  perObjective: Float64Array;
  /** Per feature, summed over objectives with weights V: φ_f = Σ_k V_k φ_kf. */
  total: Float64Array;
};

/**
 * Attribution against the zero baseline x⁰ = 0. When |z − z⁰| < 1e-6 the secant ratio
 * (σ(z) − σ(z⁰)) / (z − z⁰) is replaced by σ′ at the midpoint (error O(Δz³), far below 1e-9).
 */
export function attribute(model: Model, x: Float64Array, offset = 0): Attribution {
  const p = new Float64Array(K);
  const p0 = new Float64Array(K);
  const perObjective = new Float64Array(K * F);
  const total = new Float64Array(F);
  let score = 0;
  let baseline = 0;
  for (let k = 0; k < K; k++) {
    const row = k * F;
    const b = model.bias[k]!;
    let dz = 0;
    for (let f = 0; f < F; f++) dz += model.beta[row + f]! * x[offset + f]!;
    const z = b + dz;
    const cap = model.cap[k]!;
    const g = cap * sigmoid(z);
    const g0 = cap * sigmoid(b);
    let ratio: number;
    if (Math.abs(dz) < 1e-6) {
      const s = sigmoid(b + dz / 2);
      ratio = cap * s * (1 - s);
    } else {
      ratio = (g - g0) / dz;
    }
    for (let f = 0; f < F; f++) {
      const phi = ratio * model.beta[row + f]! * x[offset + f]!;
      perObjective[row + f] = phi;
      total[f]! += model.v[k]! * phi;
    }
    p[k] = g;
    p0[k] = g0;
    score += model.v[k]! * g;
    baseline += model.v[k]! * g0;
  }
  return { score, baseline, p, p0, perObjective, total };
}
