// Starts the real browser shell (`feedlens serve`) as a child process and waits for its URL line.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export type RunningShell = {
  url: string;
  origin: string;
  token: string;
  child: ChildProcess;
  stop(): Promise<void>;
};

export const URL_LINE = /^Feedlens is running at (http:\/\/127\.0\.0\.1:\d+\/\S*)$/m;

/** Runs `command args` in the repo and resolves once it prints the URL line (or rejects). */
export function startShell(
  command: string,
  args: string[],
  env: NodeJS.ProcessEnv = {},
  timeoutMs = 20_000,
) {
  const child = spawn(command, args, {
    cwd: ROOT,
    env: { ...process.env, CI: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  });
  let stdout = '';
  let stderr = '';
  child.stdout!.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const stop = async () => {
    if (child.exitCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    process.kill(-child.pid!, 'SIGTERM');
    await exited;
  };
  return new Promise<RunningShell & { stdout: () => string; stderr: () => string }>(
    (resolve, reject) => {
      const timer = setTimeout(() => {
        void stop();
        reject(
          new Error(`no URL line within ${timeoutMs} ms.\nstdout: ${stdout}\nstderr: ${stderr}`),
        );
      }, timeoutMs);
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(
          new Error(
            `exited with ${code} before the URL line.\nstdout: ${stdout}\nstderr: ${stderr}`,
          ),
        );
      });
      child.stdout!.on('data', () => {
        const match = URL_LINE.exec(stdout);
        if (!match) return;
        clearTimeout(timer);
        const url = match[1]!;
        resolve({
          url,
          origin: new URL(url).origin,
          token: /token=([0-9a-f]+)/.exec(url)?.[1] ?? '',
          child,
          stop,
          stdout: () => stdout,
          stderr: () => stderr,
        });
      });
    },
  );
}
