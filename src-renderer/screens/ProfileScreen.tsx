import { useEffect, useState } from 'react';
import type { ProfileStream } from '@main/contract/profile';
import type { DatasetSummary } from '@main/domain/types';
import { DIM_TYPES, type DimType } from '@main/engine/config';
import { useCall, type CallState } from '../api/use-call';
import { countOf } from '../format';
import {
  dimensionPlural,
  type RawScale,
  type StreamView,
  type TimeRange,
} from '../charts/profile-stream-math';
import { ProfileStreamChart } from '../charts/ProfileStreamChart';
import { ProfileZoom } from '../charts/ProfileZoom';
import type { MetadataFocus } from '../enrich/MetadataScreen';
import { profileSettings, WEAKLY_SEEN_LOADED_FACTOR, type EngineSettings } from '../settings';
import { ExportSelfPanel } from './ExportSelf';
import { MetadataNeeded } from './MetadataNeeded';
import { SignalLog } from './SignalLog';
import { Status } from './Status';

export function ProfileScreen({
  dataset,
  settings,
  onSettings,
  onMetadata,
}: {
  dataset: DatasetSummary;
  settings: EngineSettings;
  onSettings: (settings: EngineSettings) => void;
  onMetadata: (focus: MetadataFocus) => void;
}) {
  const datasetId = dataset.id;
  const [dimension, setDimension] = useState<DimType>('topic');
  const [view, setView] = useState<StreamView>('share');
  const [scale, setScale] = useState<RawScale>('log');
  // The app keys this screen by dataset, so a zoom or an opened event never outlives its dataset.
  const [range, setRange] = useState<TimeRange | null>(null);
  // A new number on every click, so clicking the same point twice focuses it again.
  const [focus, setFocus] = useState<{ index: number; click: number } | null>(null);
  const answer = useCall('profile/stream', {
    datasetId,
    dimension,
    buckets: BUCKETS,
    ...range,
    ...profileSettings(settings),
  });
  const stream = useLastReady(answer, dimension);
  // The answer asked for, not the picture kept meanwhile: a replay says why it takes a while.
  const longRead = useLongWait(answer.status === 'loading' && dataset.eventCount >= LARGE_DATASET);
  const openEvent = (index: number) => setFocus({ index, click: (focus?.click ?? 0) + 1 });
  return (
    <section aria-labelledby="profile-title">
      <h2 id="profile-title">Interest profile over time</h2>
      <p className="muted">
        Drag across the chart to zoom in; click a point to open its event in the signal log.{' '}
        <label>
          Follow{' '}
          <select value={dimension} onChange={(e) => setDimension(e.target.value as DimType)}>
            {DIM_TYPES.map((d) => (
              <option key={d} value={d}>
                {dimensionPlural(d)}
              </option>
            ))}
          </select>
        </label>
      </p>
      {dataset.kind === 'zeeschuimer' && (
        <p className="notice" role="note" data-testid="capture-note">
          {settings.loadedFactor === 0 ? (
            <>
              A capture records what the page loaded, not what you watched, so it builds no profile.{' '}
              <button
                type="button"
                onClick={() => onSettings({ ...settings, loadedFactor: WEAKLY_SEEN_LOADED_FACTOR })}
              >
                Count loaded videos as weakly seen
              </button>
            </>
          ) : (
            <>
              Loaded videos count ×{settings.loadedFactor.toFixed(2)}, as if weakly seen: the page
              loaded them, which does not prove you watched them.{' '}
              <button type="button" onClick={() => onSettings({ ...settings, loadedFactor: 0 })}>
                Count them as unseen again
              </button>
            </>
          )}
        </p>
      )}
      <MetadataNeeded dataset={dataset} onMetadata={onMetadata} />
      {dataset.kind === 'tiktok-export' && <ExportSelfPanel datasetId={datasetId} />}
      {longRead && (
        <p className="muted" role="status" data-testid="profile-first-read">
          Reading {countOf(dataset.eventCount, 'event')} and replaying them once; for a dataset this
          large that takes a while the first time, and zooming after that is quick.
        </p>
      )}
      <Status state={stream}>
        {(value) =>
          value.buckets.length === 0 ? (
            <p className="notice" role="note">
              This dataset has no events, so there is no profile to draw: import a TikTok export or
              a capture on the Import screen.
            </p>
          ) : value.topics.length === 0 ? (
            <p className="notice" role="note" data-testid="profile-empty">
              No {dimension} has any weight yet: none of this dataset’s events is about a video or a
              name whose {dimension} is known. Follow another dimension above, or add metadata so
              the videos you watched count.
            </p>
          ) : (
            <>
              <ProfileZoom
                stream={value}
                view={view}
                scale={scale}
                busy={answer.status === 'loading'}
                onView={setView}
                onScale={setScale}
                onRange={setRange}
              />
              <ProfileStreamChart
                stream={value}
                view={view}
                scale={scale}
                onRange={setRange}
                onOpenEvent={openEvent}
              />
            </>
          )
        }
      </Status>
      <SignalLog
        key={focus ? `${focus.index}-${focus.click}` : 'start'}
        datasetId={datasetId}
        settings={settings}
        focusIndex={focus?.index}
      />
    </section>
  );
}

/** From this size on, a first read takes seconds: the screen says why it waits. */
const LARGE_DATASET = 100_000;

/**
 * True once `busy` has lasted a second: a stored series answers well within that, so the note on
 * a replay shows only when one is really running (other settings than the stored defaults).
 */
function useLongWait(busy: boolean): boolean {
  const [long, setLong] = useState(false);
  useEffect(() => {
    if (!busy) return;
    const timer = setTimeout(() => setLong(true), 1000);
    return () => {
      clearTimeout(timer);
      setLong(false);
    };
  }, [busy]);
  return busy && long;
}

/** About one point per two pixels of the chart's 760-unit width. */
const BUCKETS = 380;

/**
 * The latest answer, or while a zoom is loading the previous one for the same dimension, so the
 * chart stays on screen instead of blinking to "Loading…".
 */
function useLastReady(state: CallState<ProfileStream>, scope: string): CallState<ProfileStream> {
  const [last, setLast] = useState<{ scope: string; state: CallState<ProfileStream> } | null>(null);
  // Adjusting state while rendering (React's pattern for state derived from a changing prop).
  if (state.status === 'ready' && (last?.state !== state || last.scope !== scope))
    setLast({ scope, state });
  if (state.status === 'loading' && last?.scope === scope) return last.state;
  return state;
}
