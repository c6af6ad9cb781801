import { describe, expect, it } from 'vitest';
import { whyBars } from '../../src-renderer/charts/why-bars-math';

describe('why bars', () => {
  it('keeps the engine’s order, draws no zero, and places negative bars left of the axis', () => {
    const bars = whyBars(
      [
        { feature: 'topic:b', value: -1 },
        { feature: 'topic:a', value: 0.5 },
        { feature: 'topic:c', value: 0 },
      ],
      200,
    );
    expect(bars.map((b) => b.feature)).toEqual(['topic:b', 'topic:a']);
    expect(bars[0]).toMatchObject({ x: 0, width: 100, positive: false, y: 0 });
    expect(bars[1]).toMatchObject({ x: 100, width: 50, positive: true, y: 20 });
  });
});
