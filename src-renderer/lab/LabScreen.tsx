import { useCallback, useEffect, useRef, useState } from 'react';
import type { LabSettings, LabState, PersonaId, Scenario } from '@main/contract/lab';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { Status } from '../screens/Status';
import { Classroom } from './Classroom';
import { Lessons } from './Lessons';
import { LiveFeed } from './LiveFeed';
import { Personas } from './Personas';
import { DEFAULT_LAB_SETTINGS, RulesPanel } from './RulesPanel';
import { SplitScreen } from './SplitScreen';
import { useAutopilot } from './use-autopilot';
import { useLabSession } from './use-lab-session';
import { DEFAULT_SPLIT, useSplitRun, type SplitConfig } from './use-split-run';
import './lab.css';

const PARTS = [
  { id: 'lessons', label: 'Guided path' },
  { id: 'feed', label: 'Sandbox: live feed' },
  { id: 'split', label: 'Split screen' },
] as const;
type PartId = (typeof PARTS)[number]['id'];

/** The Feed Lab (docs/LAB.md): lessons first, then the live feed and the split screen. */
export function LabScreen() {
  const [part, setPart] = useState<PartId>('lessons');
  const [presenting, setPresenting] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const personas = useCall('lab/personas', {});
  const lessons = useCall('lab/lessons', {});
  const live = useLabSession();
  const split = useSplitRun();
  const [liveSettings, setLiveSettings] = useState<LabSettings>(DEFAULT_LAB_SETTINGS);
  const [splitConfig, setSplitConfig] = useState<SplitConfig>(DEFAULT_SPLIT);
  const [scenario, setScenario] = useState<Scenario | null>(null);
  const [bubbles, setBubbles] = useState<Partial<Record<PersonaId, number | null>>>({});
  const onAutopilotDone = useCallback(
    (state: LabState, persona: PersonaId) =>
      setBubbles((b) => ({ ...b, [persona]: state.metrics.bubbleAfter })),
    [],
  );
  const autopilot = useAutopilot(live, onAutopilotDone);

  const { start } = live;
  const hasLive = live.state !== null;
  useEffect(() => {
    if (part === 'feed' && !hasLive) void start({ settings: DEFAULT_LAB_SETTINGS });
  }, [part, hasLive, start]);

  // Presentation mode asks for full screen; leaving full screen (Esc) leaves the mode too.
  useEffect(() => {
    const onChange = () => {
      if (document.fullscreenElement === null) setPresenting(false);
    };
    document.addEventListener('fullscreenchange', onChange);
    return () => document.removeEventListener('fullscreenchange', onChange);
  }, []);
  const togglePresenting = () => {
    const next = !presenting;
    setPresenting(next);
    if (next) void root.current?.requestFullscreen?.().catch(() => undefined);
    else if (document.fullscreenElement) void document.exitFullscreen().catch(() => undefined);
  };

  const withLive = (name: 'lab/reset' | 'lab/refresh') =>
    void live.run((sessionId) => {
      if (sessionId === null) throw new Error('Start a feed first.');
      return call(name, { sessionId });
    });
  const configure = (settings: LabSettings) => {
    setLiveSettings(settings);
    void live.run((sessionId) =>
      sessionId === null
        ? call('lab/start', { settings })
        : call('lab/configure', { sessionId, settings }),
    );
  };
  const loadScenario = (s: Scenario) => {
    setScenario(s);
    setSplitConfig({
      persona: s.persona,
      personaSeed: s.personaSeed,
      videos: s.videos,
      a: s.a,
      b: s.b ?? s.a,
    });
    setPart('split');
  };

  return (
    <div
      ref={root}
      className={presenting ? 'lab presenting' : 'lab'}
      data-testid="lab"
      aria-labelledby="lab-title"
      role="region"
    >
      <div className="lab-top">
        <h2 id="lab-title">Feed Lab</h2>
        <nav aria-label="Lab parts" className="tabs">
          {PARTS.map((p) => (
            <button
              key={p.id}
              type="button"
              aria-current={part === p.id ? 'page' : undefined}
              onClick={() => setPart(p.id)}
            >
              {p.label}
            </button>
          ))}
        </nav>
        <button type="button" aria-pressed={presenting} onClick={togglePresenting}>
          {presenting ? 'Leave presentation mode' : 'Presentation mode'}
        </button>
      </div>
      <p className="muted lab-intro">
        A simulated For You feed over a synthetic demo catalogue, with the same engine and the same
        “why” as your own data. A simulation, not TikTok.
      </p>

      {part === 'lessons' && (
        <Status state={lessons}>
          {(l) => <Lessons lessons={l} onSandbox={() => setPart('feed')} />}
        </Status>
      )}

      {part === 'feed' && (
        <>
          <div className="lab-feed-tools" role="group" aria-label="Feed">
            <button
              type="button"
              disabled={!hasLive || live.busy}
              onClick={() => withLive('lab/refresh')}
              title="Start as if new, keeping the filters and topic sliders (as TikTok describes it)"
            >
              Refresh feed
            </button>
            <button
              type="button"
              disabled={!hasLive || live.busy}
              onClick={() => withLive('lab/reset')}
            >
              Reset
            </button>
          </div>
          {live.error && (
            <p role="alert" className="error">
              {live.error}
            </p>
          )}
          {live.state ? (
            <LiveFeed session={live} state={live.state} />
          ) : (
            !live.error && (
              <p className="muted" aria-busy="true">
                Starting a feed…
              </p>
            )
          )}
          <RulesPanel
            key={JSON.stringify(liveSettings.keywords ?? [])}
            settings={liveSettings}
            onChange={configure}
            disabled={autopilot.runState?.running === true}
          />
          <Status state={personas}>
            {(list) => (
              <Personas
                personas={list}
                bubbles={bubbles}
                run={autopilot.runState}
                busy={live.busy || !hasLive}
                onRun={(persona, videos, speed) => void autopilot.start(persona, videos, speed)}
                onStop={autopilot.stop}
              />
            )}
          </Status>
        </>
      )}

      {part === 'split' && (
        <>
          {scenario && (
            <div className="notice" role="note">
              <strong>{scenario.title}</strong>
              <p>{scenario.lesson}</p>
            </div>
          )}
          <Status state={personas}>
            {(list) => (
              <SplitScreen
                personas={list}
                config={splitConfig}
                onConfig={setSplitConfig}
                split={split}
              />
            )}
          </Status>
        </>
      )}

      <Classroom
        sessionId={live.state?.sessionId ?? null}
        busy={live.busy}
        onResume={(datasetId) => {
          setPart('feed');
          void live.run(() => call('lab/resume', { datasetId }));
        }}
        split={splitConfig}
        onScenario={loadScenario}
      />
    </div>
  );
}
