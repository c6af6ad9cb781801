// The browser shell's server in a process of its own, for the tests to measure its memory: the real
// startApp and startWebServer over `argv[2]` (the database), serving `argv[3]` as the renderer
// (a folder of the test's own, which no concurrent build can empty).
import { startApp } from '../../src-main/app';
import { startWebServer } from '../../src-main/shells/web/server';

const app = startApp({ shell: 'web', db: process.argv[2]! });
const server = await startWebServer({ app, rendererDir: process.argv[3]! });
console.log(`Feedlens is running at ${server.url}`);
process.once('SIGTERM', () => {
  void server.close().then(() => app.close());
});
