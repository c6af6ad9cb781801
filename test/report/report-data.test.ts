// The report's numbers on the demo dataset, from a real SQLite store: they add up, they line up
// with the replay, and the same inputs give the same report.
import { afterAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { ENGINE_VERSION } from '../../src-main/engine';
import { collectReport } from '../../src-main/report/collect';
import { renderReport } from '../../src-main/report/html';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const app = startApp({ shell: 'cli', db: tempDbPath(), now: () => FIXED_NOW });
afterAll(() => app.close());
const options = { datasetId: 'demo', preset: 'tiktok-algo101' as const, seed: 7 };
const data = collectReport(app.ctx, options);

describe('the report of the demo', () => {
  it('has a slate at every session start and a profile value at every slate', () => {
    expect(data.slates).toBe(15);
    expect(data.timesMs).toHaveLength(15);
    expect(data.profile.length).toBeGreaterThan(0);
    for (const series of data.profile) expect(series.values).toHaveLength(15);
    expect(data.profile.every((s) => s.dim.startsWith('topic:'))).toBe(true);
    expect(data.metrics).toHaveLength(15);
  });

  it('counts every event once in the signal mix, by kind and by evidence', () => {
    const total = data.signals.reduce((n, s) => n + s.total, 0);
    expect(total).toBe(data.events);
    for (const s of data.signals) expect(s.observed + s.inferred + s.loaded).toBe(s.total);
    expect(data.signals[0]!.total).toBeGreaterThanOrEqual(data.signals.at(-1)!.total);
  });

  it('lists the topics that took over the profile, soonest first', () => {
    expect(data.amplified.length).toBeGreaterThan(0);
    const after = data.amplified.map((t) => t.afterEvents);
    expect(after).toEqual([...after].sort((a, b) => a - b));
    for (const t of data.amplified) expect(t.afterEvents).toBeLessThanOrEqual(data.events);
  });

  it('names the provenance a re-run needs', () => {
    const p = data.provenance;
    expect(p.engineVersion).toBe(ENGINE_VERSION);
    expect(p.seed).toBe(7);
    expect(p.preset).toBe('tiktok-algo101');
    expect(p.configHash).toMatch(/^[0-9a-f]{16}$/);
    expect(p.inputSha256).toMatch(/^[0-9a-f]{64}$/);
  });

  it('replays each rule that moved videos with that rule off, and the slates change', () => {
    const active = data.rules.filter((r) => r.removed + r.demoted + r.promoted > 0);
    expect(active.length).toBeGreaterThan(0);
    const ruleRuns = data.counterfactuals.filter((c) => c.change.endsWith(' off'));
    expect(ruleRuns.length).toBe(Math.min(4, active.length));
    for (const c of ruleRuns) expect(active.map((r) => `${r.rule} off`)).toContain(c.change);
    expect(ruleRuns.some((c) => c.slatesChanged > 0)).toBe(true);
    // Removing a past event changes the profile; switching a re-ranking rule off does not.
    const without = data.counterfactuals.find((c) => c.change.startsWith('without '));
    expect(without?.profileDimsChanged).toBeGreaterThan(0);
    for (const c of ruleRuns) expect(c.profileDimsChanged).toBe(0);
  });

  it('is the same report, byte for byte, when computed again', () => {
    app.ctx.loaded.clear();
    expect(renderReport(collectReport(app.ctx, options))).toBe(renderReport(data));
  });

  it('changes with the seed', () => {
    const other = collectReport(app.ctx, { ...options, seed: 8 });
    expect(other.provenance.seed).toBe(8);
    expect(renderReport(other)).not.toBe(renderReport(data));
  });
});
