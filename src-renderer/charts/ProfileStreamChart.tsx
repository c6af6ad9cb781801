import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { ProfileStream } from '@main/contract/profile';
import { countOf, formatCount, formatPercent, formatTime, getDisplayZone } from '../format';
import { ChartFrame } from './ChartFrame';
import {
  dimensionPlural,
  legendValues,
  rangeFromPixels,
  STREAM_MARGIN as M,
  PROFILE_CHART_SIZE as SIZE,
  streamChartModel,
  type RawScale,
  type StreamModel,
  type StreamView,
  type TimeRange,
} from './profile-stream-math';
import { nearestIndex } from './nearest';
import { ProfileStreamSvg } from './ProfileStreamSvg';
import { ProfileStreamTable } from './ProfileStreamTable';
import './profile-stream.css';

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
  const [hovered, setHover] = useState<number | null>(null);
  // A hover from a wider answer may point past the end of a narrower one.
  const hover = hovered !== null && hovered < stream.buckets.length ? hovered : null;
  const [brush, setBrush] = useState<{ from: number; to: number } | null>(null);
  const hatch = `hatch-${useId().replace(/:/g, '')}`;
  const bucket = hover === null ? undefined : stream.buckets[hover];
  const legend = legendValues(stream, view, hover);
  // A small weight keeps one significant digit rather than reading as 0.00.
  const legendValue = (v: number) =>
    view === 'share'
      ? formatPercent(v)
      : v === 0 || Math.abs(v) >= 0.01
        ? v.toFixed(2)
        : v.toPrecision(1);

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
    setHover(nearestIndex(model.xs, at));
    if (brush) setBrush({ ...brush, to: at });
  };
  const onUp = (e: PointerEvent<SVGRectElement>) => {
    if (!brush) return;
    const at = plotX(e);
    setBrush(null);
    if (Math.abs(at - brush.from) < CLICK_PX)
      onOpenEvent(stream.buckets[nearestIndex(model.xs, at)]!.eventIndex);
    else onRange(rangeFromPixels(brush.from, at, stream.range, model.inner.width));
  };

  const events = stream.buckets.reduce((sum, b) => sum + b.events, 0);
  return (
    <ChartFrame
      id={`profile-${dimensionPlural(stream.dimension)}`}
      title={`Your ${dimensionPlural(stream.dimension)} over time`}
      sentence={
        (view === 'share'
          ? `Each band is one ${stream.dimension}’s share of the profile after each point’s events, with time decay; the ${formatCount(stream.topics.length)} strongest at the end are shown, the rest are “other”.`
          : `Each line is one ${stream.dimension}’s weight in the profile after each point’s events, with time decay; the ${formatCount(stream.topics.length)} strongest at the end are shown.`) +
        (model.gaps.length > 0
          ? ` Lines break where nothing happened for more than a week (${countOf(model.gaps.length, 'gap')} here).`
          : '')
      }
      n={`n = ${countOf(events, 'event')} in ${countOf(stream.buckets.length, 'point')}`}
      about={<ProfileStreamAbout />}
      className="profile-stream"
      attributes={{ 'data-view': view }}
    >
      <div className="profile-stream-plot">
        {dense && view === 'share' && <StreamCanvas model={model} stream={stream} />}
        <ProfileStreamSvg
          stream={stream}
          model={model}
          view={view}
          dense={dense}
          hatch={hatch}
          hover={hover}
          brush={brush}
          onMouseLeave={() => setHover(null)}
        >
          <rect
            className="pointer-surface"
            data-testid="profile-stream-surface"
            width={model.inner.width}
            height={model.inner.height}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
          />
        </ProfileStreamSvg>
      </div>
      <figcaption className="legend">
        <span className="muted" data-testid="profile-legend-at">
          {bucket
            ? `At event #${formatCount(bucket.eventIndex + 1)}, ${formatTime(bucket.atMs, 'minute')}:`
            : `Mean over the period shown (${countOf(stream.buckets.length, 'point')}):`}
        </span>
        {legend.values.map(({ topic, value }) => {
          const layer = [...model.fills, ...model.lines].find((l) => l.topic === topic);
          return (
            <span key={topic} className="legend-item">
              <span className="swatch" style={{ background: layer?.color }} />
              {topic}
              <span className="muted"> {legendValue(value)}</span>
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
      </figcaption>
      <ProfileStreamTable stream={stream} onOpenEvent={onOpenEvent} />
    </ChartFrame>
  );
}

function ProfileStreamAbout() {
  return (
    <>
      <p>
        Feedlens replays your events through its model of a recommender: each signal (a watch, a
        like, a skip…) adds to or takes from the weights of the video’s topics, creators, sounds and
        hashtags, and older weight decays with the half-life set in the engine settings.
      </p>
      <p>
        Each point is the profile after the last event of a stretch of time; zooming in reads
        shorter stretches, down to single events. Where more than a week passed between two sessions
        the lines stop and the gap is labelled, rather than drawn straight across a time the data
        says nothing about (an export keeps about six months of watch history but likes for years).
        The legend shows each value at the point under the cursor, or, with no point hovered, its
        mean over the points in view. Hatching marks stretches whose events are mostly not observed
        as they happened: a watch time estimated from the gap to the next entry of an export, or a
        video a capture only saw loaded. The strip above the plot shows your sessions.
      </p>
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
