// Runs the real `feedlens` CLI (or another node script of the repo) in a child process and records
// its peak resident memory, read from the kernel's high-water mark (VmHWM in /proc/<pid>/status)
// while it runs.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { ROOT } from '../helpers/shell';

export type Measured = { code: number | null; stdout: string; stderr: string; peakRssMb: number };

/** VmHWM of a live process in MB, or null once it has gone. */
export function peakRssMb(pid: number): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /^VmHWM:\s+(\d+) kB$/m.exec(status);
    return kb ? Number(kb[1]) / 1024 : null;
  } catch {
    return null;
  }
}

export function feedlensWithPeakRss(args: string[]): Promise<Measured> {
  return nodeWithPeakRss(['bin/feedlens.js', ...args]);
}

/** `node args` in the repo. */
export function nodeWithPeakRss(args: string[]): Promise<Measured> {
  const child = spawn('node', args, {
    cwd: ROOT,
    env: { ...process.env, CI: '1' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let peak = 0;
  child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
  child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const timer = setInterval(() => (peak = Math.max(peak, peakRssMb(child.pid!) ?? 0)), 50);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearInterval(timer);
      child.once('close', () => resolve({ code, stdout, stderr, peakRssMb: peak }));
    }),
  );
}
