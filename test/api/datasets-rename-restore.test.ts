// "Restore demo" and "rename" (issue 9, rough edges): the demo can come back after a delete, and
// two datasets with the same name can be told apart by renaming one.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

describe('datasets/restore-demo and datasets/rename', () => {
  it('brings the deleted demo back with the same events, and refuses a second copy', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const changed: string[][] = [];
    const before = unwrap(await app.router.invoke('datasets/list', {}));
    expect(unwrap(await app.router.invoke('datasets/restore-demo', {}))).toEqual({
      restored: false,
    });
    unwrap(await app.router.invoke('datasets/delete', { id: 'demo' }));
    expect(unwrap(await app.router.invoke('datasets/list', {}))).toEqual([]);
    app.ctx.emit = (name, payload) => {
      if (name === 'datasets/changed' && 'datasetIds' in payload) changed.push(payload.datasetIds);
    };
    expect(unwrap(await app.router.invoke('datasets/restore-demo', {}))).toEqual({
      restored: true,
    });
    const after = unwrap(await app.router.invoke('datasets/list', {}));
    expect(after.map((d) => [d.id, d.name, d.eventCount, d.itemCount])).toEqual(
      before.map((d) => [d.id, d.name, d.eventCount, d.itemCount]),
    );
    expect(changed).toEqual([['demo']]);
    app.close();
  });

  it('renames a dataset, trims the name, and refuses an empty name or a missing dataset', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    unwrap(await app.router.invoke('datasets/rename', { id: 'demo', name: '  My week  ' }));
    const [demo] = unwrap(await app.router.invoke('datasets/list', {}));
    expect(demo?.name).toBe('My week');
    const empty = await app.router.call('datasets/rename', { id: 'demo', name: '   ' });
    expect(empty.ok).toBe(false);
    const missing = await app.router.call('datasets/rename', { id: 'gone', name: 'x' });
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not-found', message: 'That dataset no longer exists.' },
    });
    expect(unwrap(await app.router.invoke('datasets/list', {}))[0]?.name).toBe('My week');
    app.close();
  });
});
