// Switching weight presets: Custom starts from `customStart` (its documented values,
// docs/ALGORITHM.md "Presets"); the published presets are fixed, so they carry no weights of
// their own and a Custom slider never leaks into them.
import type { ObjectiveWeights, PresetName } from '@main/engine/presets';

export type WithPreset = { preset: PresetName; weights?: ObjectiveWeights };

export function choosePreset<S extends WithPreset>(
  settings: S,
  preset: PresetName,
  customStart: ObjectiveWeights,
): S {
  const next: S = { ...settings, preset };
  if (preset === 'custom') next.weights = { ...customStart };
  else delete next.weights;
  return next;
}
