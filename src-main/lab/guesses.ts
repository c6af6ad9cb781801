// What a learner can guess in a lesson step, and which guess a run bears out: the one grading of
// the lesson screen (through lab/lessons and lab/grade) and the printed answer keys
// (worksheets.ts), so the class and the key always judge a run the same way.
import type { Guess } from '../contract/lab';

/** What the learner can predict: which side narrows first, or whether one feed narrows at all. */
export function guessChoices(split: boolean): Guess[] {
  return split
    ? [
        { id: 'a', label: 'The left feed (A) narrows sooner' },
        { id: 'b', label: 'The right feed (B) narrows sooner' },
        { id: 'same', label: 'No clear difference' },
      ]
    : [
        { id: 'bubble', label: 'A bubble forms during the run' },
        { id: 'none', label: 'No bubble forms' },
      ];
}

/**
 * What the run measured, in the terms of the guesses: a feed "narrows" when the backend's bubble
 * badge fires (bubbleAfter, docs/LAB.md); sooner means after fewer videos, never counting as last.
 */
export function measuredGuess(a: number | null, b?: number | null): string {
  if (b === undefined) return a === null ? 'none' : 'bubble';
  if (a === b) return 'same';
  if (a === null) return 'b';
  if (b === null) return 'a';
  return a < b ? 'a' : 'b';
}
