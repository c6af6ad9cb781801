import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { ProfileStream } from '@main/api/contract/profile';
import { formatCount, formatTime, getDisplayZone } from '../format';
import {
  nearestBucket,
  rangeFromPixels,
  STREAM_MARGIN as M,
  streamChartModel,
  type ChartSize,
  type RawScale,
  type StreamModel,
  type StreamView,
  type TimeRange,
} from './profile-stream-math';
import { ProfileStreamTable } from './ProfileStreamTable';
import './profile-stream.css';

const SIZE: ChartSize = { width: 760, height: 340 };
/** Fewer shapes than this are drawn in the SVG itself; more go to a canvas under the axes. */
const DENSE_POINTS = 300;
/** A press that moves less than this is a click on a point, not a brush. */
const CLICK_PX = 4;

/**
 * The profile over time: shares stacked to 100% (or raw weights), session bands above, inferred
 * evidence hatched and in a strip below. Drag to zoom into a time range; click a point to open its
 * event. d3 supplies the geometry (profile-stream-math.ts); React owns the SVG; dense layers are
 * painted on a canvas from the same path strings.
 */
export function ProfileStreamChart({
  stream,
  view,
  scale,
  onRange,
  onOpenEvent,
}: {
  stream: ProfileStream;
  view: StreamView;
  scale: RawScale;
  onRange: (range: TimeRange) => void;
  onOpenEvent: (eventIndex: number) => void;
}) {
  const zone = getDisplayZone();
  const model = useMemo(
    () => streamChartModel(stream, SIZE, zone, view, scale),
    [stream, zone, view, scale],
  );
  const dense = stream.buckets.length * model.fills.length > DENSE_POINTS;
  const [hover, setHover] = useState<number | null>(null);
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const hatch = `hatch-${useId().replace(/:/g, '')}`;
  const bucket = hover === null ? stream.buckets.at(-1) : stream.buckets[hover];

  const plotX = (e: PointerEvent<SVGRectElement>) => {
    const box = e.currentTarget.getBoundingClientRect();
    return ((e.clientX - box.left) / box.width) * model.inner.width;
  };
  const onDown = (e: PointerEvent<SVGRectElement>) => {
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = plotX(e);
    setBrush({ from: at, to: at });
  };
  const onMove = (e: PointerEvent<SVGRectElement>) => {
    const at = plotX(e);
    setHover(nearestBucket(model.xs, at));
    if (brush) setBrush({ ...brush, to: at });
  };
  const onUp = (e: PointerEvent<SVGRectElement>) => {
    if (!brush) return;
    const at = plotX(e);
    setBrush(null);
    if (Math.abs(at - brush.from) < CLICK_PX)
      onOpenEvent(stream.buckets[nearestBucket(model.xs, at)]!.eventIndex);
    else onRange(rangeFromPixels(brush.from, at, stream.range, model.inner.width));
  };

  return (
    <figure className="chart profile-stream" data-view={view}>
      <div className="profile-stream-plot">
        {dense && view === 'share' && <StreamCanvas model={model} stream={stream} />}
        <svg
          viewBox={`0 0 ${SIZE.width} ${SIZE.height}`}
          role="img"
          aria-label={`Interest profile over time, ${view === 'share' ? 'shares stacked to 100%' : 'raw weights'}: ${stream.topics.join(', ')}; the data is also a table below`}
          data-testid="profile-chart"
          onMouseLeave={() => setHover(null)}
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
            <rect
              className="pointer-surface"
              data-testid="profile-stream-surface"
              width={model.inner.width}
              height={model.inner.height}
              onPointerDown={onDown}
              onPointerMove={onMove}
              onPointerUp={onUp}
            />
          </g>
        </svg>
      </div>
      <figcaption className="legend">
        {[...stream.topics, ...(view === 'share' ? ['other'] : [])].map((topic) => {
          const layer = [...model.fills, ...model.lines].find((l) => l.topic === topic);
          const w = topic === 'other' ? bucket?.other : bucket?.weights[topic];
          return (
            <span key={topic} className="legend-item">
              <span className="swatch" style={{ background: layer?.color }} />
              {topic}
              <span className="muted"> {(w ?? 0).toFixed(2)}</span>
            </span>
          );
        })}
        <span className="legend-item">
          <span className="swatch inferred-swatch" />
          mostly inferred evidence
        </span>
        <span className="legend-item">
          <span className="swatch session-swatch" />
          {stream.sessions.length > 0
            ? 'sessions'
            : `${formatCount(stream.sessionCount)} sessions (zoom in to see them)`}
        </span>
        {bucket && (
          <span className="muted">
            at event #{formatCount(bucket.eventIndex + 1)}, {formatTime(bucket.atMs, 'minute')}
          </span>
        )}
      </figcaption>
      <ProfileStreamTable stream={stream} onOpenEvent={onOpenEvent} />
    </figure>
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

/** The dense layers, painted from the model's path strings; `data-painted` says which stream. */
function StreamCanvas({ model, stream }: { model: StreamModel; stream: ProfileStream }) {
  const canvas = useRef<HTMLCanvasElement>(null);
  const ratio = typeof window === 'undefined' ? 1 : window.devicePixelRatio || 1;
  useEffect(() => {
    const el = canvas.current;
    const ctx = el?.getContext('2d');
    if (!el || !ctx) return;
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, SIZE.width, SIZE.height);
    ctx.translate(M.left, M.top);
    for (const layer of model.fills) {
      ctx.fillStyle = layer.color;
      ctx.fill(new Path2D(layer.path));
    }
    el.dataset.painted = `${stream.datasetId} ${stream.range.fromMs}-${stream.range.toMs}`;
  }, [model, stream, ratio]);
  return (
    <canvas
      ref={canvas}
      className="profile-stream-canvas"
      data-testid="profile-stream-canvas"
      width={SIZE.width * ratio}
      height={SIZE.height * ratio}
      aria-hidden="true"
    />
  );
}
