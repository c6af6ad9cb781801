// The Viewing screen's chart math and sentences, without a DOM.
import { describe, expect, it } from 'vitest';
import { heatmapModel } from '../../src-renderer/charts/heatmap-math';
import { barsModel } from '../../src-renderer/charts/viewing-bars-math';
import {
  daysSentence,
  heatmapSentence,
  monthsSentence,
} from '../../src-renderer/explain/viewing-sentences';
import { formatMinutes } from '../../src-renderer/format';

const SIZE = { width: 360, height: 150 };
const plain = (v: number) => String(v);

describe('bars', () => {
  it('lays bars left to right, taller for more, stacked in series order', () => {
    const m = barsModel(
      [
        { key: 'a', label: 'A', values: [10, 5] },
        { key: 'b', label: 'B', values: [20, 0] },
      ],
      SIZE,
      plain,
    );
    // Inner height 150 − 12 − 26 = 112; the domain is 0–20.
    const [a, b] = m.bars;
    expect(a!.x).toBeLessThan(b!.x);
    expect(a!.total).toBe(15);
    expect(a!.segments.map((s) => s.height)).toEqual([56, 28]);
    // The second segment sits on the first.
    expect(a!.segments[1]!.y + a!.segments[1]!.height).toBe(a!.segments[0]!.y);
    expect(b!.segments[0]).toMatchObject({ y: 0, height: 112 });
    expect(m.referenceY).toBeNull();
  });

  it('raises the axis to a reference line above every bar', () => {
    const m = barsModel([{ key: 'm', label: 'M', values: [100] }], SIZE, plain, {
      reference: 850,
    });
    expect(m.yTicks.at(-1)!.label).toBe('1000');
    expect(m.referenceY).toBeCloseTo(112 * (1 - 850 / 1000), 3);
    expect(m.bars[0]!.segments[0]!.height).toBeCloseTo(11.2, 3);
  });

  it('labels at most the asked number of bars, evenly', () => {
    const data = Array.from({ length: 180 }, (_, i) => ({
      key: `d${i}`,
      label: `d${i}`,
      values: [i],
    }));
    const m = barsModel(data, SIZE, plain, { xLabels: 6 });
    expect(m.xTicks.map((t) => t.label)).toEqual(['d0', 'd30', 'd60', 'd90', 'd120', 'd150']);
  });
});

describe('heatmap', () => {
  it('places weekday rows and hour columns, the busiest cell darkest, empty ones blank', () => {
    const values = new Array<number>(168).fill(0);
    values[0 * 24 + 22] = 4;
    values[1 * 24 + 23] = 2;
    const m = heatmapModel(values, 286);
    expect(m.cellSize).toBe(10); // (286 − 40 − 6) / 24
    const busiest = m.cells[22]!;
    expect(busiest).toMatchObject({ weekday: 0, hour: 22, x: 220, y: 0, value: 4, shade: 1 });
    expect(m.cells[47]).toMatchObject({ weekday: 1, hour: 23, y: 10, shade: 0.56 });
    expect(m.cells.filter((c) => c.shade === 0).length).toBe(166);
    expect(m.rows.map((r) => r.label)).toEqual(['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']);
  });

  it('refuses anything but 7 × 24 values', () => {
    expect(() => heatmapModel([1, 2, 3], 300)).toThrow(/168 values/);
  });
});

describe('sentences', () => {
  const base = { minutes: 0, publishedMinutesPerMonth: 850, heatmapWatches: [], sessions: 0 };

  it('compares full months only with the published average', () => {
    const months = [
      { month: '2024-10', minutes: 50, watches: 1, coveredDays: 3, daysInMonth: 31 },
      { month: '2024-11', minutes: 1200, watches: 1, coveredDays: 30, daysInMonth: 30 },
      { month: '2024-12', minutes: 1000, watches: 1, coveredDays: 31, daysInMonth: 31 },
    ];
    expect(monthsSentence({ ...base, months, days: [] })).toBe(
      'In 2 full months of history, about 18 hours 20 minutes a month: more than the published average of 850 minutes.',
    );
  });

  it('says per day and per 30 days when no month is full', () => {
    const days = Array.from({ length: 10 }, (_, i) => ({
      date: `2024-11-${String(i + 1).padStart(2, '0')}`,
      minutes: 20,
      watches: 1,
      sessions: 1,
    }));
    const months = [
      { month: '2024-11', minutes: 200, watches: 10, coveredDays: 10, daysInMonth: 30 },
    ];
    expect(monthsSentence({ ...base, minutes: 200, months, days })).toBe(
      'No full month yet: over 10 days, about 20 minutes a day, or 10 hours in 30 days (published average: 850 minutes a month).',
    );
    expect(daysSentence({ minutes: 200, days })).toBe(
      'From 2024-11-01 to 2024-11-10, about 20 minutes a day on average; the most, 20 minutes, on 2024-11-01.',
    );
  });

  it('names the busiest weekday and hour in the zone shown', () => {
    const cells = new Array<number>(168).fill(0);
    cells[6 * 24 + 23] = 12;
    expect(heatmapSentence({ heatmapWatches: cells }, 'Europe/Berlin')).toBe(
      'Most videos were started on Sundays between 23:00 and 00:00 (12 videos; hours in Europe/Berlin).',
    );
  });

  it('writes minutes in words with plurals', () => {
    expect([0, 0.4, 1, 59.6, 60, 61, 125].map(formatMinutes)).toEqual([
      '0 minutes',
      'under a minute',
      '1 minute',
      '1 hour',
      '1 hour',
      '1 hour 1 minute',
      '2 hours 5 minutes',
    ]);
  });
});
