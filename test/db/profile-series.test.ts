// The stored profile series gives back exactly the numbers written, bit for bit, and storing
// again under the same key replaces it (so a retried import or a second first-open is harmless).
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { deleteDataset, insertDataset, type NewDataset } from '../../src-main/db/datasets';
import {
  countProfileSeries,
  loadProfileSeries,
  storeProfileSeries,
  type SeriesKey,
} from '../../src-main/db/profile-series';
import type { ProfileSeries } from '../../src-main/engine/profile-series';

const key: SeriesKey = {
  datasetId: 'd',
  dimension: 'topic',
  configSha256: 'c',
  engineVersion: 'v',
};

function series(w: number): ProfileSeries {
  return {
    dimension: 'topic',
    halfLifeMs: 7 * 86_400_000,
    atMs: Float64Array.from([1_700_000_000_123, 1_700_000_000_456, 1_700_000_999_999]),
    eventIndex: Int32Array.from([49, 99, 120]),
    eventIds: ['e49', 'e99', 'e120'],
    events: Int32Array.from([50, 50, 21]),
    notObserved: Int32Array.from([0, 17, 21]),
    dims: [
      {
        name: 'cooking',
        sample: [0, 2],
        w: [w, 1e-300],
        at: [1_700_000_000_100, 1_700_000_999_000],
      },
      { name: 'pets', sample: [1], w: [-0.1 / 3], at: [1_700_000_000_400] },
    ],
    sessions: [
      { index: 0, startMs: 1_700_000_000_000, endMs: 1_700_000_000_456 },
      { index: 3, startMs: 1_700_000_999_000, endMs: 1_700_000_999_999 },
    ],
  };
}

describe('stored profile series', () => {
  it('round-trips every number exactly, replaces on a second store, and goes with its dataset', () => {
    const db = openDatabase(':memory:');
    const dataset: NewDataset = {
      id: 'd',
      name: 'd',
      kind: 'event-log',
      sourceSha256: null,
      createdAt: 'now',
      warnings: [],
    };
    insertDataset(db, dataset, [], []);
    expect(loadProfileSeries(db, key)).toBeUndefined();
    storeProfileSeries(db, key, series(0.1 + 0.2));
    expect(loadProfileSeries(db, key)).toEqual(series(0.1 + 0.2));
    expect(loadProfileSeries(db, key)!.dims[0]!.w[0]).toBe(0.30000000000000004);
    storeProfileSeries(db, key, series(2 / 3));
    expect(countProfileSeries(db, 'd')).toBe(1);
    expect(loadProfileSeries(db, key)).toEqual(series(2 / 3));
    expect(loadProfileSeries(db, { ...key, engineVersion: 'other' })).toBeUndefined();
    deleteDataset(db, 'd');
    expect(countProfileSeries(db, 'd')).toBe(0);
    db.close();
  });
});
