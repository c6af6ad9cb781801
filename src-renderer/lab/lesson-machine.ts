// A lesson step is predict → run → reveal → discuss (issue 8): the learner commits a guess before
// the run starts, and the result is only shown after the run. A reducer over plain data, so the
// order is enforced in one place and tested without a DOM (test/renderer/lab-lesson.test.ts).

export type LessonPhase = 'predict' | 'run' | 'reveal' | 'discuss' | 'done';

export type LessonState = {
  /** Index of the current step in the lesson. */
  step: number;
  phase: LessonPhase;
  /** The guess picked in `predict`; fixed once committed. */
  guess: string | null;
};

export type LessonEvent =
  | { type: 'pick'; guess: string }
  | { type: 'commit' }
  | { type: 'ran' }
  /** The run failed: back to predict, the guess kept, to run again. */
  | { type: 'failed' }
  | { type: 'discuss' }
  | { type: 'next' }
  | { type: 'restart' };

export const LESSON_START: LessonState = { step: 0, phase: 'predict', guess: null };

/** The next state; an event that does not fit the phase leaves the state as it is. */
export function lessonReducer(
  state: LessonState,
  event: LessonEvent,
  stepCount: number,
): LessonState {
  switch (event.type) {
    case 'pick':
      return state.phase === 'predict' ? { ...state, guess: event.guess } : state;
    case 'commit':
      return state.phase === 'predict' && state.guess !== null ? { ...state, phase: 'run' } : state;
    case 'ran':
      return state.phase === 'run' ? { ...state, phase: 'reveal' } : state;
    case 'failed':
      return state.phase === 'run' ? { ...state, phase: 'predict' } : state;
    case 'discuss':
      return state.phase === 'reveal' ? { ...state, phase: 'discuss' } : state;
    case 'next':
      if (state.phase !== 'discuss') return state;
      return state.step + 1 < stepCount
        ? { step: state.step + 1, phase: 'predict', guess: null }
        : { ...state, phase: 'done' };
    case 'restart':
      return LESSON_START;
  }
}

/** The result of a run may only be on screen once the guess is committed and the run is over. */
export function resultVisible(state: LessonState): boolean {
  return state.phase === 'reveal' || state.phase === 'discuss' || state.phase === 'done';
}

/** "Step 2 of 4 · predict" for the heading and the live region. */
export function stepLabel(state: LessonState, stepCount: number): string {
  if (state.phase === 'done') return `All ${stepCount} steps done`;
  return `Step ${state.step + 1} of ${stepCount} · ${state.phase}`;
}
