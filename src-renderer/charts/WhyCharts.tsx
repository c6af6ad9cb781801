import { useMemo } from 'react';
import { countOf } from '../format';
import { ChartFrame } from './ChartFrame';
import { ChartTable } from './ChartTable';
import { Waterfall } from './Waterfall';
import { waterfall } from './waterfall-math';
import { WhyBars } from './WhyBars';
import type { Contribution } from './why-bars-math';

// The "why" panel's two charts in their frames (Waterfall.tsx and WhyBars.tsx stay free of DOM
// code, so their SVG renders on the server for the snapshot test).

/** The second depth: the waterfall from the baseline to the score, with its steps as a table. */
export function WhyWaterfall({
  contributions,
  baseline,
}: {
  contributions: readonly Contribution[];
  baseline: number;
}) {
  // Only the running totals are read here; the layout's widths do not matter.
  const { steps, score } = useMemo(
    () => waterfall(contributions, baseline, 1),
    [contributions, baseline],
  );
  return (
    <ChartFrame
      id="why-waterfall"
      title="What moved the score"
      sentence={`From the baseline ${baseline.toFixed(3)} to the score ${score.toFixed(3)}, the largest steps first.`}
      n={`n = ${countOf(contributions.filter((c) => c.value !== 0).length, 'feature')}`}
      about={
        <p>
          The baseline is the score of a video the profile knows nothing about. Each step is one
          feature’s contribution, as the engine recorded it: a step to the right raises the score,
          one to the left lowers it, and the steps add up exactly to the score. The seven largest
          are named; the smaller rest are one “other” step, whose features the table below names.
        </p>
      }
    >
      <Waterfall contributions={contributions} baseline={baseline} />
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
  const sorted = useMemo(
    () =>
      [...contributions].sort(
        (a, b) => Math.abs(b.value) - Math.abs(a.value) || (a.feature < b.feature ? -1 : 1),
      ),
    [contributions],
  );
  return (
    <ChartFrame
      id="why-contributions"
      title="Every feature’s contribution"
      sentence="Each bar is one feature’s signed share of the score, by the engine’s own names."
      n={`n = ${countOf(contributions.length, 'feature')}`}
      about={
        <p>
          The same contributions as the waterfall, one bar per feature with the engine’s feature
          names and no “other”: the twelve largest are drawn, and the table lists all of them, zeros
          included.
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
              {sorted.map((c) => (
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

function signed(value: number): string {
  return `${value > 0 ? '+' : ''}${value.toFixed(3)}`;
}
