// Time axes, time stamps, counts and the dataset picker's labels (issue 9, rough edges).
import { describe, expect, it } from 'vitest';
import { timeTicks } from '../../src-renderer/charts/time-ticks';
import { datasetLabels } from '../../src-renderer/explain/dataset-labels';
import { countOf, formatTimeIn } from '../../src-renderer/format';

const labels = (from: number, to: number, count = 6) =>
  timeTicks(from, to, count, 'UTC').map((t) => t.label);

describe('time ticks', () => {
  it('over a single day name the day once, then hours (not "Nov 20" nine times)', () => {
    const ticks = labels(Date.UTC(2024, 10, 20, 1, 10), Date.UTC(2024, 10, 20, 23, 5), 9);
    expect(ticks).toEqual(['Nov 20 03:00', '06:00', '09:00', '12:00', '15:00', '18:00', '21:00']);
  });

  it('over a day boundary name each new day at its midnight', () => {
    const ticks = labels(Date.UTC(2024, 10, 20, 14), Date.UTC(2024, 10, 21, 14), 6);
    expect(ticks).toEqual([
      'Nov 20 15:00',
      '18:00',
      '21:00',
      'Nov 21',
      '03:00',
      '06:00',
      '09:00',
      '12:00',
    ]);
  });

  it('over a week show one date per day, over months the month, over years the year', () => {
    expect(labels(Date.UTC(2026, 2, 1), Date.UTC(2026, 2, 7, 20), 6)).toEqual([
      'Mar 1',
      'Mar 2',
      'Mar 3',
      'Mar 4',
      'Mar 5',
      'Mar 6',
      'Mar 7',
    ]);
    expect(labels(Date.UTC(2024, 0, 10), Date.UTC(2024, 6, 10), 6)).toEqual([
      'Feb 2024',
      'Mar 2024',
      'Apr 2024',
      'May 2024',
      'Jun 2024',
      'Jul 2024',
    ]);
    expect(labels(Date.UTC(2019, 5, 1), Date.UTC(2025, 5, 1), 6)).toEqual([
      '2020',
      '2021',
      '2022',
      '2023',
      '2024',
      '2025',
    ]);
  });

  it('within a minute show seconds, and every label differs from its neighbours', () => {
    const ticks = labels(Date.UTC(2024, 10, 20, 9, 0, 5), Date.UTC(2024, 10, 20, 9, 0, 50), 4);
    expect(ticks).toEqual(['Nov 20 09:00:15', '09:00:30', '09:00:45']);
    expect(new Set(ticks).size).toBe(ticks.length);
  });

  it('positions ticks at real times inside the span', () => {
    const from = Date.UTC(2024, 10, 20);
    const to = Date.UTC(2024, 10, 27);
    for (const t of timeTicks(from, to, 6, 'UTC')) {
      expect(t.ms).toBeGreaterThanOrEqual(from);
      expect(t.ms).toBeLessThanOrEqual(to);
    }
  });
});

describe('time stamps and counts', () => {
  it('write a time to the second, minute or day with the zone named', () => {
    const at = Date.UTC(2024, 10, 2, 14, 30, 20);
    expect(formatTimeIn('UTC', at)).toBe('2024-11-02 14:30:20 UTC');
    expect(formatTimeIn('UTC', '2024-11-02T14:30:20.000Z', 'minute')).toBe('2024-11-02 14:30 UTC');
    expect(formatTimeIn('UTC', at, 'day')).toBe('2024-11-02');
    expect(formatTimeIn('UTC', null)).toBe('—');
    // Midnight is 00, not 24.
    expect(formatTimeIn('UTC', Date.UTC(2024, 10, 2))).toBe('2024-11-02 00:00:00 UTC');
  });

  it('say "1 video" and "2 videos", with digit grouping', () => {
    expect(countOf(1, 'video')).toBe('1 video');
    expect(countOf(0, 'video')).toBe('0 videos');
    expect(countOf(49866, 'event')).toBe('49,866 events');
  });
});

describe('dataset picker labels', () => {
  const base = {
    eventCount: 461,
    from: '2026-03-01T08:00:00.000Z',
    createdAt: '2026-12-01T09:00:00.000Z',
  };
  it('keep a unique name short', () => {
    expect(datasetLabels([{ ...base, id: 'a', name: 'Demo' }], 'UTC')).toEqual(
      new Map([['a', 'Demo (461 events)']]),
    );
  });

  it('tell datasets with one name apart by their first day, then by their import time', () => {
    const map = datasetLabels(
      [
        { ...base, id: 'a', name: 'My export' },
        { ...base, id: 'b', name: 'My export', from: '2024-11-02T10:00:00.000Z', eventCount: 1 },
        { ...base, id: 'c', name: 'My export', createdAt: '2026-12-02T10:15:00.000Z' },
        { ...base, id: 'd', name: 'Other' },
      ],
      'UTC',
    );
    expect([...map.values()]).toEqual([
      'My export, from 2026-03-01, imported 2026-12-01 09:00 UTC (461 events)',
      'My export, from 2024-11-02 (1 event)',
      'My export, from 2026-03-01, imported 2026-12-02 10:15 UTC (461 events)',
      'Other (461 events)',
    ]);
  });
});
