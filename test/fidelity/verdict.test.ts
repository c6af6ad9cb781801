// The fidelity report's headline (src-main/explain/fidelity.ts): a material difference at k = 3
// is a win for the named events; a tie near 100 % is said to be one (each video rests on many
// events), and a tie elsewhere is "no better than chance".
import { describe, expect, it } from 'vitest';
import type { FidelityRow } from '../../src-main/engine';
import { fidelityVerdict } from '../../src-main/explain';

const row = (method: FidelityRow['method'], pos: number, del: number): FidelityRow => ({
  k: 3,
  method,
  items: 20,
  del,
  ins: 0.5,
  ndcg: pos,
  pos,
});

describe('the fidelity verdict', () => {
  it('names the events that matter when they move materially more videos', () => {
    expect(fidelityVerdict([row('attributed', 0.31, 0.62), row('random', 0.98, 0.99)])).toMatch(
      /keeps 31 % .* keeps 98 %\. The explanations name the events that matter\.$/,
    );
  });
  it('says three events hardly move a video when named and random both keep nearly all', () => {
    expect(fidelityVerdict([row('attributed', 0.958, 0.99995), row('random', 1, 1)])).toMatch(
      /Three events hardly move a video here, named or not/,
    );
  });
  it('says no better than chance when they tie lower down', () => {
    expect(fidelityVerdict([row('attributed', 0.5, 0.7), row('random', 0.52, 0.72)])).toMatch(
      /do no better than chance\.$/,
    );
  });
  it('says when there are too few videos to compare', () => {
    expect(fidelityVerdict([])).toMatch(/^Too few videos/);
  });
});
