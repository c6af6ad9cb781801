import type { LabState } from '@main/contract/lab';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import { countOf } from '../format';
import { topicLabel } from '../cards/card-look';

const AMPLIFIED_SHOWN = 4;

/** The backend's metrics for one run, with n and the caveat that this is a simulation. */
export function LabMetricsView({ state }: { state: LabState }) {
  const m = state.metrics;
  const amplified = Object.entries(m.timeToAmplification)
    .filter((e): e is [string, number] => e[1] !== null)
    .sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0))
    .slice(0, AMPLIFIED_SHOWN);
  return (
    <div className="lab-metrics" data-testid="lab-metrics">
      <dl className="facts">
        <dt>n</dt>
        <dd data-metric="videos">
          {countOf(m.videos, 'video')}, {countOf(m.events, 'event')}
        </dd>
        <dt>Profile entropy</dt>
        <dd data-metric="entropy">{m.profileEntropy.toFixed(2)} bits</dd>
        <dt>Top 3 topics hold</dt>
        <dd data-metric="top3">{Math.round(m.top3Share * 100)}%</dd>
        <dt>Time to amplification</dt>
        <dd data-metric="amplification">
          {amplified.length === 0
            ? `no topic reached ${Math.round(m.amplificationThreshold * 100)}% of the profile`
            : amplified
                .map(([t, n]) => `${topicLabel(TOPIC_TABLE, t)} after ${countOf(n, 'event')}`)
                .join(', ')}
        </dd>
        <dt>Bubble</dt>
        <dd data-metric="bubble" data-bubble-after={m.bubbleAfter ?? ''}>
          {m.bubbleAfter === null
            ? `none: no topic held ${Math.round(m.bubbleShare * 100)}% of ${m.bubbleWindow} cards in a row`
            : `after ${m.bubbleAfter} swipes: ${topicLabel(TOPIC_TABLE, m.bubbleTopic ?? '')} held ${Math.round(m.bubbleShare * 100)}% of ${m.bubbleWindow} cards`}
        </dd>
        <dt>Creators</dt>
        <dd data-metric="creators">
          {m.recentCreators} different in the last {Math.min(m.bubbleWindow, m.videos)} cards
        </dd>
        {state.timing.lastMs !== null && (
          <>
            <dt>Ranking time</dt>
            <dd>
              {state.timing.lastMs.toFixed(1)} ms last, p95 {state.timing.p95Ms?.toFixed(1)} ms over{' '}
              {state.timing.samples}
            </dd>
          </>
        )}
      </dl>
      <p className="muted lab-caveat">
        Simulation over a synthetic catalogue, not TikTok: one run, n = {m.videos} videos.
      </p>
    </div>
  );
}
