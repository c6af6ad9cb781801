import { ENGINE_VERSION } from '../../engine';
import { APP_VERSION } from '../../version';
import type { appCalls } from '../../contract/app';
import type { Handlers } from '../handler';

export const appHandlers: Pick<Handlers, keyof typeof appCalls> = {
  'app/info': (_args, ctx) => ({
    version: APP_VERSION,
    engineVersion: ENGINE_VERSION,
    shell: ctx.shell,
    dbPath: ctx.dbPath,
  }),
};
