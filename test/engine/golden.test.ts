// Golden scenarios (fixtures/golden/*): small hand-made replays whose deltas and traces are
// checked byte for byte. A missing expected file fails the test; only UPDATE_GOLDEN=1 writes the
// expected files (UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts, then review
// `git diff fixtures/golden`).
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { FeedEvent, Item } from '../../src-main/domain/types';
import {
  deltaAt,
  prepareCatalogue,
  replay,
  resolveConfig,
  round,
  traceLine,
  type ConfigInput,
  type SlatePoints,
} from '../../src-main/engine';

const DIR = fileURLToPath(new URL('../../fixtures/golden', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';
const read = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;

function run(dir: string): { deltas: string; traces: string } {
  const items = read<Item[]>(join(dir, 'catalogue.json'));
  const events = read<FeedEvent[]>(join(dir, 'events.json'));
  const spec = read<{ seed: number; points: SlatePoints; config: ConfigInput }>(
    join(dir, 'config.json'),
  );
  const config = resolveConfig(spec.config);
  const r = replay({
    events,
    catalogue: prepareCatalogue(items),
    config,
    seed: spec.seed,
    points: spec.points,
  });
  const deltas = Array.from({ length: r.viewer.applied }, (_, i) => {
    const d = deltaAt(r.viewer.log, r.viewer.store, r.viewer.events, i, config);
    return `${JSON.stringify({ ...d, changes: d.changes.map((c) => ({ ...c, before: round(c.before), after: round(c.after) })) })}\n`;
  }).join('');
  return { deltas, traces: r.slates.map((s) => `${traceLine(s.trace)}\n`).join('') };
}

const scenarios = readdirSync(DIR, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .map((d) => d.name)
  .sort();

describe('golden scenarios', () => {
  it('has scenarios', () => expect(scenarios.length).toBeGreaterThanOrEqual(3));

  for (const name of scenarios) {
    it(name, () => {
      const dir = join(DIR, name);
      const got = run(dir);
      for (const [file, text] of [
        ['expected-deltas.jsonl', got.deltas],
        ['expected-traces.jsonl', got.traces],
      ] as const) {
        const path = join(dir, file);
        if (update) writeFileSync(path, text);
        if (!existsSync(path)) {
          expect.fail(
            `fixtures/golden/${name}/${file} is missing. To write it from the engine's output, run: ` +
              `UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts and review it.`,
          );
        }
        const want = readFileSync(path, 'utf8');
        if (text !== want) {
          const a = want.split('\n');
          const b = text.split('\n');
          const line = a.findIndex((l, i) => l !== b[i]);
          expect.fail(
            `fixtures/golden/${name}/${file} differs from the engine's output (first at line ${line + 1}). ` +
              `If the change is intended, run: UPDATE_GOLDEN=1 npx vitest run test/engine/golden.test.ts ` +
              `and review \`git diff fixtures/golden\`.`,
          );
        }
      }
    });
  }
});
