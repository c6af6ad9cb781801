// Lesson grading on the main side: lab/lessons gives each step its choices, and lab/grade reads
// the run's sessions, so the lesson screen judges a run exactly as the printed answer key does.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import type { LabState, Scenario } from '../../src-main/contract/lab';
import { measuredGuess } from '../../src-main/lab/guesses';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });

async function runSide(scenario: Scenario, side: 'a' | 'b'): Promise<LabState> {
  const settings = side === 'a' ? scenario.a : scenario.b!;
  const start = unwrap(
    await app.router.invoke('lab/start', {
      settings,
      persona: scenario.persona,
      personaSeed: scenario.personaSeed,
    }),
  );
  const run = unwrap(
    await app.router.invoke('lab/autopilot', {
      sessionId: start.sessionId,
      videos: scenario.videos,
    }),
  );
  return run.state;
}

describe('lesson grading', () => {
  it('gives every step its choices: three for a split screen, two for one feed', async () => {
    const lessons = unwrap(await app.router.invoke('lab/lessons', {}));
    for (const step of lessons.steps)
      expect(step.choices.map((c) => c.id)).toEqual(
        step.scenario.b ? ['a', 'b', 'same'] : ['bubble', 'none'],
      );
  });

  it("grades a split run from both sessions' bubble badges, and one feed from its own", async () => {
    const lessons = unwrap(await app.router.invoke('lab/lessons', {}));
    const split = lessons.steps.find((s) => s.scenario.b !== undefined)!.scenario;
    const a = await runSide(split, 'a');
    const b = await runSide(split, 'b');
    const graded = unwrap(await app.router.invoke('lab/grade', { a: a.sessionId, b: b.sessionId }));
    expect(graded.measured).toBe(measuredGuess(a.metrics.bubbleAfter, b.metrics.bubbleAfter));
    const alone = unwrap(await app.router.invoke('lab/grade', { a: a.sessionId, b: null }));
    expect(alone.measured).toBe(a.metrics.bubbleAfter === null ? 'none' : 'bubble');
    const ended = await app.router.invoke('lab/grade', { a: 'lab-0', b: null });
    expect(ended).toMatchObject({ ok: false, error: { code: 'not-found' } });
  }, 120_000);
});
