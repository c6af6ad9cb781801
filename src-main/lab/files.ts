// Reading the Lab's bundled files: the generated catalogue (fixtures/demo/lab-*.jsonl, prepared
// once per process with its co-engagement) and the shipped scenarios and lessons
// (fixtures/lab/), each validated against the contract's schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { scenarioSchema, type Lessons, type Scenario } from '../api/contract/lab';
import type { Item } from '../domain/types';
import { prepareCatalogue } from '../engine';
import type { BackgroundSession } from './catalogue-gen';
import type { LabWorld } from './session';

const jsonLines = <T>(path: string): T[] =>
  readFileSync(path, 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as T);

// Preparing 10,000 items and their co-engagement takes about a second: once per fixtures folder.
const worlds = new Map<string, LabWorld>();
export function labWorld(fixturesDir: string): LabWorld {
  let world = worlds.get(fixturesDir);
  if (!world) {
    const items = jsonLines<Item>(join(fixturesDir, 'demo', 'lab-catalogue.jsonl'));
    const sessions = jsonLines<BackgroundSession>(
      join(fixturesDir, 'demo', 'lab-interactions.jsonl'),
    );
    const catalogue = prepareCatalogue(items, { interactions: sessions.map((s) => s.items) });
    worlds.set(fixturesDir, (world = { items, catalogue }));
  }
  return world;
}

export function shippedScenarios(fixturesDir: string): Scenario[] {
  const dir = join(fixturesDir, 'lab', 'scenarios');
  return readdirSync(dir)
    .filter((name) => name.endsWith('.json'))
    .sort()
    .map((name) => scenarioSchema.parse(JSON.parse(readFileSync(join(dir, name), 'utf8'))));
}

const lessonsSchema = z
  .object({
    title: z.string().min(1),
    steps: z
      .array(
        z
          .object({
            id: z.string().min(1),
            title: z.string().min(1),
            minutes: z.number().positive(),
            knob: z.string().min(1),
            scenario: scenarioSchema,
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export function shippedLessons(fixturesDir: string): Lessons {
  const raw = JSON.parse(readFileSync(join(fixturesDir, 'lab', 'lessons.json'), 'utf8')) as unknown;
  const lessons = lessonsSchema.parse(raw);
  const totalMinutes = lessons.steps.reduce((sum, step) => sum + step.minutes, 0);
  return { ...lessons, totalMinutes };
}
