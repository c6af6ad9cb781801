// The IPC channels the preload and main.ts share. What the preload exposes, `FeedlensBridge`, is
// part of the contract (contract/define.ts), so the renderer never imports a shell.

export const CALL_CHANNEL = 'feedlens:call';
export const EVENT_CHANNEL = 'feedlens:event';
