import { describe, expect, it } from 'vitest';
import { guessChoices, measuredGuess } from '../../src-main/lab/guesses';
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

describe('guesses against what the run measured', () => {
  it('offers three guesses for a split screen and two for one feed', () => {
    expect(guessChoices(true).map((g) => g.id)).toEqual(['a', 'b', 'same']);
    expect(guessChoices(false).map((g) => g.id)).toEqual(['bubble', 'none']);
  });

  it('reads the bubble badge: sooner is fewer videos, never is last', () => {
    expect(measuredGuess(40, 120)).toBe('a');
    expect(measuredGuess(120, 40)).toBe('b');
    expect(measuredGuess(null, 40)).toBe('b');
    expect(measuredGuess(40, null)).toBe('a');
    expect(measuredGuess(null, null)).toBe('same');
    expect(measuredGuess(60, 60)).toBe('same');
    expect(measuredGuess(60)).toBe('bubble');
    expect(measuredGuess(null)).toBe('none');
  });
});

describe('a failed run', () => {
  it('goes back to predict with the guess kept', () => {
    const failed = run([{ type: 'pick', guess: 'b' }, { type: 'commit' }, { type: 'failed' }]);
    expect(failed).toEqual({ step: 0, phase: 'predict', guess: 'b' });
    expect(run([{ type: 'failed' }])).toEqual(LESSON_START);
  });
});
