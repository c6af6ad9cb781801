import { useReducer, useState } from 'react';
import type { LabState, Lessons as LessonPath } from '@main/contract/lab';
import { call } from '../api/client';
import {
  LESSON_START,
  lessonReducer,
  resultVisible,
  stepLabel,
  type LessonEvent,
  type LessonState,
} from './lesson-machine';
import { SideResult } from './SplitScreen';
import { useSplitRun } from './use-split-run';

/** Both sides' final states and the guess the main side graded the run as (lab/grade). */
type Results = { a: LabState; b: LabState | null; measured: string };

/** The guided path: one rule and one knob per step, each predict → run → reveal → discuss. */
export function Lessons({ lessons, onSandbox }: { lessons: LessonPath; onSandbox: () => void }) {
  const count = lessons.steps.length;
  const [lesson, dispatch] = useReducer(
    (s: LessonState, e: LessonEvent) => lessonReducer(s, e, count),
    LESSON_START,
  );
  const split = useSplitRun();
  const [results, setResults] = useState<Results | null>(null);
  const [runError, setRunError] = useState<string | null>(null);
  const step = lessons.steps[Math.min(lesson.step, count - 1)];
  const scenario = step?.scenario;
  const { runBoth } = split;

  if (!step || !scenario) return <p className="muted">This lesson file has no steps.</p>;
  const choices = step.choices;
  const measured = results?.measured ?? null;
  const labelOf = (id: string | null) => choices.find((c) => c.id === id)?.label ?? '—';

  // The run starts only from the commit: the machine refuses `commit` without a guess.
  const commitAndRun = async () => {
    if (lesson.guess === null) return;
    dispatch({ type: 'commit' });
    setResults(null);
    setRunError(null);
    const r = await runBoth({
      persona: scenario.persona,
      personaSeed: scenario.personaSeed,
      videos: scenario.videos,
      a: scenario.a,
      b: scenario.b ?? null,
    });
    const graded = r
      ? await call('lab/grade', { a: r.a.sessionId, b: r.b?.sessionId ?? null }).catch(() => null)
      : null;
    if (r && graded) {
      setResults({ ...r, measured: graded.measured });
      dispatch({ type: 'ran' });
    } else {
      setRunError('The run did not finish; your guess is kept, so run it again.');
      dispatch({ type: 'failed' });
    }
  };

  return (
    <section className="lab-lessons" aria-labelledby="lab-lessons-title">
      <h3 id="lab-lessons-title">
        {lessons.title} <span className="muted">· about {lessons.totalMinutes} minutes in all</span>
      </h3>
      <ol className="lab-steps">
        {lessons.steps.map((s, i) => (
          <li key={s.id} aria-current={i === lesson.step ? 'step' : undefined}>
            {s.title}{' '}
            <span className="muted">
              ({s.minutes} min · {s.knob})
            </span>
          </li>
        ))}
      </ol>
      <article className="lab-step" data-testid="lesson-step" data-phase={lesson.phase}>
        <h4>
          {step.title} <span className="muted">· {step.minutes} minutes of playing time</span>
        </h4>
        <p className="muted" aria-live="polite" data-testid="lesson-phase">
          {stepLabel(lesson, count)}
        </p>
        <p>
          <strong>This step changes one thing:</strong> {step.knob}.
        </p>
        <p>{scenario.lesson}</p>

        {lesson.phase === 'predict' && (
          <fieldset>
            {runError && (
              <p role="alert" className="error">
                {runError} {split.a.error ?? split.b.error}
              </p>
            )}
            <legend>Predict: {scenario.predict}</legend>
            {choices.map((c) => (
              <label key={c.id} className="lab-guess">
                <input
                  type="radio"
                  name={`guess-${step.id}`}
                  checked={lesson.guess === c.id}
                  onChange={() => dispatch({ type: 'pick', guess: c.id })}
                />{' '}
                {c.label}
              </label>
            ))}
            <button
              type="button"
              className="primary"
              disabled={lesson.guess === null}
              onClick={() => void commitAndRun()}
            >
              Commit my guess and run
            </button>
          </fieldset>
        )}

        {lesson.phase === 'run' && (
          <p role="status" aria-live="polite">
            {`Running the ${scenario.persona} persona for ${scenario.videos} videos${scenario.b ? ' on each side' : ''}… Your guess: ${labelOf(lesson.guess)}.`}
          </p>
        )}

        {resultVisible(lesson) && results && (
          <div className="lab-reveal" data-testid="lesson-reveal">
            <p>
              You guessed: <strong>{labelOf(lesson.guess)}</strong>. The run measured:{' '}
              <strong>{labelOf(measured)}</strong>
              {lesson.guess === measured ? ' — as you predicted.' : ' — not what you predicted.'}
            </p>
            <p>{scenario.reveal}</p>
            <p className="notice lab-caveat" role="note">
              A simulation over a synthetic catalogue, not TikTok: one run per side, n ={' '}
              {scenario.videos} videos.
            </p>
            <div className="lab-split-sides">
              <div className="lab-split-side">
                <h5>{scenario.b ? 'Side A' : 'The run'}</h5>
                <SideResult state={results.a} />
              </div>
              {results.b && (
                <div className="lab-split-side">
                  <h5>Side B</h5>
                  <SideResult state={results.b} />
                </div>
              )}
            </div>
            {lesson.phase === 'reveal' && (
              <button type="button" onClick={() => dispatch({ type: 'discuss' })}>
                Discuss
              </button>
            )}
          </div>
        )}

        {lesson.phase === 'discuss' && (
          <div className="lab-discuss">
            <h5>Discuss</h5>
            <ul>
              {scenario.discuss.map((q) => (
                <li key={q}>{q}</li>
              ))}
            </ul>
            <button type="button" className="primary" onClick={() => dispatch({ type: 'next' })}>
              {lesson.step + 1 < count ? 'Next step' : 'Finish the guided path'}
            </button>
          </div>
        )}

        {lesson.phase === 'done' && (
          <p>
            The guided path is done.{' '}
            <button type="button" className="primary" onClick={onSandbox}>
              Open the sandbox
            </button>{' '}
            <button type="button" onClick={() => dispatch({ type: 'restart' })}>
              Start the path again
            </button>
          </p>
        )}
      </article>
      <p className="muted">
        Rather explore freely?{' '}
        <button type="button" className="link" onClick={onSandbox}>
          Skip to the sandbox
        </button>
      </p>
    </section>
  );
}
