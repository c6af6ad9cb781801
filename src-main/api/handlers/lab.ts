import { UserError } from '../define';
import type { labCalls } from '../contract/lab';
import type { Handlers } from '../router';

const notYet = (): never => {
  throw new UserError('internal', 'The Feed Lab is not built yet.');
};

export const labHandlers: Pick<Handlers, keyof typeof labCalls> = {
  'lab/personas': notYet,
  'lab/scenarios': notYet,
  'lab/lessons': notYet,
  'lab/scenario-load': notYet,
  'lab/scenario-save': notYet,
  'lab/start': notYet,
  'lab/state': notYet,
  'lab/act': notYet,
  'lab/autopilot': notYet,
  'lab/configure': notYet,
  'lab/refresh': notYet,
  'lab/reset': notYet,
  'lab/save': notYet,
  'lab/resume': notYet,
  'lab/end': notYet,
};
