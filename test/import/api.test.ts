// The import API the UI uses: import/start returns at once, progress and the end arrive as pushed
// events, import/cancel stops a job and leaves the database as it was.
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { EventMap } from '../../src-main/contract';
import { unwrap } from '../../src-main/api/router';
import { tempDbPath, tempDir } from '../helpers/temp';
import { writeG3Export } from './generate-export';
import { dbDigest, testApp, TIKTOK } from './helpers';

function finished(app: ReturnType<typeof testApp>, jobId: string) {
  return new Promise<EventMap['import/finished']>((resolve) => {
    const off = app.on('import/finished', (e) => {
      if (e.jobId !== jobId) return;
      off();
      resolve(e);
    });
  });
}

describe('import/start, job/progress, import/finished, import/cancel', () => {
  it('runs a job in the background and reports bytes read', async () => {
    const app = testApp(tempDbPath());
    const progress: EventMap['job/progress'][] = [];
    app.on('job/progress', (p) => progress.push(p));
    const { jobId } = unwrap(
      await app.router.invoke('import/start', { path: join(TIKTOK, 'g2/user_data.json') }),
    );
    const end = await finished(app, jobId);
    expect(end).toMatchObject({
      jobId,
      ok: true,
      summary: { eventCount: 23, alreadyImported: false },
    });
    expect(progress.every((p) => p.jobId === jobId)).toBe(true);
    expect(progress.filter((p) => p.label === 'Reading').at(-1)).toMatchObject({
      unit: 'bytes',
      done: 4759,
      total: 4759,
    });
    app.close();
  });

  it('reports a bad file as an import/finished error', async () => {
    const app = testApp(tempDbPath());
    const { jobId } = unwrap(
      await app.router.invoke('import/start', { path: join(TIKTOK, 'bad/zip-slip.zip') }),
    );
    expect(await finished(app, jobId)).toMatchObject({ ok: false, error: { code: 'bad-input' } });
    app.close();
  });

  it('cancels a running import and leaves the database as it was', async () => {
    const big = join(tempDir(), 'user_data_tiktok.json');
    await writeG3Export(big, 100_000);
    const app = testApp(tempDbPath());
    const before = dbDigest(app.db);
    const { jobId } = unwrap(await app.router.invoke('import/start', { path: big }));
    const off = app.on('job/progress', (p) => {
      if (p.jobId === jobId && p.label === 'Reading') {
        off();
        void app.router.invoke('import/cancel', { jobId });
      }
    });
    expect(await finished(app, jobId)).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(dbDigest(app.db)).toEqual(before);
    expect(unwrap(await app.router.invoke('import/cancel', { jobId }))).toEqual({
      cancelled: false,
    });
    app.close();
  });

  it('tells a page that reloaded where an import stands: running, finished, or unknown', async () => {
    const app = testApp(tempDbPath());
    const status = async (jobId: string) =>
      unwrap(await app.router.invoke('import/status', { jobId }));
    const { jobId } = unwrap(
      await app.router.invoke('import/start', { path: join(TIKTOK, 'g2/user_data.json') }),
    );
    // Asked at once, before any progress: running.
    expect(await status(jobId)).toEqual({ state: 'running', progress: null });
    const end = await finished(app, jobId);
    expect(await status(jobId)).toEqual({ state: 'finished', finished: end });
    // A job this run of the app never started (the app was closed mid-import).
    expect(await status('import-from-before')).toEqual({ state: 'unknown' });
    app.close();
  });
});
