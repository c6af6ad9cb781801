// Turns a call's engine options into a resolved engine config, and prepares a dataset's catalogue.
import type { z } from 'zod';
import {
  prepareCatalogue,
  resolveConfig,
  type ConfigInput,
  type EngineConfig,
  type Pool,
  type PreparedCatalogue,
} from '../engine';
import { UserError } from '../domain/errors';
import type { engineOptions } from '../contract/replay';

type Options = { [K in keyof typeof engineOptions]?: z.output<(typeof engineOptions)[K]> };

export function engineConfig(options: Options): EngineConfig {
  const input: ConfigInput = {};
  if (options.preset !== undefined) input.preset = options.preset;
  if (options.weights) input.weights = options.weights;
  if (options.rules) input.rules = options.rules as ConfigInput['rules'];
  if (options.explorationShare !== undefined) input.explorationShare = options.explorationShare;
  if (options.halfLifeDays !== undefined) input.halfLifeDays = options.halfLifeDays;
  if (options.inferredFactor !== undefined || options.loadedFactor !== undefined) {
    input.evidenceFactor = {};
    if (options.inferredFactor !== undefined)
      input.evidenceFactor.inferred = options.inferredFactor;
    if (options.loadedFactor !== undefined) input.evidenceFactor.loaded = options.loadedFactor;
  }
  if (options.slateSize !== undefined) input.slateSize = options.slateSize;
  try {
    return resolveConfig(input);
  } catch (error) {
    throw new UserError('bad-args', (error as Error).message);
  }
}

// One prepared catalogue per pool and choice of what it serves: operations that load the same
// dataset twice in a row (the feed while scrubbing through time) reuse it only when the pool is
// the same object.
const prepared = {
  all: new WeakMap<Pool, PreparedCatalogue>(),
  demo: new WeakMap<Pool, PreparedCatalogue>(),
};

/**
 * The pool prepared for the engine. `serve: 'demo'` serves only its demo videos: the others stay
 * in the catalogue, so the events about them still build the profile, as deleted videos do.
 */
export function catalogueOf(pool: Pool, serve: 'all' | 'demo' = 'all'): PreparedCatalogue {
  let cat = prepared[serve].get(pool);
  if (!cat) {
    const unservable =
      serve === 'all'
        ? pool.unavailable
        : new Set(
            pool.items
              .filter((item, i) => pool.sources[i] !== 'demo' || pool.unavailable.has(item.id))
              .map((item) => item.id),
          );
    cat = prepareCatalogue(pool.items, { unservable });
    prepared[serve].set(pool, cat);
  }
  return cat;
}
