import type { Explanation } from '@main/contract/feed';
import { signed } from '../explain/why-panel-text';
import { countOf } from '../format';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';
import { Waterfall } from './Waterfall';
import { WhyBars } from './WhyBars';
import type { Contribution } from './why-bars-math';

// The "why" panel's two charts in their frames (Waterfall.tsx and WhyBars.tsx stay free of DOM
// code, so their SVG renders on the server for the snapshot test).

/** The second depth: the waterfall from the baseline to the score, with its steps as a table. */
export function WhyWaterfall({ waterfall }: { waterfall: Explanation['waterfall'] }) {
  const { steps, score, baseline, zeros } = waterfall;
  const moving = steps.reduce((n, s) => n + s.features.length, 0);
  return (
    <ChartFrame
      id="why-waterfall"
      title="What moved the score"
      sentence={`From the baseline ${baseline.toFixed(3)} to the score ${score.toFixed(3)}, the largest steps first.`}
      n={`n = ${countOf(moving, 'feature')}${zeros.length > 0 ? `, ${zeros.length} at zero` : ''}`}
      about={
        <p>
          The baseline is the score of a video the profile knows nothing about. Each step is one
          feature’s contribution, as the engine recorded it: a step to the right raises the score,
          one to the left lowers it, and the steps add up exactly to the score. The seven largest
          are named; the smaller rest are one “other” step, whose features the table below names. A
          feature that contributed exactly zero is no step
          {zeros.length > 0 ? ` (here: ${zeros.join(', ')})` : ''}.
        </p>
      }
    >
      <Waterfall steps={waterfall} />
      <ChartTable summary="The steps as a table">
        {() => (
          <table className="metrics" data-testid="why-waterfall-table">
            <thead>
              <tr>
                <th scope="col">Step</th>
                <th scope="col">Features</th>
                <th scope="col">Contribution</th>
                <th scope="col">Score after it</th>
              </tr>
            </thead>
            <tbody>
              {steps.map((s) => (
                <tr key={s.label}>
                  <td>{s.label}</td>
                  <td>{s.features.join(', ')}</td>
                  <td>{signed(s.value)}</td>
                  <td>{s.to.toFixed(3)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartTable>
    </ChartFrame>
  );
}

/** The third depth's chart: every feature's signed contribution, with all of them as a table. */
export function WhyBarsChart({
  contributions,
  score,
  baseline,
}: {
  contributions: readonly Contribution[];
  score: number;
  baseline: number;
}) {
  return (
    <ChartFrame
      id="why-contributions"
      title="Every feature’s contribution"
      sentence="Each bar is one feature’s signed share of the score, by the engine’s own names."
      n={`n = ${countOf(contributions.length, 'feature')}`}
      about={
        <p>
          The same contributions as the waterfall, one bar per feature with the engine’s feature
          names and no “other”, in the engine’s order (largest first): every non-zero one is drawn,
          and the table lists all of them, zeros included.
        </p>
      }
    >
      <WhyBars contributions={contributions} score={score} baseline={baseline} />
      <ChartTable summary="Every contribution as a table">
        {() => (
          <table className="metrics" data-testid="why-contributions-table">
            <thead>
              <tr>
                <th scope="col">Feature</th>
                <th scope="col">Contribution</th>
              </tr>
            </thead>
            <tbody>
              {contributions.map((c) => (
                <tr key={c.feature}>
                  <td>
                    <code>{c.feature}</code>
                  </td>
                  <td>{signed(c.value)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </ChartTable>
    </ChartFrame>
  );
}
