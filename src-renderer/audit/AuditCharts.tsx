import type { ReplayRun } from '@main/contract/replay';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import type { SlateMetrics } from '@main/engine/metrics';
import { AmplificationChart } from '../charts/AmplificationChart';
import { ChartFrame } from '../charts/ChartFrame';
import { ChartTable } from '../charts/ChartTable';
import { MetricChart } from '../charts/MetricChart';
import { countOf, formatPercent, formatTime } from '../format';
import { amplificationSentence, metricSentence, type MetricSentenceSpec } from './sentences';
import './audit.css';

type MetricSpec = MetricSentenceSpec & {
  id: string;
  key: keyof Omit<SlateMetrics, 'at' | 'atMs'>;
  /** 1 for shares: the axis runs to 100% whatever the values. */
  floorMax?: number;
  /** Axis labels, where the value's own format is too wide for the axis. */
  tick?: (value: number) => string;
  about: string;
};

const bits = (v: number) => `${v.toFixed(2)} bits`;
const plain = (v: number) => v.toFixed(2);
const kl = (v: number) => v.toFixed(3);

const METRICS: MetricSpec[] = [
  {
    id: 'entropy',
    key: 'profileEntropy',
    name: 'Profile entropy',
    format: bits,
    tick: (v) => v.toFixed(1),
    rise: 'the profile broadened',
    fall: 'the profile narrowed',
    about:
      'Shannon entropy of the profile’s positive topic weights, as a distribution, at each slate. 0 bits is one topic only; each extra bit doubles the number of topics it is evenly spread over.',
  },
  {
    id: 'calibration',
    key: 'calibrationKL',
    name: 'Calibration KL',
    format: kl,
    rise: 'the slates drifted away from the profile’s topic mix',
    fall: 'the slates came closer to the profile’s topic mix',
    undefinedWhere: 'a slate whose videos have no known topics, or a profile with none',
    about:
      'KL(p ‖ q̃) between the profile’s topic mix p and the slate’s q, smoothed as q̃ = 0.99 q + 0.01 p (Steck, “Calibrated recommendations”, RecSys 2018). 0 means the slate mirrors the profile; higher means it shows a different mix than the profile holds. Not defined where the slate’s videos have no known topic (or the profile holds none): there is no mix to compare, and the chart leaves a gap rather than the constant log₂ 100 ≈ 6.64 the formula would give.',
  },
  {
    id: 'homogeneity',
    key: 'homogeneity',
    name: 'Slate homogeneity',
    format: plain,
    floorMax: 1,
    rise: 'each slate concentrated on fewer topics',
    fall: 'each slate spread over more topics',
    undefinedWhere: 'a slate whose videos have no known topics',
    about:
      'The Herfindahl index Σ q_t² of the slate’s topic mix: 1 when every video of the slate has one and the same topic, near 0 when they are spread over many. Not defined, and left as a gap, where the slate’s videos have no known topic.',
  },
  {
    id: 'exploration',
    key: 'explorationShare',
    name: 'Exploration share',
    format: formatPercent,
    floorMax: 1,
    rise: 'more of each slate went to exploring',
    fall: 'less of each slate went to exploring',
    about:
      'The share of each slate placed in exploration slots: videos shown because nothing in the profile points to them. The preset’s ε sets the slots; a slot stays empty of exploration when no candidate is left for it.',
  },
  {
    id: 'top3',
    key: 'top3Share',
    name: 'Top-3 share',
    format: formatPercent,
    floorMax: 1,
    rise: 'three topics came to hold more of the profile',
    fall: 'the profile spread beyond its three strongest topics',
    about:
      'The share of the profile’s positive topic weight held by its three strongest topics at each slate.',
  },
];

/** The table lists amplified topics first, earliest first, then the others by id. */
function amplifiedFirst(topics: ReplayRun['amplification']['topics']) {
  return [...topics].sort(
    (a, b) => (a.events ?? Infinity) - (b.events ?? Infinity) || (a.topic < b.topic ? -1 : 1),
  );
}

/** A value as the table shows it; a measure not defined at a slate is "not defined". */
const shown = (m: MetricSpec, value: number | null) =>
  value === null ? 'not defined' : m.format(value);

const topicName = (id: string) => TOPIC_TABLE.find((t) => t.id === id)?.label ?? id;

/** The Audit screen's pictures: each measure over the replay's slates, and time to amplification. */
export function AuditCharts({ run }: { run: ReplayRun }) {
  const n = countOf(run.metrics.length, 'slate');
  const first = run.metrics[0]?.atMs ?? 0;
  const domain: [number, number] = [first, run.metrics.at(-1)?.atMs ?? first];
  return (
    <div className="audit-charts" data-testid="audit-charts">
      {METRICS.map((m) => (
        <ChartFrame
          key={m.id}
          id={`audit-${m.id}`}
          title={m.name}
          sentence={metricSentence(
            m,
            run.metrics.map((s) => ({ atMs: s.atMs, value: s[m.key] })),
          )}
          n={`n = ${n}`}
          about={<p>{m.about}</p>}
        >
          <MetricChart
            points={run.metrics.map((s) => ({ atMs: s.atMs, value: s[m.key] }))}
            label={`${m.name} at each slate; the table below has the numbers`}
            format={m.format}
            tick={m.tick}
            floorMax={m.floorMax}
          />
          <ChartTable>
            {() => (
              <table className="metrics">
                <thead>
                  <tr>
                    <th scope="col">Session start</th>
                    <th scope="col">{m.name}</th>
                  </tr>
                </thead>
                <tbody>
                  {run.metrics.map((s) => (
                    <tr key={s.atMs}>
                      <td>{formatTime(s.atMs, 'minute')}</td>
                      <td>{shown(m, s[m.key])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </ChartTable>
        </ChartFrame>
      ))}
      <ChartFrame
        id="audit-amplification"
        title="Time to amplification"
        sentence={amplificationSentence(run.amplification, topicName)}
        n={`n = ${countOf(run.events, 'event')}`}
        about={
          <p>
            For each topic the profile ever held, the first moment its share of the positive topic
            weights reached {Math.round(run.amplification.threshold * 100)}% (a threshold of our
            own), counted in events and placed on the time axis. Early dots mean a topic took over
            quickly.
          </p>
        }
      >
        <AmplificationChart amplification={run.amplification} domainMs={domain} label={topicName} />
        <ChartTable>
          {() => (
            <table className="metrics">
              <thead>
                <tr>
                  <th scope="col">Topic</th>
                  <th scope="col">Events until amplified</th>
                  <th scope="col">When</th>
                </tr>
              </thead>
              <tbody>
                {amplifiedFirst(run.amplification.topics).map((t) => (
                  <tr key={t.topic}>
                    <td>{topicName(t.topic)}</td>
                    <td>{t.events ?? 'never'}</td>
                    <td>{t.atMs === null ? '—' : formatTime(t.atMs, 'minute')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </ChartTable>
      </ChartFrame>
    </div>
  );
}
