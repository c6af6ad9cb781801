import type { ReactNode } from 'react';
import type { ProfileStream } from '@main/contract/profile';
import { formatTime } from '../format';
import {
  type GapMark,
  PROFILE_CHART_SIZE as SIZE,
  STREAM_MARGIN as M,
  type StreamModel,
  type StreamView,
} from './profile-stream-math';

/**
 * The profile chart's SVG: session bands, the layers when few (a canvas below draws them when
 * dense), band edges or raw lines, hatched inferred runs, axes and the evidence strip. Free of DOM
 * APIs, so it renders on the server for the snapshot test; `children` go on top (the brush).
 */
export function ProfileStreamSvg({
  stream,
  model,
  view,
  dense,
  hatch,
  hover,
  brush,
  onMouseLeave,
  children,
}: {
  stream: ProfileStream;
  model: StreamModel;
  view: StreamView;
  dense: boolean;
  hatch: string;
  hover: number | null;
  brush: { from: number; to: number } | null;
  onMouseLeave?: () => void;
  children?: ReactNode;
}) {
  return (
    <svg
      viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
      role="img"
      aria-label={`Interest profile over time, ${view === 'share' ? 'shares stacked to 100%' : 'raw weights'}: ${stream.topics.join(', ')}; the data is also a table below`}
      data-testid="profile-chart"
      onMouseLeave={onMouseLeave}
    >
      <defs>
        <pattern id={hatch} width="6" height="6" patternUnits="userSpaceOnUse">
          <path d="M0,6L6,0" className="hatch-line" />
        </pattern>
      </defs>
      <g transform={`translate(${M.left},${M.top})`}>
        {model.sessionBands.map((b) => (
          <rect
            key={b.index}
            className={`session-band ${b.index % 2 === 0 ? 'even' : 'odd'}`}
            x={b.x}
            y={-14}
            width={b.width}
            height={8}
          />
        ))}
        <text className="tick" x={-6} y={-7} textAnchor="end">
          sessions
        </text>
        {!dense && <Fills model={model} />}
        {model.lines.map((l) => (
          <path
            key={l.topic}
            className={view === 'share' ? 'series edge' : 'series'}
            d={l.path}
            stroke={l.color}
            data-topic={l.topic}
          />
        ))}
        {model.inferredRuns.map((r, i) => (
          <rect
            key={i}
            className="inferred-run"
            x={r.x}
            width={r.width}
            height={model.inner.height}
            fill={`url(#${hatch})`}
          />
        ))}
        {model.gaps.map((g) => (
          <Gap key={g.fromMs} gap={g} height={model.inner.height} />
        ))}
        <Axes model={model} />
        <g transform={`translate(0,${model.inner.height + 4})`}>
          <text className="tick" x={-6} y={10} textAnchor="end">
            inferred
          </text>
          <rect className="evidence-track" width={model.inner.width} height={12} />
          <path className="evidence" d={model.evidencePath} fill={`url(#${hatch})`} />
        </g>
        {hover !== null && (
          <line
            className="hover-line"
            x1={model.xs[hover]}
            x2={model.xs[hover]}
            y2={model.inner.height}
          />
        )}
        {brush && (
          <rect
            className="brush"
            x={Math.min(brush.from, brush.to)}
            width={Math.abs(brush.to - brush.from)}
            height={model.inner.height}
          />
        )}
        {children}
      </g>
    </svg>
  );
}

/** A pause of over a week: a pale band, its length written across or upright where it has room. */
function Gap({ gap, height }: { gap: GapMark; height: number }) {
  const middle = gap.x + gap.width / 2;
  return (
    <g className="gap" data-testid="profile-gap">
      <title>{`${gap.label}: ${formatTime(gap.fromMs, 'day')} to ${formatTime(gap.toMs, 'day')}`}</title>
      <rect className="gap-band" x={gap.x} width={Math.max(1, gap.width)} height={height} />
      {gap.text && (
        <text
          className="gap-label"
          textAnchor="middle"
          dy="0.32em"
          transform={`translate(${middle},${height / 2})${gap.text === 'upright' ? ' rotate(-90)' : ''}`}
        >
          {gap.label}
        </text>
      )}
    </g>
  );
}

function Fills({ model }: { model: StreamModel }) {
  return (
    <g className="layers">
      {model.fills.map((l) => (
        <path key={l.topic} className="layer" d={l.path} fill={l.color} data-topic={l.topic} />
      ))}
    </g>
  );
}

function Axes({ model }: { model: StreamModel }) {
  return (
    <>
      {model.yTicks.map((t) => (
        <g key={t.label} transform={`translate(0,${t.position})`} className="tick">
          <line x2={model.inner.width} />
          <text x={-6} dy="0.32em" textAnchor="end">
            {t.label}
          </text>
        </g>
      ))}
      {model.xTicks.map((t) => (
        <text
          key={`${t.position}-${t.label}`}
          className="tick"
          x={t.position}
          y={model.inner.height + 32}
          textAnchor="middle"
        >
          {t.label}
        </text>
      ))}
    </>
  );
}
