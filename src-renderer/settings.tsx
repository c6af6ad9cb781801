// The engine settings a user can change live (educators' "switch presets and exploration"): one
// state for the whole app, sent with every engine call so every screen shows the same engine.
import { PRESET_SOURCES } from '@main/contract/preset-sources';
import { DEFAULT_CONFIG } from '@main/engine/config';
import { choosePreset } from './explain/preset-choice';
import { OBJECTIVE_LABELS } from './words/objectives';
import {
  OBJECTIVES,
  PRESET_LABELS,
  PRESET_MAPPING,
  PRESETS,
  presetWeights,
  type ObjectiveWeights,
  type PresetName,
} from '@main/engine/presets';

export type EngineSettings = {
  preset: PresetName;
  /** Your V per objective; only with the Custom preset (the published presets are fixed). */
  weights?: ObjectiveWeights;
  seed: number;
  halfLifeDays: number;
  inferredFactor: number;
  /** How much a capture's page loads count (0 by default: loaded is not seen). */
  loadedFactor: number;
  explorationShare: number;
  /** Add the synthetic demo catalogue to the candidate pool (feeds label its videos). */
  withDemo: boolean;
};

export const DEFAULT_SETTINGS: EngineSettings = {
  preset: DEFAULT_CONFIG.preset,
  seed: 0,
  halfLifeDays: DEFAULT_CONFIG.halfLifeDays,
  inferredFactor: DEFAULT_CONFIG.evidenceFactor.inferred,
  loadedFactor: DEFAULT_CONFIG.evidenceFactor.loaded,
  explorationShare: DEFAULT_CONFIG.explorationShare,
  withDemo: false,
};

/** The settings that shape the profile alone (the profile calls take only these). */
export function profileSettings({ halfLifeDays, inferredFactor, loadedFactor }: EngineSettings) {
  return { halfLifeDays, inferredFactor, loadedFactor };
}

/** "Count loaded videos as weakly seen" sets this (OURS: half an inferred watch's factor). */
export const WEAKLY_SEEN_LOADED_FACTOR = 0.25;

export function SettingsPanel({
  settings,
  onChange,
}: {
  settings: EngineSettings;
  onChange: (settings: EngineSettings) => void;
}) {
  const set = <K extends keyof EngineSettings>(key: K, value: EngineSettings[K]) =>
    onChange({ ...settings, [key]: value });
  const changed = JSON.stringify(settings) !== JSON.stringify(DEFAULT_SETTINGS);
  return (
    <details className="settings">
      <summary>Engine settings{changed ? ' (changed)' : ''}</summary>
      <div className="settings-grid">
        <label>
          Weights
          <select
            value={settings.preset}
            onChange={(e) =>
              onChange(
                choosePreset(settings, e.target.value as PresetName, presetWeights('custom')),
              )
            }
          >
            {PRESETS.map((p) => (
              <option key={p} value={p}>
                {PRESET_LABELS[p]}
              </option>
            ))}
          </select>
        </label>
        <PresetWeights
          preset={settings.preset}
          weights={settings.weights ?? presetWeights(settings.preset)}
          onChange={(weights) => set('weights', weights)}
        />
        <Slider
          label="Exploration share"
          min={0}
          max={1}
          step={0.05}
          value={settings.explorationShare}
          format={(v) => `${Math.round(v * 100)}%`}
          onChange={(v) => set('explorationShare', v)}
        />
        <Slider
          label="Profile half-life"
          min={1}
          max={60}
          step={1}
          value={settings.halfLifeDays}
          format={(v) => `${v} days`}
          onChange={(v) => set('halfLifeDays', v)}
        />
        <Slider
          label="Inferred watches count"
          min={0}
          max={1}
          step={0.05}
          value={settings.inferredFactor}
          format={(v) => `×${v.toFixed(2)}`}
          onChange={(v) => set('inferredFactor', v)}
        />
        <Slider
          label="Loaded videos count"
          min={0}
          max={1}
          step={0.05}
          value={settings.loadedFactor}
          format={(v) => `×${v.toFixed(2)}`}
          onChange={(v) => set('loadedFactor', v)}
        />
        <label>
          <input
            type="checkbox"
            checked={settings.withDemo}
            onChange={(e) => set('withDemo', e.target.checked)}
          />
          Include the demo catalogue (synthetic)
        </label>
        <label>
          Seed
          <input
            type="number"
            min={0}
            step={1}
            value={settings.seed}
            onChange={(e) => set('seed', Math.max(0, Math.floor(Number(e.target.value) || 0)))}
          />
        </label>
        <button type="button" disabled={!changed} onClick={() => onChange(DEFAULT_SETTINGS)}>
          Reset to the documented defaults
        </button>
      </div>
    </details>
  );
}

const MAX_WEIGHT = 10;

/**
 * Where the preset's numbers come from and what they are; for Custom, a slider per objective
 * (each move re-ranks every open feed) and a reset to the starting values.
 */
function PresetWeights({
  preset,
  weights,
  onChange,
}: {
  preset: PresetName;
  weights: ObjectiveWeights;
  onChange: (weights: ObjectiveWeights) => void;
}) {
  const source = PRESET_SOURCES[preset];
  const start = presetWeights('custom');
  const moved = OBJECTIVES.some((o) => weights[o] !== start[o]);
  return (
    <div className="preset-weights" data-testid="preset-weights">
      <p className="preset-source" data-testid="preset-source">
        Numbers from {source.document}
        {source.where && (
          <>
            {' '}
            (<code>{source.where}</code>)
          </>
        )}
        . <span className="muted">{source.note}</span>
      </p>
      {preset === 'custom' ? (
        <div className="weight-sliders">
          {OBJECTIVES.map((o) => (
            <Slider
              key={o}
              label={`Weight of ${OBJECTIVE_LABELS[o]}`}
              min={0}
              max={MAX_WEIGHT}
              step={0.1}
              value={weights[o]}
              format={(v) => v.toFixed(1)}
              onChange={(v) => onChange({ ...weights, [o]: v })}
            />
          ))}
          <button type="button" disabled={!moved} onClick={() => onChange(start)}>
            Reset the weights
          </button>
        </div>
      ) : (
        <ul className="weights-list">
          {OBJECTIVES.map((o) => (
            <li key={o}>
              {OBJECTIVE_LABELS[o]} <strong>{weights[o]}</strong>{' '}
              <span className="muted">{PRESET_MAPPING[preset][o]}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function Slider(props: {
  label: string;
  min: number;
  max: number;
  step: number;
  value: number;
  format: (value: number) => string;
  onChange: (value: number) => void;
}) {
  return (
    <label>
      {props.label}
      <input
        type="range"
        min={props.min}
        max={props.max}
        step={props.step}
        value={props.value}
        aria-valuetext={props.format(props.value)}
        onChange={(e) => props.onChange(Number(e.target.value))}
      />
      <span className="muted">{props.format(props.value)}</span>
    </label>
  );
}
