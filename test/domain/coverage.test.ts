import { createReadStream, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { inferTopicsFromCooccurrence } from '../../src-main/domain/cooccurrence';
import type { Item } from '../../src-main/domain/types';
import { readZeeschuimer } from '../../src-main/import/zeeschuimer';
import { FIXED_NOW } from '../helpers/temp';

// The goal: at least 80% of the videos of a real-looking capture get a topic. The capture
// is fixtures/zeeschuimer/multilingual.ndjson (its README says how it was written).
const FIXTURE = fileURLToPath(
  new URL('../../fixtures/zeeschuimer/multilingual.ndjson', import.meta.url),
);

async function readCapture(): Promise<Item[]> {
  const batch = await readZeeschuimer(
    {
      name: 'multilingual.ndjson',
      size: statSync(FIXTURE).size,
      open: () => createReadStream(FIXTURE),
    },
    {
      fileName: 'multilingual.ndjson',
      onProgress: () => {},
      signal: new AbortController().signal,
      nowMs: FIXED_NOW,
    },
  );
  expect(batch.warnings).toEqual([]);
  return batch.items;
}

type Row = { videos: number; direct: number; withInferred: number };

function byLanguage(direct: readonly Item[], inferred: readonly Item[]): Map<string, Row> {
  const rows = new Map<string, Row>();
  direct.forEach((it, i) => {
    const row = rows.get(it.language ?? '?') ?? { videos: 0, direct: 0, withInferred: 0 };
    row.videos += 1;
    if (it.topics.length > 0) row.direct += 1;
    if (inferred[i]!.topics.length > 0) row.withInferred += 1;
    rows.set(it.language ?? '?', row);
  });
  return rows;
}

describe('topic coverage of the multilingual capture', () => {
  it('gives at least 80% of its videos a topic, and reports it per language', async () => {
    const items = await readCapture();
    const inferred = inferTopicsFromCooccurrence(items);
    const rows = byLanguage(items, inferred);
    const total = [...rows.values()].reduce(
      (sum, r) => ({
        videos: sum.videos + r.videos,
        direct: sum.direct + r.direct,
        withInferred: sum.withInferred + r.withInferred,
      }),
      { videos: 0, direct: 0, withInferred: 0 },
    );
    const pct = (n: number, of: number) => `${((100 * n) / of).toFixed(1)}%`;
    const lines = [...rows, ['all', total] as const].map(
      ([lang, r]) =>
        `${lang.padEnd(4)} ${String(r.videos).padStart(3)} videos  direct ${pct(r.direct, r.videos).padStart(6)}  with co-occurrence ${pct(r.withInferred, r.videos).padStart(6)}`,
    );
    console.log(`Topic coverage, fixtures/zeeschuimer/multilingual.ndjson\n${lines.join('\n')}`);

    expect(total.videos).toBe(127);
    expect(rows.size).toBeGreaterThanOrEqual(11);
    expect(total.withInferred / total.videos).toBeGreaterThanOrEqual(0.8);
    // Co-occurrence only ever adds topics, and only to videos that had none.
    expect(total.withInferred).toBeGreaterThan(total.direct);
    // Each of the ten languages on its own, too (English, with 5 videos, is reported only).
    for (const lang of ['tr', 'es', 'pt', 'id', 'ar', 'de', 'fr', 'ja', 'ko', 'vi']) {
      const r = rows.get(lang)!;
      expect(r.withInferred / r.videos, lang).toBeGreaterThanOrEqual(0.75);
    }
  });

  it('labels every inferred topic and leaves directly mapped videos untouched', async () => {
    const items = await readCapture();
    const inferred = inferTopicsFromCooccurrence(items);
    inferred.forEach((it, i) => {
      if (items[i]!.topics.length > 0) expect(it).toBe(items[i]);
      else expect(it.topicsInferred).toBe(it.topics.length > 0);
    });
    expect(inferred.some((it) => it.topicsInferred)).toBe(true);
  });

  it('keeps videos tagged only for reach without a topic', async () => {
    const inferred = inferTopicsFromCooccurrence(await readCapture());
    const reachOnly = inferred.filter((it) => it.caption?.startsWith('😂😂 #keşfetteyiz'));
    expect(reachOnly).toHaveLength(1);
    expect(reachOnly[0]!.topics).toEqual([]);
  });

  it('gives every video of the Turkish news block (its first 30 lines) a topic', async () => {
    const inferred = inferTopicsFromCooccurrence(await readCapture());
    const block = inferred.slice(0, 30);
    expect(block.every((it) => it.language === 'tr')).toBe(true);
    for (const it of block) expect(it.topics.length, it.caption ?? '').toBeGreaterThan(0);
    // All are news but one stock-market report, which is finance (#bist100).
    expect(block.filter((it) => it.topics.includes('news-politics'))).toHaveLength(29);
    expect(block.filter((it) => it.topicsInferred)).toHaveLength(3);
  });
});
