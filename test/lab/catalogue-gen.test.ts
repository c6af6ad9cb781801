import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { topicsForText, TOPICS } from '../../src-main/domain/taxonomy';
import type { Item } from '../../src-main/domain/types';
import { prepareCatalogue } from '../../src-main/engine';
import {
  LAB_CATALOGUE_SEED,
  LAB_EPOCH_MS,
  labCatalogueFiles,
  makeLabCatalogue,
  type BackgroundSession,
} from '../../src-main/lab/catalogue-gen';

const read = (name: string): string =>
  readFileSync(new URL(`../../fixtures/demo/${name}`, import.meta.url), 'utf8');
const rows = <T>(text: string): T[] =>
  text
    .trimEnd()
    .split('\n')
    .map((line) => JSON.parse(line) as T);
const items = rows<Item>(read('lab-catalogue.jsonl'));
const sessions = rows<BackgroundSession>(read('lab-interactions.jsonl'));

describe('Lab catalogue generator', () => {
  it('regenerates the committed files byte for byte; another seed gives other bytes', () => {
    const files = labCatalogueFiles(makeLabCatalogue(LAB_CATALOGUE_SEED));
    expect(files['lab-catalogue.jsonl']).toBe(read('lab-catalogue.jsonl'));
    expect(files['lab-interactions.jsonl']).toBe(read('lab-interactions.jsonl'));
    const other = labCatalogueFiles(makeLabCatalogue(LAB_CATALOGUE_SEED + 1));
    expect(other['lab-catalogue.jsonl']).not.toBe(files['lab-catalogue.jsonl']);
    expect(other['lab-interactions.jsonl']).not.toBe(files['lab-interactions.jsonl']);
  });

  it('has 10,000 videos by 1,500 creators over every topic, in 14 languages', () => {
    expect(items).toHaveLength(10_000);
    expect(new Set(items.map((it) => it.id)).size).toBe(10_000);
    expect(new Set(items.map((it) => it.creator)).size).toBe(1_500);
    const sounds = new Set(items.map((it) => it.sound));
    expect(sounds.size).toBeGreaterThan(800);
    expect(sounds.size).toBeLessThanOrEqual(1_000);
    const topics = new Set(items.flatMap((it) => it.topics));
    for (const t of TOPICS) expect(topics.has(t.id)).toBe(true);
    expect(new Set(items.map((it) => it.language)).size).toBe(14);
  });

  it('gives every video topics that its own caption and hashtags reproduce', () => {
    for (const item of items) {
      expect(item.topics.length).toBeGreaterThanOrEqual(1);
      expect(topicsForText(item.caption, item.hashtags)).toEqual(item.topics);
    }
  });

  it('has ids that encode creation times over six months, and skewed durations', () => {
    const from = LAB_EPOCH_MS - 180 * 86_400_000;
    for (const item of items) {
      expect(Number(BigInt(item.id) >> 32n) * 1000).toBe(item.createdAtMs);
      expect(item.createdAtMs).toBeGreaterThanOrEqual(from);
      expect(item.createdAtMs).toBeLessThan(LAB_EPOCH_MS);
      expect(item.durationS).toBeGreaterThanOrEqual(5);
      expect(item.durationS).toBeLessThanOrEqual(180);
    }
    const short = items.filter((it) => it.durationS! <= 35).length / items.length;
    const long = items.filter((it) => it.durationS! > 120).length / items.length;
    expect(short).toBeGreaterThan(0.6);
    expect(long).toBeLessThan(0.05);
  });

  it('gives creators power-law popularity: the top 1% hold far more plays than the bottom half', () => {
    const plays = new Map<string, number>();
    for (const it of items)
      plays.set(it.creator!, (plays.get(it.creator!) ?? 0) + it.stats!.plays!);
    const sorted = [...plays.values()].sort((a, b) => b - a);
    const sum = (xs: number[]): number => xs.reduce((a, b) => a + b, 0);
    expect(sum(sorted.slice(0, 15))).toBeGreaterThan(2 * sum(sorted.slice(750)));
  });

  it('has background sessions that give most videos co-engagement neighbours', () => {
    expect(sessions.length).toBeGreaterThan(1_000);
    const ids = new Set(items.map((it) => it.id));
    for (const s of sessions) for (const id of s.items) expect(ids.has(id)).toBe(true);
    const cat = prepareCatalogue(items, { interactions: sessions.map((s) => s.items) });
    const co = cat.coEngagement!;
    let linked = 0;
    for (let i = 0; i < cat.size; i++) if (co.start[i + 1]! > co.start[i]!) linked++;
    expect(linked).toBeGreaterThan(3_000);
  });
});
