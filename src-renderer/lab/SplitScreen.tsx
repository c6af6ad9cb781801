import type { LabState, PersonaSummary } from '@main/contract/lab';
import { LabMetricsView } from './LabMetricsView';
import { ProfileBars } from './ProfileBars';
import { DEFAULT_LAB_SETTINGS, RulesPanel } from './RulesPanel';
import type { SplitConfig, SplitRun } from './use-split-run';

/** Two engines, one persona: settings above, profiles and metrics under each side. */
export function SplitScreen({
  personas,
  config,
  onConfig,
  split,
}: {
  personas: PersonaSummary[];
  config: SplitConfig;
  onConfig: (config: SplitConfig) => void;
  split: SplitRun;
}) {
  const error = split.a.error ?? split.b.error;
  return (
    <section className="lab-split" aria-labelledby="lab-split-title">
      <h3 id="lab-split-title">Split screen: the same persona, two engines</h3>
      <div className="lab-split-controls">
        <label>
          Persona{' '}
          <select
            value={config.persona}
            onChange={(e) =>
              onConfig({ ...config, persona: e.target.value as SplitConfig['persona'] })
            }
          >
            {personas.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          Videos per side{' '}
          <input
            type="number"
            min={1}
            max={2000}
            value={config.videos}
            onChange={(e) =>
              onConfig({
                ...config,
                videos: Math.min(2000, Math.max(1, Math.floor(Number(e.target.value) || 1))),
              })
            }
          />
        </label>
        <button
          type="button"
          className="primary"
          disabled={split.running}
          onClick={() => void split.runBoth(config)}
        >
          Run both sides
        </button>
      </div>
      <p className="muted" role="status" aria-live="polite" data-testid="split-status">
        {split.running
          ? `Running the ${config.persona} persona for ${config.videos} videos on each side…`
          : split.a.state && split.b.state
            ? `Both sides ran the ${config.persona} persona (seed ${config.personaSeed}) for ${split.a.state.metrics.videos} and ${split.b.state.metrics.videos} videos.`
            : 'Set each side, then run both.'}
      </p>
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <p className="notice lab-caveat" role="note">
        A simulation over a synthetic catalogue, not TikTok. Each side is one run of one persona: n
        = {config.videos} videos per side, one seed; a different seed can differ.
      </p>
      <div className="lab-split-sides">
        <SplitSide
          side="A"
          settings={config.a}
          onSettings={(a) => onConfig({ ...config, a })}
          state={split.a.state}
          disabled={split.running}
        />
        <SplitSide
          side="B"
          settings={config.b ?? DEFAULT_LAB_SETTINGS}
          onSettings={(b) => onConfig({ ...config, b })}
          state={split.b.state}
          disabled={split.running}
        />
      </div>
    </section>
  );
}

function SplitSide(props: {
  side: 'A' | 'B';
  settings: SplitConfig['a'];
  onSettings: (settings: SplitConfig['a']) => void;
  state: LabState | null;
  disabled: boolean;
}) {
  return (
    <div className="lab-split-side" data-testid={`split-${props.side.toLowerCase()}`}>
      <RulesPanel
        key={JSON.stringify(props.settings.keywords ?? [])}
        title={`Side ${props.side}`}
        settings={props.settings}
        onChange={props.onSettings}
        disabled={props.disabled}
      />
      {props.state ? <SideResult state={props.state} /> : <p className="muted">Not run yet.</p>}
    </div>
  );
}

export function SideResult({ state }: { state: LabState }) {
  return (
    <>
      <ProfileBars profile={state.profile} />
      <LabMetricsView state={state} />
    </>
  );
}
