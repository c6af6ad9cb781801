// The seam between the sandboxed renderer and the main process. The renderer imports only the type
// (`import type`); the preload and main.ts share the channel names.
import type { Envelope } from '../../contract/define';

/** What the preload exposes as `window.feedlens`, and nothing more. */
export type FeedlensBridge = {
  call(name: string, args: unknown): Promise<Envelope<unknown>>;
  on(event: string, handler: (payload: unknown) => void): () => void;
};

export const CALL_CHANNEL = 'feedlens:call';
export const EVENT_CHANNEL = 'feedlens:event';
