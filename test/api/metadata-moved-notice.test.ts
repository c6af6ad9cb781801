// Migration 0060 moved the global metadata of before to the datasets that list its videos; the
// app says so once (issue 19 item 3): `enrich/moved-notice` lists what went where until the
// person has read it (`enrich/moved-seen`), across restarts.
import { afterEach, describe, expect, it } from 'vitest';
import { unwrap } from '../../src-main/api/router';
import { startApp, type App } from '../../src-main/app';
import { databaseFromBefore0060 } from '../helpers/db-before-0060';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

let app: App | undefined;
afterEach(() => app?.close());

const open = (db: string) =>
  (app = startApp({ shell: 'test', db, now: () => FIXED_NOW, withoutDemo: true }));

describe('the notice that metadata now belongs to datasets', () => {
  it('says once what 0060 moved where, and nothing after it was read', async () => {
    const path = databaseFromBefore0060();
    const notice = async () => unwrap(await open(path).router.invoke('enrich/moved-notice', {}));
    expect(await notice()).toEqual({
      moved: [
        { datasetId: 'b', datasetName: 'Friend', records: 1 },
        { datasetId: 'a', datasetName: 'Mine', records: 2 },
        { datasetId: null, datasetName: null, records: 1 },
      ],
    });
    unwrap(await app!.router.invoke('enrich/moved-seen', {}));
    expect(unwrap(await app!.router.invoke('enrich/moved-notice', {}))).toEqual({ moved: [] });
    app!.close();
    // Read is read, after a restart too.
    expect(await notice()).toEqual({ moved: [] });
  });

  it('says nothing on a database that never had global metadata', async () => {
    expect(unwrap(await open(tempDbPath()).router.invoke('enrich/moved-notice', {}))).toEqual({
      moved: [],
    });
  });
});
