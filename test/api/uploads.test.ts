import { readdirSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

describe('uploads', () => {
  it('reassembles chunks into a file under the app’s private folder', async () => {
    const app = startApp({
      shell: 'test',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      withoutDemo: true,
    });
    const bytes = Buffer.from('{"Your Activity": {}}\n');
    const { uploadId } = unwrap(
      await app.router.invoke('uploads/begin', {
        name: '../../etc/TikTok Data.json',
        size: bytes.length,
      }),
    );
    const parts = [bytes.subarray(0, 7), bytes.subarray(7)];
    let offset = 0;
    for (const part of parts) {
      unwrap(
        await app.router.invoke('uploads/chunk', {
          uploadId,
          offset,
          base64: part.toString('base64'),
        }),
      );
      offset += part.length;
    }
    const { path } = unwrap(await app.router.invoke('uploads/finish', { uploadId }));
    expect(path.startsWith(app.ctx.tempDir)).toBe(true);
    expect(path.endsWith('/TikTok Data.json')).toBe(true);
    expect(readFileSync(path)).toEqual(bytes);
    app.close();
  });

  it('refuses chunks out of order, oversize uploads and early finishes', async () => {
    const app = startApp({
      shell: 'test',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      withoutDemo: true,
    });
    const { uploadId } = unwrap(
      await app.router.invoke('uploads/begin', { name: 'a.json', size: 4 }),
    );
    const gap = await app.router.invoke('uploads/chunk', { uploadId, offset: 2, base64: 'AAA=' });
    expect(gap).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const big = await app.router.invoke('uploads/chunk', {
      uploadId,
      offset: 0,
      base64: 'AAAAAAAA',
    });
    expect(big).toMatchObject({ ok: false, error: { code: 'bad-args' } });
    const early = await app.router.invoke('uploads/finish', { uploadId });
    expect(early).toMatchObject({
      ok: false,
      error: { message: 'The upload stopped at byte 0 of 4.' },
    });
    const unknown = await app.router.invoke('uploads/finish', { uploadId: 'u0000000000000000' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'not-found' } });
    app.close();
  });

  it('puts files picked together in one folder, and refuses a name twice', async () => {
    const app = startApp({
      shell: 'test',
      db: tempDbPath(),
      now: () => FIXED_NOW,
      withoutDemo: true,
    });
    const send = async (name: string, beside?: string) => {
      const begun = unwrap(
        await app.router.invoke('uploads/begin', { name, size: 1, ...(beside ? { beside } : {}) }),
      );
      unwrap(
        await app.router.invoke('uploads/chunk', {
          uploadId: begun.uploadId,
          offset: 0,
          base64: 'eA==',
        }),
      );
      return {
        ...begun,
        ...unwrap(await app.router.invoke('uploads/finish', { uploadId: begun.uploadId })),
      };
    };
    const first = await send('Like List.txt');
    const second = await send('Searches.txt', first.uploadId);
    expect(second.folder).toBe(first.folder);
    expect(readdirSync(first.folder).sort()).toEqual(['Like List.txt', 'Searches.txt']);
    const twice = await app.router.invoke('uploads/begin', {
      name: 'Searches.txt',
      size: 1,
      beside: first.uploadId,
    });
    expect(twice).toMatchObject({ ok: false, error: { code: 'conflict' } });
    app.close();
  });
});
