// The online enrichment run, held by the app (not a screen) so its progress survives switching
// screens. Progress arrives as `job/progress` for the run's job, the end as `enrich/finished`.
import { useEffect, useRef, useState } from 'react';
import type { EventMap } from '@main/contract';
import type { EnrichResult } from '@main/contract/enrich';
import { call, on } from '../api/client';
import { addSample, type ProgressSample } from './eta';

export type EnrichJob =
  | { step: 'idle' }
  | {
      step: 'running';
      datasetId: string;
      jobId: string | null;
      done: number;
      total: number | null;
      samples: ProgressSample[];
      cancelling: boolean;
    }
  /** Also after a cancel (`result.cancelled`): what was fetched is kept. */
  | { step: 'finished'; datasetId: string; result: EnrichResult }
  | { step: 'failed'; datasetId: string; message: string };

export type EnrichControls = {
  job: EnrichJob;
  /** Sends `enrich/start` with the user's consent: call it only from the consent button. */
  start(datasetId: string): Promise<void>;
  cancel(): Promise<void>;
};

export function useEnrichJob(): EnrichControls {
  const [job, setJob] = useState<EnrichJob>({ step: 'idle' });
  const jobId = useRef<string | null>(null);
  // `enrich/finished` can arrive before `enrich/start` has answered with the job's id.
  const finished = useRef(new Map<string, EventMap['enrich/finished']>());

  useEffect(() => {
    const offProgress = on('job/progress', (p) => {
      if (p.jobId !== jobId.current) return;
      const sample = { atMs: Date.now(), done: p.done };
      setJob((j) =>
        j.step === 'running'
          ? { ...j, done: p.done, total: p.total, samples: addSample(j.samples, sample) }
          : j,
      );
    });
    const offFinished = on('enrich/finished', (f) => {
      finished.current.set(f.jobId, f);
      if (f.jobId !== jobId.current) return;
      jobId.current = null;
      setJob((j) => settled(j, f));
    });
    return () => {
      offProgress();
      offFinished();
    };
  }, []);

  function settle(f: EventMap['enrich/finished']) {
    jobId.current = null;
    setJob((j) => settled(j, f));
  }

  async function start(datasetId: string) {
    const running = { datasetId, jobId: null, done: 0, total: null, samples: [] };
    setJob({ step: 'running', ...running, cancelling: false });
    try {
      const started = await call('enrich/start', { datasetId, consent: true });
      jobId.current = started.jobId;
      setJob((j) => (j.step === 'running' ? { ...j, jobId: started.jobId } : j));
      const early = finished.current.get(started.jobId);
      if (early) settle(early);
    } catch (error) {
      setJob({ step: 'failed', datasetId, message: (error as Error).message });
    }
  }

  async function cancel() {
    if (jobId.current === null) return;
    setJob((j) => (j.step === 'running' ? { ...j, cancelling: true } : j));
    try {
      await call('enrich/cancel', { jobId: jobId.current });
    } catch {
      // The run ended meanwhile: its `enrich/finished` says how.
      setJob((j) => (j.step === 'running' ? { ...j, cancelling: false } : j));
    }
  }

  return { job, start, cancel };
}

function settled(j: EnrichJob, f: EventMap['enrich/finished']): EnrichJob {
  const datasetId = j.step === 'idle' ? '' : j.datasetId;
  if (f.ok) return { step: 'finished', datasetId, result: f.result };
  return { step: 'failed', datasetId, message: f.error.message };
}
