// The Why panel's words, exactly as the main side built them (src-main/explain/): the renderer
// lays them out and decides nothing. Pure, so the panel, its tests and the property test that
// compares it with the report and `feedlens why` read the same lines.
import type { Explanation } from '@main/contract/feed';

export type WhyPanelText = {
  sentence: string;
  /** Every dimension behind the score: the named ones first, each hidden one with why not. */
  reasons: string[];
  /** What each re-ranking rule did, with its cause. */
  rules: string[];
};

export function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}

/** One reason as the panel lists it: its value, dimension, events, rest and why it is (not) named. */
export function reasonLine(r: Explanation['reasons'][number]): string {
  const events = r.events.map((e) => `${e.words} ${signed(e.amount)}`).join('; ');
  const rest =
    r.others.count > 0 ? `; ${r.others.count} older or smaller ${signed(r.others.value)}` : '';
  return `${signed(r.value)} from ${r.dim} (${r.why})${events || rest ? `: ${events}${rest}` : ''}`;
}

export function whyPanelText(explanation: Explanation): WhyPanelText {
  return {
    sentence: explanation.sentence.map((c) => c.text).join(''),
    reasons: explanation.reasons.map(reasonLine),
    rules: explanation.rules.map((r) => `${r.rule} ${r.action}: ${r.words}`),
  };
}
