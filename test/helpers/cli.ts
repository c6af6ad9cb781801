// Runs the real `feedlens` CLI (bin/feedlens.js) as a user would, in a child process.
import { spawnSync } from 'node:child_process';
import { ROOT } from './shell';

export type CliResult = { code: number; stdout: string; stderr: string };

export function runFeedlens(args: string[], env: NodeJS.ProcessEnv = {}): CliResult {
  const result = spawnSync('node', ['bin/feedlens.js', ...args], {
    cwd: ROOT,
    env: { ...process.env, CI: '1', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status ?? -1, stdout: result.stdout, stderr: result.stderr };
}
