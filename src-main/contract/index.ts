// The one API contract: every call the UI, the CLI and the tests can make, by name, with a runtime
// schema for its arguments and the type of its result; and every event the main side pushes.
// Each domain keeps its calls in its own file beside this one.
import type { z } from 'zod';
import { appCalls } from './app';
import { datasetsCalls } from './datasets';
import { enrichCalls, type EnrichFinished } from './enrich';
import { exportCalls } from './export';
import { feedCalls } from './feed';
import { fidelityCalls } from './fidelity';
import { importCalls, type ImportFinished } from './import';
import { labCalls } from './lab';
import { profileCalls } from './profile';
import { replayCalls } from './replay';
import { reportCalls } from './report';
import { uploadsCalls } from './uploads';
import { viewingCalls } from './viewing';

export const contract = {
  ...appCalls,
  ...datasetsCalls,
  ...profileCalls,
  ...feedCalls,
  ...replayCalls,
  ...fidelityCalls,
  ...importCalls,
  ...uploadsCalls,
  ...enrichCalls,
  ...labCalls,
  ...exportCalls,
  ...reportCalls,
  ...viewingCalls,
};

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type Args<K extends CallName> = z.input<Contract[K]['args']>;
export type ParsedArgs<K extends CallName> = z.output<Contract[K]['args']>;
export type Result<K extends CallName> = Contract[K]['result'];

/** Events pushed from the main side to every listener (progress of long jobs). */
export type EventMap = {
  'import/finished': ImportFinished;
  'enrich/finished': EnrichFinished;
  'job/progress': {
    jobId: string;
    label: string;
    done: number;
    total: number | null;
    unit: string;
  };
  'datasets/changed': { datasetIds: string[] };
};
export type EventName = keyof EventMap;

export function isCallName(name: string): name is CallName {
  return Object.hasOwn(contract, name);
}
