import { useState } from 'react';
import type { FidelityReport } from '@main/contract/fidelity';
import { FIDELITY_DEPTH } from '@main/engine';
import { useCall } from '../api/use-call';
import { ChartFrame } from '../charts/ChartFrame';
import { ChartTable } from '../charts/ChartTable';
import type { ChartSize } from '../charts/chart-types';
import { YTicks } from '../charts/Ticks';
import { countOf, formatPercent } from '../format';
import type { EngineSettings } from '../settings';
import { Status } from '../screens/Status';
import { FIDELITY_MARGIN, fidelityChartModel } from './fidelity-chart-math';

const SIZE: ChartSize = { width: 760, height: 220 };
/** Slates the screen samples: enough to tell the named events from chance in seconds. */
const SAMPLE = 20;

const METHOD = { attributed: 'named', random: 'random' } as const;
const MEASURE = { pos: `still in the top ${FIDELITY_DEPTH}`, del: 'lift left' } as const;

/**
 * Do the explanations hold? Asked on click (each video is replayed up to 21 times): the history
 * without the events each explanation names, beside as many random events of the same person.
 */
export function FidelityPanel({
  datasetId,
  settings,
}: {
  datasetId: string;
  settings: EngineSettings;
}) {
  const [asked, setAsked] = useState(false);
  const report = useCall('fidelity/run', asked ? { datasetId, sample: SAMPLE, ...settings } : null);
  return (
    <section aria-labelledby="fidelity-title" data-testid="fidelity">
      <h3 id="fidelity-title">Do the explanations hold?</h3>
      {asked ? (
        <Status state={report}>{(value) => <FidelityChart report={value} />}</Status>
      ) : (
        <p>
          <button type="button" onClick={() => setAsked(true)}>
            Test the explanations
          </button>{' '}
          <span className="muted">
            replays {SAMPLE} sampled moments without the events each explanation names, and without
            as many random events of yours
          </span>
        </p>
      )}
    </section>
  );
}

function FidelityChart({ report }: { report: FidelityReport }) {
  const model = fidelityChartModel(report.rows, SIZE);
  const innerWidth = SIZE.width - FIDELITY_MARGIN.left - FIDELITY_MARGIN.right;
  const innerHeight = SIZE.height - FIDELITY_MARGIN.top - FIDELITY_MARGIN.bottom;
  const { sample } = report;
  return (
    <>
      <p data-testid="fidelity-verdict">{report.verdict}</p>
      <ChartFrame
        id="audit-fidelity"
        title="Without the events the explanations name, against random events"
        sentence={`For the top ${sample.top} videos of each sampled moment: the share still in the top ${FIDELITY_DEPTH}, and the share of their lift over the baseline left, once k events are taken away.`}
        n={`n = ${countOf(report.items, 'video')} at ${countOf(sample.slates, 'moment')} of ${countOf(sample.of, 'session start')}`}
        about={
          <p>
            Each point is a real replay of your history at a session start, without the k events the
            video&apos;s explanation names first (solid), or without k events drawn at random from
            yours before that moment (dashed). If the explanations name what matters, the solid
            lines fall well below the dashed ones. Lift is the score above the baseline, the score
            of a video Feedlens knows nothing about. Definitions and sources: docs/ALGORITHM.md.
          </p>
        }
      >
        <svg
          viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
          role="img"
          aria-label="Fidelity of the explanations against random events; the table below has the numbers"
          data-testid="fidelity-chart"
        >
          <g transform={`translate(${FIDELITY_MARGIN.left},${FIDELITY_MARGIN.top})`}>
            <YTicks ticks={model.yTicks} width={innerWidth} />
            {model.xTicks.map((t) => (
              <text
                key={t.label}
                className="tick"
                x={t.position}
                y={innerHeight + 18}
                textAnchor="middle"
              >
                {t.label}
              </text>
            ))}
            {model.series.map((s) => (
              <g key={`${s.measure}-${s.method}`}>
                <path className={`series fidelity-${s.measure} ${s.method}`} d={s.path} />
                <text className="tick" x={s.end.x + 6} y={s.end.y} dy="0.32em">
                  {`${MEASURE[s.measure]}, ${METHOD[s.method]}`}
                </text>
              </g>
            ))}
          </g>
        </svg>
        <ChartTable summary="The same as a table">
          {() => (
            <table className="metrics" data-testid="fidelity-table">
              <thead>
                <tr>
                  <th scope="col">Events taken away</th>
                  <th scope="col">Chosen</th>
                  <th scope="col">Videos</th>
                  <th scope="col">Lift left (DEL@k)</th>
                  <th scope="col">Lift with only them (INS@k)</th>
                  <th scope="col">Place kept (NDCG@{FIDELITY_DEPTH})</th>
                  <th scope="col">
                    Still in the top {FIDELITY_DEPTH} (POS@{FIDELITY_DEPTH})
                  </th>
                </tr>
              </thead>
              <tbody>
                {report.rows.map((r) => (
                  <tr key={`${r.k}-${r.method}`}>
                    <td>{r.k}</td>
                    <td>{METHOD[r.method]}</td>
                    <td>{r.items}</td>
                    <td>{formatPercent(r.del)}</td>
                    <td>{formatPercent(r.ins)}</td>
                    <td>{formatPercent(r.ndcg)}</td>
                    <td>{formatPercent(r.pos)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ChartTable>
      </ChartFrame>
    </>
  );
}
