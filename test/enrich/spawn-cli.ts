// Runs the real `feedlens` CLI in a child process without blocking this one (the stand-in oEmbed
// server lives here and must keep answering), with the loopback-only tripwire loaded.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from '../helpers/shell';

export const LOOPBACK_ONLY = join(ROOT, 'test/helpers/loopback-only.mjs');

export type Spawned = {
  child: ChildProcess;
  done: Promise<{ code: number | null; signal: string | null; stdout: string; stderr: string }>;
};

/** `feedlens <args>` under `node --import loopback-only.mjs`, refusals logged to `netLog`. */
export function spawnFeedlens(
  args: string[],
  netLog: string,
  onStderr?: (text: string) => void,
): Spawned {
  const child = spawn('node', ['--import', LOOPBACK_ONLY, 'bin/feedlens.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', FEEDLENS_NET_LOG: netLog },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
    onStderr?.(stderr);
  });
  const done = new Promise<{
    code: number | null;
    signal: string | null;
    stdout: string;
    stderr: string;
  }>((resolve) => child.once('close', (code, signal) => resolve({ code, signal, stdout, stderr })));
  return { child, done };
}
