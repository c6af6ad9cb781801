// Sessions, duplicates and inferred watch times on a hand-made batch.
import { describe, expect, it } from 'vitest';
import { finalize } from '../../src-main/import/infer';
import type { ImportBatch, ImportedEvent } from '../../src-main/import/types';

const at = (s: number) => Date.UTC(2025, 0, 1) + s * 1000;
const watch = (s: number, itemId: string): ImportedEvent => ({
  atMs: at(s),
  kind: 'watch',
  itemId,
  target: null,
  watchS: null,
  watchRatio: null,
  level: null,
  evidence: 'inferred',
});
const batch = (events: ImportedEvent[]): ImportBatch => ({
  format: 'tiktok-json',
  datasetKind: 'tiktok-export',
  items: [],
  events,
  warnings: [],
  lacks: [],
});

describe('finalize', () => {
  it('sorts, removes exact duplicates, cuts sessions at the gap and caps inferred watches', () => {
    const out = finalize(
      batch([
        watch(2000, '3'),
        watch(0, '1'),
        watch(1, '2'),
        watch(1, '2'),
        watch(590, '1'),
        watch(1300, '4'),
        watch(4000, '5'),
      ]),
      20 * 60_000,
    );
    expect(out.duplicatesRemoved).toBe(1);
    expect(out.events.map((e) => [e.id, e.itemId, e.watchS, e.session])).toEqual([
      ['e000000', '1', 1, 0],
      ['e000001', '2', 589, 0],
      ['e000002', '1', 600, 0],
      ['e000003', '4', 600, 0],
      ['e000004', '3', null, 0],
      ['e000005', '5', null, 1],
    ]);
    expect(out.inferredWatches).toBe(4);
    expect(out.items.map((i) => i.id)).toEqual(['1', '2', '3', '4', '5']);
  });

  it('keeps watch times a source gave', () => {
    const out = finalize(
      batch([{ ...watch(0, '1'), watchS: 7, evidence: 'observed' }, watch(3, '2')]),
      600_000,
    );
    expect(out.events[0]!.watchS).toBe(7);
  });
});
