import { useEffect, useRef, useState } from 'react';
import type { EnrichFileResult } from '@main/contract/enrich';
import { call } from '../api/client';
import { uploadFiles } from '../api/upload';
import { countOf, formatCount } from '../format';

type State =
  | { step: 'idle' }
  | { step: 'working'; name: string; label: string }
  | { step: 'done'; name: string; result: EnrichFileResult }
  | { step: 'failed'; message: string };

/** "Add a file": a capture, a yt-dlp JSON or a CSV, copied in like imports are, then read. */
export function AddMetadataFile({ datasetId, focused }: { datasetId: string; focused: boolean }) {
  const [state, setState] = useState<State>({ step: 'idle' });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focused) return;
    input.current!.focus();
    input.current!.scrollIntoView({ block: 'center' });
  }, [focused]);

  async function add(file: File) {
    setState({ step: 'working', name: file.name, label: 'Copying' });
    try {
      const path = await uploadFiles([file], () => undefined, new AbortController().signal);
      if (path === null) return setState({ step: 'idle' });
      setState({ step: 'working', name: file.name, label: 'Reading' });
      const result = await call('enrich/file', { path, datasetId });
      setState({ step: 'done', name: file.name, result });
    } catch (error) {
      setState({ step: 'failed', message: (error as Error).message });
    }
  }

  return (
    <section aria-labelledby="metadata-file-title">
      <h3 id="metadata-file-title">Add a file</h3>
      <p>
        A Zeeschuimer capture (<code>.ndjson</code>), yt-dlp’s information about videos (one JSON
        file, or one video a line), or a CSV with the columns{' '}
        <code>id,caption,creator,hashtags,sound,duration</code>. It is read on this machine; nothing
        is sent. It belongs to this dataset: videos it does not list join this feed’s candidates,
        and no other dataset sees them.
      </p>
      <label className="button">
        Choose a metadata file…
        <input
          ref={input}
          type="file"
          accept=".ndjson,.jsonl,.json,.csv,.txt"
          className="visually-hidden"
          data-testid="metadata-file-input"
          disabled={state.step === 'working'}
          onChange={(e) => {
            const file = e.target.files?.[0];
            e.target.value = '';
            if (file) void add(file);
          }}
        />
      </label>
      <div aria-live="polite">
        {state.step === 'working' && (
          <p>
            {state.label} <strong>{state.name}</strong>…
          </p>
        )}
        {state.step === 'done' && <FileResult name={state.name} result={state.result} />}
      </div>
      {state.step === 'failed' && (
        <p role="alert" className="error" data-testid="metadata-file-error">
          {state.message}
        </p>
      )}
    </section>
  );
}

const SOURCE_NAMES: Record<EnrichFileResult['source'], string> = {
  zeeschuimer: 'a Zeeschuimer capture',
  ytdlp: 'yt-dlp info JSON',
  csv: 'a metadata CSV',
};

function FileResult({ name, result }: { name: string; result: EnrichFileResult }) {
  return (
    <div className="summary" data-testid="metadata-file-result">
      <h4>
        Added {name} ({SOURCE_NAMES[result.source]})
      </h4>
      <dl className="facts">
        <dt>Records read</dt>
        <dd>{formatCount(result.records)}</dd>
        <dt>About videos in this dataset</dt>
        <dd>{formatCount(result.matched)}</dd>
        <dt>New videos for the candidate pool</dt>
        <dd>{formatCount(result.added)}</dd>
      </dl>
      {result.warnings.length > 0 && (
        <>
          <h4>{countOf(result.warnings.length, 'line was', 'lines were')} skipped</h4>
          <ul>
            {result.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}
