// Whether a build output is older than its inputs; shared by `npm start` and the test setup.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('..', import.meta.url));

/** What the renderer bundle is built from: its sources, its config, and the contract it imports. */
export const RENDERER_INPUTS = [
  'src-renderer',
  'vite.config.ts',
  'src-main/contract',
  'src-main/domain',
];

/** Newest modification time of a file or of any file below a folder (0 when missing). */
function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce(
    (newest, name) => Math.max(newest, newestMtime(join(path, name))),
    0,
  );
}

/** True when `output` (relative to the repo) is missing or older than any of `inputs`. */
export function isStale(output, inputs) {
  const built = newestMtime(join(ROOT, output));
  return built === 0 || inputs.some((input) => newestMtime(join(ROOT, input)) > built);
}
