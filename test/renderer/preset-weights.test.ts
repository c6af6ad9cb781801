// Weight presets in the settings: Custom starts from its documented values and the published
// presets carry none; each preset's source is the document docs/ALGORITHM.md cites.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PRESET_SOURCES } from '../../src-main/contract/preset-sources';
import { PRESETS, presetWeights } from '../../src-main/engine/presets';
import { choosePreset, type WithPreset } from '../../src-renderer/explain/preset-choice';
import { ROOT } from '../helpers/shell';

describe('choosing a preset', () => {
  it('gives Custom its starting weights and takes them away from a published preset', () => {
    const start = presetWeights('custom');
    const settings: WithPreset & { seed: number } = { preset: 'tiktok-algo101', seed: 0 };
    const custom = choosePreset(settings, 'custom', start);
    expect(custom.weights).toEqual(start);
    expect(custom.seed).toBe(0);
    const moved = { ...custom, weights: { ...custom.weights!, follow: 10 } };
    const twitter = choosePreset(moved, 'twitter-2023', start);
    expect(twitter.preset).toBe('twitter-2023');
    expect('weights' in twitter).toBe(false);
    // Back to Custom starts over: a preset's numbers never leak into another.
    expect(choosePreset(twitter, 'custom', start).weights).toEqual(start);
  });
});

describe('preset sources', () => {
  const algorithm = readFileSync(join(ROOT, 'docs/ALGORITHM.md'), 'utf8');

  it('names, for every preset, the document the algorithm notes cite', () => {
    for (const preset of PRESETS)
      expect(PRESET_SOURCES[preset].document.length).toBeGreaterThan(10);
    expect(PRESET_SOURCES['tiktok-algo101'].document).toContain('New York Times');
    expect(algorithm).toContain('the New York Times (Dec 2021)');
    for (const preset of ['twitter-2023', 'x-2026'] as const) {
      const path = PRESET_SOURCES[preset].where!.split(', ')[1]!;
      expect(algorithm).toContain(`\`${path}\``);
    }
  });
});
