import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UserError } from '../../../domain/errors';
import { startApp } from '../../../app';
import { startWebServer } from '../../web/server';
import type { Command } from '../command';
import { intFlag, parseFlags } from '../command';

export const RENDERER_DIR = fileURLToPath(new URL('../../../../dist/renderer', import.meta.url));

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run the app in your browser (the browser shell), on 127.0.0.1 only',
  help: `Usage: feedlens serve [--port N] [--no-open] [--db FILE]

Starts Feedlens's browser shell: the same app as the desktop window, served to this machine only
(127.0.0.1) with a random token in the printed URL. Stop it with Ctrl+C.

Options:
  --port N    listen on port N (default: a free port)
  --no-open   do not open the system browser (also when the CI variable is set)
  --db FILE   the database (default: FEEDLENS_DB, then the per-user data directory)`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      port: { type: 'string' },
      'no-open': { type: 'boolean' },
      db: { type: 'string' },
    });
    if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
      throw new UserError(
        'not-found',
        'The UI is not built yet: run `npm start` (or `npx vite build`) first.',
      );
    }
    const port = intFlag('port', values.port) ?? 0;
    if (port < 0 || port > 65535)
      throw new UserError('bad-args', `--port must be 0–65535, not ${port}.`);
    const app = startApp({ shell: 'web', db: values.db, workerThread: true });
    // The URL is printed once every call can be answered (the worker thread has started).
    await app.ready;
    const server = await startWebServer({ app, rendererDir: RENDERER_DIR, port }).catch(
      (error: unknown) => {
        app.close();
        throw new UserError(
          'conflict',
          `Cannot listen on 127.0.0.1:${port}: ${(error as Error).message}`,
        );
      },
    );
    io.out(`Feedlens is running at ${server.url}`);
    if (!values['no-open'] && !process.env.CI) openBrowser(server.url);
    await new Promise<void>((resolve) => {
      process.once('SIGINT', resolve);
      process.once('SIGTERM', resolve);
    });
    await server.close();
    app.close();
    return 0;
  },
};

/** Best effort: the URL line is printed either way. */
function openBrowser(url: string): void {
  const [command, args] =
    process.platform === 'darwin'
      ? ['open', [url]]
      : process.platform === 'win32'
        ? ['cmd', ['/c', 'start', '', url]]
        : ['xdg-open', [url]];
  const child = spawn(command, args as string[], { detached: true, stdio: 'ignore' });
  child.on('error', () => undefined);
  child.unref();
}
