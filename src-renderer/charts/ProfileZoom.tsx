import type { ProfileStream } from '@main/contract/profile';
import { countOf, formatTime } from '../format';
import { zoomRange, type RawScale, type StreamView, type TimeRange } from './profile-stream-math';

/**
 * The profile chart's controls: shares or raw weights (and the raw scale), and the keyboard's way
 * to zoom and pan (the pointer's is the brush on the chart).
 */
export function ProfileZoom({
  stream,
  view,
  scale,
  busy,
  onView,
  onScale,
  onRange,
}: {
  stream: ProfileStream;
  view: StreamView;
  scale: RawScale;
  busy: boolean;
  onView: (view: StreamView) => void;
  onScale: (scale: RawScale) => void;
  onRange: (range: TimeRange | null) => void;
}) {
  const { range, full } = stream;
  const whole = range.fromMs <= full.fromMs && range.toMs >= full.toMs;
  const move = (factor: number, shift = 0) => onRange(zoomRange(range, full, factor, shift));
  const events = stream.buckets.reduce((sum, b) => sum + b.events, 0);
  return (
    <div className="profile-zoom" data-testid="profile-zoom">
      <fieldset>
        <legend className="visually-hidden">Show</legend>
        {(['share', 'raw'] as const).map((v) => (
          <label key={v}>
            <input
              type="radio"
              name="profile-view"
              value={v}
              checked={view === v}
              onChange={() => onView(v)}
            />{' '}
            {v === 'share' ? 'Shares (stacked)' : 'Raw weights'}
          </label>
        ))}
      </fieldset>
      {view === 'raw' && (
        <label>
          Scale{' '}
          <select value={scale} onChange={(e) => onScale(e.target.value as RawScale)}>
            <option value="log">log (small interests stay visible)</option>
            <option value="linear">linear</option>
          </select>
        </label>
      )}
      <span role="group" aria-label="Zoom">
        <button type="button" onClick={() => move(0.5)}>
          Zoom in
        </button>{' '}
        <button type="button" onClick={() => move(2)} disabled={whole}>
          Zoom out
        </button>{' '}
        <button type="button" onClick={() => move(1, -0.5)} disabled={range.fromMs <= full.fromMs}>
          Pan earlier
        </button>{' '}
        <button type="button" onClick={() => move(1, 0.5)} disabled={range.toMs >= full.toMs}>
          Pan later
        </button>{' '}
        <button type="button" onClick={() => onRange(null)} disabled={whole}>
          Whole timeline
        </button>
      </span>
      <span className="muted" data-testid="profile-range" aria-live="polite" aria-busy={busy}>
        {formatTime(range.fromMs, 'minute')} – {formatTime(range.toMs, 'minute')} ·{' '}
        {countOf(events, 'event')}
        {busy ? ' · updating…' : ''}
      </span>
    </div>
  );
}
