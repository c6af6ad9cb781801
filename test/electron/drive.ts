// Runs drive-main-bundle.mjs in a child Node process against an app folder laid out like the
// packaged app (package.json, dist-electron/, dist/renderer/, fixtures/, node_modules/).
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DRIVER = fileURLToPath(new URL('./drive-main-bundle.mjs', import.meta.url));

type Fetched = { status: number; type: string; csp: string; body: string };
type Attempt = { value?: unknown; error?: string };
export type DriveResult = {
  sandboxEnabled: boolean;
  schemes: unknown;
  windows: { url: string; webPreferences: Record<string, unknown> }[];
  info: Attempt;
  unknownCall: Attempt;
  badName: Attempt;
  untrusted: Attempt;
  noFrame: Attempt;
  report: {
    answer: { ok: boolean; value?: { html: string; pdf: string | null; slates: number } };
    pdfStart: string | null;
    windowsAfter: number;
    printed: {
      file: string;
      html: string;
      options: unknown;
      show: boolean;
      webPreferences: Record<string, unknown>;
    }[];
  };
  deleted: Attempt;
  sent: unknown[][];
  index: Fetched;
  traversal: Fetched;
  otherHost: Fetched;
  missing: Fetched;
  post: Fetched;
  permission: boolean | null;
  permissionCheck: boolean;
  openAllowed: unknown;
  openDenied: unknown;
  navigateAway: boolean;
  navigateAllowed: boolean;
  hardened: string[];
  opened: string[];
  menu: unknown;
  errors: string[];
};

export function driveMainBundle(appRoot: string, dbPath: string): DriveResult {
  const main = join(appRoot, 'dist-electron', 'main.js');
  const run = spawnSync(process.execPath, [DRIVER, main, '--db', dbPath], {
    env: { ...process.env, FAKE_ELECTRON_APP_PATH: appRoot },
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (run.status !== 0) throw new Error(`driver failed (${run.status}): ${run.stderr}`);
  return JSON.parse(run.stdout.trim().split('\n').at(-1)!) as DriveResult;
}
