// `npm start` on a machine without the Electron binary: one notice, then the browser shell.
import { afterAll, describe, expect, it } from 'vitest';
import { startShell } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

type Started = Awaited<ReturnType<typeof startShell>>;
let started: Started | undefined;
afterAll(async () => started?.stop());

describe('npm start without Electron', () => {
  it('prints the URL line within 20 s and serves the app there, token-protected', async () => {
    const began = Date.now();
    started = await startShell(
      'npm',
      ['start', '--', '--no-open'],
      { FEEDLENS_DB: tempDbPath() },
      20_000,
    );
    expect(Date.now() - began).toBeLessThan(20_000);
    expect(started.stderr()).toContain('opening Feedlens in your browser instead');

    const page = await fetch(started.url);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<div id="root">');

    const anonymous = await fetch(`${started.origin}/api/call/datasets/list`, {
      method: 'POST',
      body: '{}',
    });
    expect([401, 403]).toContain(anonymous.status);
    const authorised = await fetch(`${started.origin}/api/call/datasets/list`, {
      method: 'POST',
      headers: { authorization: `Bearer ${started.token}` },
      body: '{}',
    });
    expect(await authorised.json()).toMatchObject({ ok: true, value: [{ id: 'demo' }] });
  }, 30_000);
});
