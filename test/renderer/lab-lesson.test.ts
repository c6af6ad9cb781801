import { describe, expect, it } from 'vitest';
import {
  LESSON_START,
  lessonReducer,
  resultVisible,
  stepLabel,
  type LessonEvent,
  type LessonState,
} from '../../src-renderer/lab/lesson-machine';

const run = (events: LessonEvent[], steps = 2): LessonState =>
  events.reduce((s, e) => lessonReducer(s, e, steps), LESSON_START);

describe('the lesson step machine', () => {
  it('will not run before a guess is committed', () => {
    expect(run([{ type: 'commit' }]).phase).toBe('predict');
    expect(run([{ type: 'ran' }]).phase).toBe('predict');
    expect(resultVisible(run([{ type: 'pick', guess: 'a' }]))).toBe(false);
  });

  it('goes predict → run → reveal → discuss and keeps the committed guess', () => {
    const committed = run([{ type: 'pick', guess: 'a' }, { type: 'commit' }]);
    expect(committed.phase).toBe('run');
    expect(resultVisible(committed)).toBe(false);
    // A guess cannot be changed once the run started.
    const still = lessonReducer(committed, { type: 'pick', guess: 'b' }, 2);
    expect(still.guess).toBe('a');
    const revealed = lessonReducer(still, { type: 'ran' }, 2);
    expect(revealed.phase).toBe('reveal');
    expect(resultVisible(revealed)).toBe(true);
    expect(lessonReducer(revealed, { type: 'discuss' }, 2).phase).toBe('discuss');
  });

  it('moves to the next step with a fresh guess, then to done', () => {
    const one = [
      { type: 'pick', guess: 'a' },
      { type: 'commit' },
      { type: 'ran' },
      { type: 'discuss' },
      { type: 'next' },
    ] as LessonEvent[];
    const second = run(one);
    expect(second).toEqual({ step: 1, phase: 'predict', guess: null });
    expect(stepLabel(second, 2)).toBe('Step 2 of 2 · predict');
    const done = run([...one, ...one]);
    expect(done.phase).toBe('done');
    expect(stepLabel(done, 2)).toBe('All 2 steps done');
    expect(run([...one, { type: 'restart' }])).toEqual(LESSON_START);
  });
});
