import { useState } from 'react';
import type { PersonaId, PersonaSummary } from '@main/contract/lab';
import { TOPIC_TABLE } from '@main/domain/taxonomy-data';
import { countOf, formatCount } from '../format';
import { topicLabel } from '../cards/card-look';
import { AUTOPILOT_SPEEDS, type AutopilotRun, type AutopilotSpeed } from './use-autopilot';

/** Persona cards, each with its behaviour and, once a run narrowed, its "bubble after N" badge. */
export function Personas({
  personas,
  bubbles,
  run,
  busy,
  onRun,
  onStop,
}: {
  personas: PersonaSummary[];
  /** The last run's bubble per persona: N swipes, or null when it did not narrow. */
  bubbles: Partial<Record<PersonaId, number | null>>;
  run: AutopilotRun | null;
  busy: boolean;
  onRun: (persona: PersonaId, videos: number, speed: AutopilotSpeed) => void;
  onStop: () => void;
}) {
  const [videos, setVideos] = useState(100);
  const [speed, setSpeed] = useState<AutopilotSpeed>(10);
  const running = run?.running === true;
  return (
    <section className="lab-personas" aria-labelledby="lab-personas-title">
      <h3 id="lab-personas-title">Personas: let one scroll for you</h3>
      <div className="lab-autopilot-controls">
        <label>
          Videos{' '}
          <input
            type="number"
            min={1}
            max={2000}
            value={videos}
            onChange={(e) =>
              setVideos(Math.min(2000, Math.max(1, Math.floor(Number(e.target.value) || 1))))
            }
          />
        </label>
        <label>
          Speed{' '}
          <select
            value={String(speed)}
            onChange={(e) =>
              setSpeed(
                e.target.value === 'instant'
                  ? 'instant'
                  : (Number(e.target.value) as AutopilotSpeed),
              )
            }
          >
            {AUTOPILOT_SPEEDS.map((s) => (
              <option key={s} value={String(s)}>
                {s === 'instant' ? 'instant' : `${s} videos a second`}
              </option>
            ))}
          </select>
        </label>
        {running && (
          <button type="button" onClick={onStop}>
            Stop autopilot
          </button>
        )}
      </div>
      <p className="muted" role="status" aria-live="polite" data-testid="autopilot-status">
        {run === null
          ? 'Autopilot is off: you are scrolling.'
          : run.running
            ? `Autopilot: the ${run.persona} persona has scrolled ${formatCount(run.done)} of ${countOf(run.total, 'video')}…`
            : `Autopilot finished: the ${run.persona} persona scrolled ${formatCount(run.done)} of ${countOf(run.total, 'video')}.`}
      </p>
      <ul className="lab-persona-cards">
        {personas.map((p) => {
          const bubble = bubbles[p.id];
          return (
            <li key={p.id} className="lab-persona" data-persona={p.id}>
              <h4>
                {p.name}{' '}
                {typeof bubble === 'number' && (
                  <span className="badge lab-bubble" data-testid="bubble-badge">
                    bubble after {bubble} swipes
                  </span>
                )}
                {bubble === null && <span className="badge">no bubble in the last run</span>}
              </h4>
              <p>{p.description}</p>
              <p className="muted">
                Starts with:{' '}
                {p.startTopics.length === 0
                  ? 'no favourite topic'
                  : p.startTopics.map((t) => topicLabel(TOPIC_TABLE, t)).join(', ')}
              </p>
              <button
                type="button"
                disabled={busy || running}
                onClick={() => onRun(p.id, videos, speed)}
              >
                Run {p.name} for {videos} videos
              </button>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
