// The Why panel's words, exactly as the main side built them (src-main/explain/): the renderer
// lays them out and decides nothing. Pure, so the panel, its tests and the property test that
// compares it with the report and `feedlens why` read the same lines.
import type { Explanation, Feed } from '@main/contract/feed';

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

/**
 * A removed candidate by what is known of it: caption and creator, else "a video". Never its bare
 * 19-digit id (issue 19 item 6): the list shows the id on hover where it lays the name out.
 */
export function removedName(r: { itemId: string; caption: string | null; creator: string | null }) {
  const caption = r.caption?.trim();
  if (!caption) return r.creator ? `a video by ${r.creator}` : 'a video with no caption known yet';
  const short = caption.length > 60 ? `${caption.slice(0, 59)}…` : caption;
  return `“${short}”${r.creator ? ` by ${r.creator}` : ''}`;
}

/** A removal as the Feed lists it: the video, the rule and the main side's words for its cause. */
export function removedText(r: Feed['removed'][number]): string {
  return `${removedName(r)}: ${r.rule} ${r.words}`;
}
