import type { MouseEvent } from 'react';
import { topicColour, topicLabel, type TopicTable } from '../cards/card-look';
import { DIFF_MARGIN, type ProfileDiffModel } from './profile-diff-math';
import { XTicks, YTicks } from './Ticks';

export const DIFF_SIZE = { width: 560, height: 180 };

/**
 * The profile-difference chart's SVG alone: axes, the zero line, the shown slate dashed, a line
 * per topic. DOM-free, so it renders on the server (test/renderer/profile-diff-math.test.ts).
 */
export function ProfileDiffSvg({
  model,
  selected,
  topics,
  onClick,
}: {
  model: ProfileDiffModel;
  selected: number;
  topics: TopicTable;
  /** The chart's (ProfileDiffChart.tsx), which turns the pointer into a slate. */
  onClick?: (event: MouseEvent<SVGSVGElement>) => void;
}) {
  const innerWidth = DIFF_SIZE.width - DIFF_MARGIN.left - DIFF_MARGIN.right;
  const innerHeight = DIFF_SIZE.height - DIFF_MARGIN.top - DIFF_MARGIN.bottom;
  const selectedX = model.xs[selected];
  return (
    <svg
      className="profile-diff"
      data-testid="profile-diff-chart"
      viewBox={`0 0 ${DIFF_SIZE.width} ${DIFF_SIZE.height}`}
      role="img"
      aria-label="Profile difference per topic over time, changed minus recorded"
      onClick={onClick}
    >
      <g transform={`translate(${DIFF_MARGIN.left},${DIFF_MARGIN.top})`}>
        <YTicks ticks={model.yTicks} width={innerWidth} />
        <XTicks ticks={model.xTicks} height={innerHeight} />
        <line className="zero" x2={innerWidth} y1={model.zeroY} y2={model.zeroY} />
        {selectedX !== undefined && (
          <line className="selected-slate" x1={selectedX} x2={selectedX} y2={innerHeight} />
        )}
        {model.series.map((s) => (
          <path
            key={s.topic}
            className="series diff"
            d={s.path}
            stroke={topicColour(topics, s.topic)}
          >
            <title>{topicLabel(topics, s.topic)}</title>
          </path>
        ))}
      </g>
    </svg>
  );
}
