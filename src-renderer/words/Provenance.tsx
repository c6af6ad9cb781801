import { PRESET_LABELS, type PresetName } from '@main/engine/presets';

/**
 * What a set of numbers was computed with, folded under the heading rather than in it: the
 * preset, the seed, the engine's version and the config hash that a trace or an export repeats.
 * The hash is an identifier, shown as such (`data-verbatim`: the plain-words check skips it).
 */
export function Provenance({
  preset,
  seed,
  configHash,
  engineVersion,
}: {
  preset: string;
  seed: number;
  configHash: string;
  engineVersion?: string;
}) {
  const label = PRESET_LABELS[preset as PresetName] ?? preset;
  return (
    <details className="provenance" data-testid="provenance">
      <summary>Computed with the {label} preset</summary>
      <p className="muted">
        Seed {seed}
        {engineVersion && <>, engine {engineVersion}</>}, configuration{' '}
        <code data-verbatim title="The hash of every engine setting; traces and exports repeat it">
          {configHash}
        </code>
        . The same data, preset, seed and configuration give the same numbers.
      </p>
    </details>
  );
}
