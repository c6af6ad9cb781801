// The shipped scenarios, lessons, worksheets and answer keys agree with the engine: every answer
// key in docs/lab/worksheets/ is what a fresh run writes, and every lesson's reveal names the
// bubble the run measures. If the engine changes a number, this fails: regenerate the keys with
// `npx tsx scripts/make-worksheets.ts` and re-read each scenario's reveal against them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { shippedLessons, shippedScenarios } from '../../src-main/lab/files';
import { makeWorksheets } from '../../scripts/make-worksheets';
import { tempDbPath } from '../helpers/temp';

const fixtures = join(import.meta.dirname, '..', '..', 'fixtures');
const docs = join(import.meta.dirname, '..', '..', 'docs', 'lab', 'worksheets');

describe('the shipped Lab scenarios', () => {
  it('are at least three, each with a lesson, and the guided path names only them', () => {
    const scenarios = shippedScenarios(fixtures);
    expect(scenarios.length).toBeGreaterThanOrEqual(3);
    const lessons = shippedLessons(fixtures);
    expect(lessons.totalMinutes).toBe(lessons.steps.reduce((n, s) => n + s.minutes, 0));
    const ids = scenarios.map((s) => s.id);
    for (const step of lessons.steps) expect(ids).toContain(step.scenario.id);
  });

  it('reveal what a fresh run measures, and their committed worksheets and keys are its output', async () => {
    const { files, runs } = await makeWorksheets(tempDbPath());
    for (const scenario of shippedScenarios(fixtures)) {
      const run = runs.get(scenario.id)!;
      for (const m of [run.a, run.b]) {
        // Each side that narrows is named in the reveal with the number of videos it took.
        if (m?.bubbleAfter != null)
          expect(scenario.reveal, scenario.id).toMatch(new RegExp(`\\b${m.bubbleAfter} videos\\b`));
      }
    }
    const committed = readdirSync(docs).filter((f) => f.endsWith('.md'));
    expect(Object.keys(files).sort()).toEqual(committed.sort());
    for (const [name, text] of Object.entries(files))
      expect(readFileSync(join(docs, name), 'utf8'), name).toBe(text);
  }, 120_000);
});
