import { useRef, useState } from 'react';
import type { Feed, FeedCandidates, FeedEntry, PoolSource } from '@main/contract/feed';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import type { DatasetSummary } from '@main/domain/types';
import { useCall, type CallState } from '../api/use-call';
import { videoCardLook } from '../cards/video-card';
import { VideoThumb } from '../cards/VideoThumb';
import type { MetadataFocus } from '../enrich/MetadataScreen';
import { explainFeed, idOnlyGroup, type FeedAction } from '../explain/feed-state';
import { removedName } from '../explain/why-panel-text';
import { countOf, formatTime } from '../format';
import type { EngineSettings } from '../settings';
import { AgreementPanel } from './AgreementPanel';
import { IdOnlyGroup } from './IdOnlyGroup';
import { Provenance } from '../words/Provenance';
import { MetadataNeeded } from './MetadataNeeded';
import { SessionPicker } from './SessionPicker';
import { SignalLog } from './SignalLog';
import { Status } from './Status';
import { WhyPanel, type EventLink } from './WhyPanel';

const K = 20;

export function FeedScreen({
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
  // null: just after the last event. Otherwise a moment picked on the timeline.
  const [atMs, setAtMs] = useState<number | null>(null);
  // 'demo': the person's profile applied to the synthetic demo catalogue (feed/at's candidates).
  const [candidates, setCandidates] = useState<FeedCandidates>('pool');
  // A past event opened from a "why" sentence: shown in the signal log under that video.
  const [opened, setOpened] = useState<{ itemId: string; event: EventLink } | null>(null);
  // The moments a feed can be built at: each session's start, read from the database (no replay).
  const sessions = useCall('datasets/sessions', { datasetId });
  const moments = sessions.status === 'ready' ? sessions.value.startsMs : [];
  const feed = useCall('feed/at', {
    datasetId,
    k: K,
    ...settings,
    candidates,
    ...(atMs === null ? {} : { atMs }),
  });
  // While a new feed is built (a weight slider moving, say), the last one stays on screen, so
  // the order changes in place and open "why" panels stay open.
  const [kept, setKept] = useState<Feed | null>(null);
  if (feed.status === 'ready' && feed.value !== kept) setKept(feed.value);
  const rebuilding = feed.status === 'loading' && kept !== null;
  // The agreement panel asks with the settings of the last feed answered, so a re-rank comes
  // first: the main side answers one call at a time, and agreement over a long history takes
  // seconds (2.1 s at a million events) that the new feed would otherwise wait behind.
  const [answered, setAnswered] = useState<EngineSettings | null>(null);
  if (feed.status !== 'loading' && answered !== settings) setAnswered(settings);
  const shown: CallState<Feed> = rebuilding ? { status: 'ready', value: kept } : feed;
  // The session picker ('before-session') moves the moment itself; every other way on is a button.
  const act = (action: ButtonAction) => {
    switch (action) {
      case 'earlier-moment':
        return setAtMs(moments[Math.floor(moments.length / 2)] ?? null);
      case 'include-demo':
        return onSettings({ ...settings, withDemo: true });
      case 'add-metadata':
        return onMetadata(null);
      case 'demo-candidates':
        return setCandidates('demo');
    }
  };
  const imported = dataset.kind !== 'demo' && dataset.kind !== 'lab';
  // "Prove it" replays the dataset's own pool; a feed of the demo's videos is not offered it.
  const row = (entry: FeedEntry, compact: boolean, atMs: number) => (
    <FeedRow
      key={entry.item.id}
      entry={entry}
      compact={compact}
      datasetId={datasetId}
      settings={settings}
      atMs={candidates === 'pool' ? atMs : null}
      opened={opened?.itemId === entry.item.id ? opened.event : null}
      onEvent={(event) => setOpened({ itemId: entry.item.id, event })}
      onCloseEvent={() => setOpened(null)}
      onMetadata={() => onMetadata(null)}
    />
  );
  return (
    <section aria-labelledby="feed-title">
      <h2 id="feed-title">The feed the recommender would build now</h2>
      {moments.length > 0 && (
        <p>
          <MomentPicker moments={moments} atMs={atMs} onChange={setAtMs} />
        </p>
      )}
      <MetadataNeeded dataset={dataset} onMetadata={onMetadata} />
      <Status state={shown}>
        {(value) => {
          // Over the demo's catalogue the banner says what the feed is; the pool's state is moot.
          const explanation =
            value.candidates === 'demo'
              ? null
              : explainFeed(value, {
                  k: K,
                  withDemo: settings.withDemo,
                  atLatest: atMs === null && moments.length > 1,
                  sessions: moments.length,
                  imported,
                });
          const { known, group } = idOnlyGroup(value.entries);
          return (
            <>
              {rebuilding ? (
                <p className="muted" aria-busy="true">
                  Rebuilding the feed…
                </p>
              ) : (
                <>
                  <p className="muted">
                    At {formatTime(value.atMs, 'minute')}, preset {value.preset}.
                    {value.entries.length > 0 &&
                      ' Open “Why?” on any video to see what drove its score.'}
                  </p>
                  <Provenance
                    preset={value.preset}
                    seed={value.seed}
                    configHash={value.configHash}
                    engineVersion={value.engineVersion}
                  />
                </>
              )}
              {value.candidates === 'demo' && (
                <div className="notice" role="note" data-testid="demo-candidates-note">
                  <strong>These videos are made up.</strong> They are the demo’s synthetic
                  catalogue, ranked by your profile at {formatTime(value.atMs, 'minute')}: the
                  profile this dataset’s events built, applied to videos nobody posted.{' '}
                  <button type="button" onClick={() => setCandidates('pool')}>
                    Back to this dataset’s videos
                  </button>
                </div>
              )}
              {explanation && (
                <div className="notice" role="note" data-testid="feed-explanation">
                  {explanation.sentence}{' '}
                  {explanation.actions.map((a) =>
                    a === 'before-session' ? (
                      <SessionPicker key={a} moments={moments} onPick={setAtMs} />
                    ) : (
                      <button key={a} type="button" onClick={() => act(a)}>
                        {ACTION_LABELS[a]}
                      </button>
                    ),
                  )}
                </div>
              )}
              {known.length > 0 && (
                <ol className="feed">{known.map((entry) => row(entry, false, value.atMs))}</ol>
              )}
              {group && (
                <IdOnlyGroup group={group} onMetadata={() => onMetadata(null)}>
                  {group.entries.map((entry) => row(entry, true, value.atMs))}
                </IdOnlyGroup>
              )}
              {value.removed.length > 0 && (
                <details>
                  <summary>{countOf(value.removed.length, 'candidate')} removed by rules</summary>
                  <ul>
                    {value.removed.map((r) => (
                      <li key={`${r.itemId}:${r.rule}`}>
                        {removedName(r)}: <code>{r.rule}</code> {r.words}
                      </li>
                    ))}
                  </ul>
                </details>
              )}
            </>
          );
        }}
      </Status>
      {imported && <AgreementPanel datasetId={datasetId} settings={answered} />}
    </section>
  );
}

type ButtonAction = Exclude<FeedAction, 'before-session'>;

const ACTION_LABELS: Record<ButtonAction, string> = {
  'earlier-moment': 'Go to the middle of your history',
  'include-demo': 'Include the demo catalogue (synthetic)',
  'add-metadata': 'Add metadata',
  'demo-candidates': 'Your profile applied to the demo’s catalogue (made-up videos)',
};

/** Any moment of the dataset: the feed is rebuilt from the events before it. */
function MomentPicker({
  moments,
  atMs,
  onChange,
}: {
  moments: readonly number[];
  atMs: number | null;
  onChange: (atMs: number | null) => void;
}) {
  const index = atMs === null ? moments.length : Math.max(0, moments.indexOf(atMs));
  return (
    <label className="moment">
      Moment{' '}
      <input
        type="range"
        min={0}
        max={moments.length}
        value={index}
        aria-valuetext={atMs === null ? 'now' : formatTime(atMs, 'minute')}
        onChange={(e) => {
          const i = Number(e.target.value);
          onChange(i >= moments.length ? null : moments[i]!);
        }}
      />{' '}
      <span className="muted">
        {atMs === null ? 'after the last event' : formatTime(atMs, 'minute')}
      </span>
    </label>
  );
}

const POOL_BADGES: Record<PoolSource, string | null> = {
  dataset: null,
  added: 'from your metadata file',
  demo: 'synthetic demo video',
};

function FeedRow({
  entry,
  compact,
  datasetId,
  settings,
  atMs,
  opened,
  onEvent,
  onCloseEvent,
  onMetadata,
}: {
  entry: FeedEntry;
  /** A video known by id alone, in its group: the id, the score and "Why?", no card. */
  compact: boolean;
  datasetId: string;
  settings: EngineSettings;
  /** The feed's moment, for "Prove it" (null: not offered). */
  atMs: number | null;
  opened: EventLink | null;
  onEvent: (event: EventLink) => void;
  onCloseEvent: () => void;
  onMetadata: () => void;
}) {
  const [open, setOpen] = useState(false);
  const whyButton = useRef<HTMLButtonElement>(null);
  const { item } = entry;
  const panelId = `why-${item.id}`;
  const badge = POOL_BADGES[entry.pool];
  const look = videoCardLook(TOPIC_TABLE, item);
  return (
    <li className="feed-item" data-testid="feed-item" data-item-id={item.id}>
      <div className="feed-line">
        <span className="rank">{entry.rank}</span>
        {compact ? (
          <div className="feed-body">
            <div className="caption" data-testid="card-caption">
              video {item.id}
              {entry.slot === 'explore' && <span className="badge explore">explore</span>}
            </div>
          </div>
        ) : (
          <>
            <VideoThumb look={look} />
            <div className="feed-body">
              <div className="caption" data-testid="card-caption">
                {look.title}
                {!look.captionKnown && (
                  <>
                    {' '}
                    <button type="button" className="link" onClick={onMetadata}>
                      add metadata
                    </button>
                  </>
                )}
              </div>
              <div className="card-line">
                <span className={look.creator === 'creator unknown' ? 'muted' : undefined}>
                  {look.creator}
                </span>{' '}
                · <span className="muted">♪ {look.sound}</span>
              </div>
              <div className="muted">
                {item.topics.join(', ') || 'no topic'}
                {item.topicsInferred && item.topics.length > 0 && (
                  <span
                    className="badge"
                    title="Topics inferred from hashtags that co-occur with known ones"
                  >
                    inferred
                  </span>
                )}{' '}
                · id {item.id}
                {entry.slot === 'explore' && <span className="badge explore">explore</span>}
                {badge && (
                  <span className={`badge pool-${entry.pool}`} data-testid="pool-badge">
                    {badge}
                  </span>
                )}
              </div>
            </div>
          </>
        )}
        <span className="score">{entry.score.toFixed(3)}</span>
        <button
          ref={whyButton}
          type="button"
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen(!open)}
        >
          Why?
        </button>
      </div>
      {open && (
        <div id={panelId}>
          <WhyPanel
            entry={entry}
            onEvent={onEvent}
            prove={atMs === null ? undefined : { datasetId, atMs, k: K, ...settings }}
          />
          {opened && (
            <div className="why-event" data-testid="why-event">
              <button
                type="button"
                onClick={() => {
                  onCloseEvent();
                  // The focus was in the log that closes: give it back to this video.
                  whyButton.current?.focus();
                }}
              >
                Close the signal log
              </button>
              <SignalLog
                key={opened.eventId}
                datasetId={datasetId}
                settings={settings}
                focusIndex={opened.eventIndex}
              />
            </div>
          )}
        </div>
      )}
    </li>
  );
}
