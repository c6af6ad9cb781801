// The Why panel's words, exactly as the main side built them (src-main/explain/): the renderer
// lays them out and decides nothing. Pure, so the panel, its tests and the property test that
// compares it with the report and `feedlens why` read the same lines.
import type { Explanation } from '@main/contract/feed';

export type WhyPanelText = {
  sentence: string;
  /** Every dimension behind the score: each says whether the sentence names it, and why not. */
  reasons: string[];
  /** What each re-ranking rule did, with its cause. */
  rules: string[];
};

export function whyPanelText(explanation: Explanation): WhyPanelText {
  return {
    sentence: explanation.sentence.map((c) => c.text).join(''),
    reasons: explanation.reasons.map((r) => r.words),
    rules: explanation.rules.map((r) => r.words),
  };
}

/** A signed number to 3 decimals (the same as src-main/explain's, for the charts' labels). */
export function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}
