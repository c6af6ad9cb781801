// Reading the Lab's bundled files: the generated catalogue (fixtures/demo/lab-*.jsonl, prepared
// once per process with its co-engagement) and the shipped scenarios and lessons
// (fixtures/lab/), each validated against the contract's schemas.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { scenarioSchema, type Lessons, type Scenario } from '../contract/lab';
import type { Item } from '../domain/types';
import { prepareCatalogue } from '../engine';
import type { BackgroundSession } from './catalogue-gen';
import { guessChoices } from './guesses';
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
            /** The id of a shipped scenario: one file per run, shared with the sandbox. */
            scenario: z.string().min(1),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export function shippedLessons(fixturesDir: string): Lessons {
  const raw = JSON.parse(readFileSync(join(fixturesDir, 'lab', 'lessons.json'), 'utf8')) as unknown;
  const lessons = lessonsSchema.parse(raw);
  const scenarios = new Map(shippedScenarios(fixturesDir).map((s) => [s.id, s]));
  const steps = lessons.steps.map((step) => {
    const scenario = scenarios.get(step.scenario);
    if (!scenario) throw new Error(`lessons.json: step "${step.id}" names no shipped scenario.`);
    return { ...step, scenario, choices: guessChoices(scenario.b !== undefined) };
  });
  const totalMinutes = steps.reduce((sum, step) => sum + step.minutes, 0);
  return { title: lessons.title, steps, totalMinutes };
}
