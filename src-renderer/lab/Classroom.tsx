import { useState } from 'react';
import type { Scenario } from '@main/contract/lab';
import { call } from '../api/client';
import { useCall } from '../api/use-call';
import { saveFile } from '../charts/save-image';
import { countOf } from '../format';
import { slug } from './scenario-id';
import type { SplitConfig } from './use-split-run';

/** Save the live session and resume it next class period; load and share scenario files. */
export function Classroom({
  sessionId,
  busy,
  onResume,
  split,
  onScenario,
}: {
  sessionId: string | null;
  busy: boolean;
  onResume: (datasetId: string) => void;
  split: SplitConfig;
  onScenario: (scenario: Scenario) => void;
}) {
  const datasets = useCall('datasets/list', {});
  const saved = datasets.status === 'ready' ? datasets.value.filter((d) => d.kind === 'lab') : [];
  const [resumeId, setResumeId] = useState('');
  const [message, setMessage] = useState<{ text: string; error: boolean } | null>(null);
  const [title, setTitle] = useState('My scenario');
  const [lesson, setLesson] = useState('What this comparison shows, in one paragraph.');
  const [predict, setPredict] = useState('Which side narrows into one topic first?');
  const [reveal, setReveal] = useState('What the run showed, and why.');
  const say = (text: string, error = false) => setMessage({ text, error });
  const fail = (e: unknown) => say((e as Error).message, true);

  const save = async () => {
    if (sessionId === null) return;
    try {
      const result = await call('lab/save', { sessionId });
      say(
        `Saved as “${result.name}”: ${countOf(result.videos, 'video')}, ${countOf(result.events, 'event')}.`,
      );
    } catch (e) {
      fail(e);
    }
  };
  const load = async (file: File) => {
    try {
      const scenario = await call('lab/scenario-load', { json: await file.text() });
      onScenario(scenario);
      say(`Loaded the scenario “${scenario.title}” into the split screen.`);
    } catch (e) {
      fail(e);
    }
  };
  const download = async () => {
    try {
      const { fileName, json } = await call('lab/scenario-save', {
        scenario: {
          id: slug(title),
          title,
          lesson,
          persona: split.persona,
          personaSeed: split.personaSeed,
          videos: split.videos,
          a: split.a,
          ...(split.b ? { b: split.b } : {}),
          predict,
          reveal,
          discuss: [],
        },
      });
      saveFile(new Blob([json], { type: 'application/json' }), fileName);
      say(`Saved ${fileName}: share it, and load it in another class.`);
    } catch (e) {
      fail(e);
    }
  };

  return (
    <details className="lab-classroom">
      <summary>Classroom: save, resume, scenario files</summary>
      <div className="lab-classroom-grid">
        <div>
          <button type="button" disabled={sessionId === null || busy} onClick={() => void save()}>
            Save this feed
          </button>{' '}
          <label>
            Resume{' '}
            <select value={resumeId} onChange={(e) => setResumeId(e.target.value)}>
              <option value="">
                {saved.length === 0 ? 'nothing saved yet' : 'pick a saved feed'}
              </option>
              {saved.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>{' '}
          <button
            type="button"
            disabled={resumeId === '' || busy}
            onClick={() => onResume(resumeId)}
          >
            Resume
          </button>
        </div>
        <div>
          <label className="button">
            Load a scenario file…
            <input
              type="file"
              accept="application/json,.json"
              className="visually-hidden"
              onChange={(e) => {
                const file = e.target.files?.[0];
                if (file) void load(file);
                e.target.value = '';
              }}
            />
          </label>
        </div>
        <fieldset>
          <legend>Save the split screen as a scenario file</legend>
          <label>
            Title <input type="text" value={title} onChange={(e) => setTitle(e.target.value)} />
          </label>
          <label>
            Lesson <textarea value={lesson} onChange={(e) => setLesson(e.target.value)} />
          </label>
          <label>
            Predict{' '}
            <input type="text" value={predict} onChange={(e) => setPredict(e.target.value)} />
          </label>
          <label>
            Reveal <textarea value={reveal} onChange={(e) => setReveal(e.target.value)} />
          </label>
          <button type="button" onClick={() => void download()}>
            Save scenario file
          </button>
        </fieldset>
      </div>
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'error' : 'muted'}>
          {message.text}
        </p>
      )}
    </details>
  );
}
