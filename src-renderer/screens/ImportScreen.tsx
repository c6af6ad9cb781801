import { useEffect, useRef, useState } from 'react';
import type { EventMap } from '@main/contract';
import {
  DEFAULT_SESSION_GAP_MINUTES,
  type ImportStatus,
  type ImportSummary,
} from '@main/contract/import';
import type { SectionChoice } from '@main/domain/types';
import { call, on } from '../api/client';
import {
  forgetImport,
  pendingImport,
  rememberImport,
  type PendingImport,
} from '../api/pending-import';
import { uploadFiles } from '../api/upload';
import { countOf, formatCount } from '../format';
import { ImportSummaryView } from './ImportSummaryView';

type Progress = { label: string; done: number; total: number | null; unit: string };
type State =
  /** `notice`: how the last import ended when it added nothing (cancelled, interrupted). */
  | { step: 'idle'; notice?: string }
  | { step: 'working'; name: string; jobId: string | null; progress: Progress }
  | { step: 'choose-user'; name: string; path: string; users: string[] }
  | { step: 'done'; summary: ImportSummary; path: string; name: string; user?: string }
  | { step: 'failed'; message: string };

const CANCELLED = 'The import was cancelled; nothing was added.';
const INTERRUPTED =
  'The last import was interrupted (the app was closed or reloaded); nothing was added. Import again.';
const STARTING: Progress = { label: 'Starting', done: 0, total: null, unit: 'bytes' };

/** Drop or pick a TikTok export, a Zeeschuimer capture or an event log; watch it import. */
export function ImportScreen({
  onImported,
  onAddMetadata,
}: {
  onImported: (summary: ImportSummary) => void;
  onAddMetadata: () => void;
}) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const [dragging, setDragging] = useState(false);
  const [sessionGapMinutes, setSessionGapMinutes] = useState(DEFAULT_SESSION_GAP_MINUTES);
  const abort = useRef<AbortController | null>(null);
  const jobId = useRef<string | null>(null);
  // Events for a job can arrive before `import/start` has answered with its id: keep the latest.
  const finished = useRef(new Map<string, EventMap['import/finished']>());
  // What the running import was given, so its summary can import the same export again.
  const given = useRef<{ path: string; name: string; user?: string } | null>(null);

  /** The import's end. `reloaded`: this page did not start it, so it stays here to say how it went. */
  function settle(f: EventMap['import/finished'], reloaded = false) {
    jobId.current = null;
    forgetImport();
    if (f.ok) {
      setState({ step: 'done', summary: f.summary, ...given.current! });
      if (!reloaded) onImported(f.summary);
    } else if (f.error.code === 'cancelled') {
      setState({ step: 'idle', notice: CANCELLED });
    } else {
      setState({ step: 'failed', message: f.error.message });
    }
  }

  /**
   * After a reload (or a return to this screen), the import this page started, as the main side
   * reports it: still running, ended, or unknown to it (the app was closed mid-import). One that
   * never got a job id (the page went while copying the file) is unknown too.
   */
  function recover(pending: PendingImport, status: ImportStatus) {
    given.current = { path: pending.path ?? '', name: pending.name };
    if (status.state === 'unknown' || pending.jobId === null) {
      forgetImport();
      return setState({ step: 'idle', notice: INTERRUPTED });
    }
    if (status.state === 'finished') return settle(status.finished, true);
    jobId.current = pending.jobId;
    setState({
      step: 'working',
      name: pending.name,
      jobId: pending.jobId,
      progress: status.progress ?? STARTING,
    });
    const early = finished.current.get(pending.jobId);
    if (early) settle(early, true);
  }

  useEffect(() => {
    const offProgress = on('job/progress', (p) => {
      if (p.jobId !== jobId.current) return;
      setState((s) => (s.step === 'working' ? { ...s, progress: p } : s));
    });
    const offFinished = on('import/finished', (f) => {
      finished.current.set(f.jobId, f);
      if (f.jobId === jobId.current) settle(f);
    });
    const pending = pendingImport();
    if (pending !== null)
      void call('import/status', { jobId: pending.jobId ?? 'never-started' }).then(
        (status) => recover(pending, status),
        () => undefined,
      );
    return () => {
      offProgress();
      offFinished();
    };
    // settle only reads refs and setters.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  async function start(files: readonly File[]) {
    if (files.length === 0) return;
    const controller = new AbortController();
    abort.current = controller;
    const total = files.reduce((sum, f) => sum + f.size, 0);
    const name =
      files.length === 1 ? files[0]!.name : `${files[0]!.name} and ${files.length - 1} more`;
    const uploading = { label: 'Copying', done: 0, total, unit: 'bytes' };
    setState({ step: 'working', name, jobId: null, progress: uploading });
    rememberImport({ name, path: null, jobId: null });
    try {
      const path = await uploadFiles(
        files,
        (p) =>
          setState((s) => (s.step === 'working' ? { ...s, progress: { ...uploading, ...p } } : s)),
        controller.signal,
      );
      if (path === null) {
        forgetImport();
        return setState({ step: 'idle', notice: CANCELLED });
      }
      // A dataset is one person's history: a sock-puppet log with several asks which one.
      const { users } = await call('import/users', { path });
      if (users.length > 1) return setState({ step: 'choose-user', name, path, users });
      await importUploaded(path, name);
    } catch (error) {
      forgetImport();
      setState({ step: 'failed', message: (error as Error).message });
    }
  }

  async function importUploaded(
    path: string,
    name: string,
    user?: string,
    sections?: Record<string, SectionChoice>,
  ) {
    setState((s) =>
      s.step === 'working' ? s : { step: 'working', name, jobId: null, progress: STARTING },
    );
    given.current = { path, name, ...(user === undefined ? {} : { user }) };
    try {
      const started = await call('import/start', {
        path,
        name,
        sessionGapMinutes,
        ...(user === undefined ? {} : { user }),
        ...(sections === undefined ? {} : { sections }),
      });
      jobId.current = started.jobId;
      rememberImport({ name, path, jobId: started.jobId });
      setState((s) => (s.step === 'working' ? { ...s, jobId: started.jobId } : s));
      const early = finished.current.get(started.jobId);
      if (early) settle(early);
    } catch (error) {
      forgetImport();
      setState({ step: 'failed', message: (error as Error).message });
    }
  }

  async function cancel() {
    abort.current?.abort();
    if (jobId.current) await call('import/cancel', { jobId: jobId.current });
  }

  function onDrop(event: React.DragEvent) {
    event.preventDefault();
    setDragging(false);
    if (state.step !== 'working') void start([...event.dataTransfer.files]);
  }

  return (
    <section aria-labelledby="import-title">
      <h2 id="import-title">Import</h2>
      {state.step === 'working' ? (
        <ImportProgress
          name={state.name}
          progress={state.progress}
          onCancel={() => void cancel()}
        />
      ) : state.step === 'choose-user' ? (
        <div className="choose-user" role="group" aria-labelledby="choose-user-title">
          <p id="choose-user-title">
            <strong>{state.name}</strong> holds the runs of {countOf(state.users.length, 'subject')}
            . A dataset is one person’s history: which one should be imported?
          </p>
          {state.users.map((user) => (
            <button
              key={user}
              type="button"
              onClick={() => void importUploaded(state.path, state.name, user)}
            >
              {user}
            </button>
          ))}{' '}
          <button
            type="button"
            className="link"
            onClick={() => {
              forgetImport();
              setState({ step: 'idle', notice: CANCELLED });
            }}
          >
            Cancel
          </button>
        </div>
      ) : (
        <div
          className={dragging ? 'dropzone dragging' : 'dropzone'}
          data-testid="dropzone"
          onDragOver={(e) => {
            e.preventDefault();
            setDragging(true);
          }}
          onDragLeave={() => setDragging(false)}
          onDrop={onDrop}
        >
          <p>
            Drop your TikTok data export here (the <code>.zip</code>,{' '}
            <code>user_data_tiktok.json</code> or the TXT files — pick them all at once), a
            Zeeschuimer capture (<code>.ndjson</code>) or a Feedlens event log (<code>.csv</code>,{' '}
            <code>.jsonl</code>).
          </p>
          <label className="button">
            Choose files…
            <input
              type="file"
              multiple
              className="visually-hidden"
              data-testid="file-input"
              onChange={(e) => {
                const files = [...(e.target.files ?? [])];
                e.target.value = '';
                void start(files);
              }}
            />
          </label>
          <p>
            <label>
              A new session starts after{' '}
              <input
                type="number"
                className="minutes"
                min={1}
                max={24 * 60}
                value={sessionGapMinutes}
                onChange={(e) =>
                  setSessionGapMinutes(
                    Math.min(24 * 60, Math.max(1, Math.floor(Number(e.target.value) || 1))),
                  )
                }
              />{' '}
              minutes without activity
            </label>
          </p>
          <p className="muted">
            Your file stays on this machine: Feedlens copies it into its own private folder and
            reads it there.
          </p>
        </div>
      )}
      {state.step === 'idle' && state.notice && (
        <p role="status" className="notice" data-testid="import-notice">
          {state.notice}
        </p>
      )}
      {state.step === 'failed' && (
        <p role="alert" className="error" data-testid="import-error">
          {state.message}
        </p>
      )}
      {state.step === 'done' && (
        <ImportSummaryView
          summary={state.summary}
          onAddMetadata={onAddMetadata}
          onChoose={(sections) => void importUploaded(state.path, state.name, state.user, sections)}
        />
      )}
    </section>
  );
}

function ImportProgress({
  name,
  progress,
  onCancel,
}: {
  name: string;
  progress: Progress;
  onCancel: () => void;
}) {
  const fraction = progress.total ? progress.done / progress.total : null;
  const amount =
    progress.unit === 'bytes'
      ? `${(progress.done / 1e6).toFixed(1)}${progress.total ? ` of ${(progress.total / 1e6).toFixed(1)}` : ''} MB`
      : `${formatCount(progress.done)} ${progress.unit}`;
  return (
    <div className="import-progress" aria-live="polite">
      <p>
        {progress.label} <strong>{name}</strong>… {amount}
      </p>
      <progress max={1} value={fraction ?? undefined} aria-label={`${progress.label} ${name}`} />
      <button type="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  );
}
