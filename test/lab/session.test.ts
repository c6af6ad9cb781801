// The Feed Lab's live session through the real router on a real database: an action moves the
// profile at once and re-ranks, autopilot runs a persona, a run is saved as a `lab` dataset that
// the other screens read, and two settings on the same persona give different metrics.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import type { Envelope } from '../../src-main/contract/define';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
const call = async <T>(envelope: Promise<Envelope<T>>): Promise<T> => unwrap(await envelope);

describe('a Lab session', () => {
  it('moves the profile at once on a like and puts a new card on screen', async () => {
    const start = await call(app.router.invoke('lab/start', {}));
    expect(start.card).not.toBeNull();
    expect(start.profile.topics).toEqual([]);
    const first = start.card!.item;
    const after = await call(
      app.router.invoke('lab/act', {
        sessionId: start.sessionId,
        action: 'like',
        itemId: first.id,
      }),
    );
    // A like keeps the card on screen (with its why) and re-ranks what comes after it.
    expect(after.card!.item.id).toBe(first.id);
    const moved = after.profile.topics.map((t) => t.name);
    for (const topic of first.topics) expect(moved).toContain(topic);
    expect(after.timing.samples).toBe(1);
    expect(after.upNext.map((i) => i.id)).not.toContain(first.id);
    const next = await call(
      app.router.invoke('lab/act', { sessionId: start.sessionId, action: 'watch', watchS: 8 }),
    );
    expect(next.card!.item.id).not.toBe(first.id);
    // A click meant for a card no longer on screen is refused, not applied to the new one.
    const stale = await app.router.invoke('lab/act', {
      sessionId: start.sessionId,
      action: 'like',
      itemId: first.id,
    });
    expect(stale.ok).toBe(false);
  });

  it('runs the drifter for 300 videos, differently with exploration on and off', async () => {
    const runs = [];
    for (const explorationShare of [0, 0.5]) {
      const s = await call(
        app.router.invoke('lab/start', {
          persona: 'drifter',
          personaSeed: 3,
          settings: { preset: 'tiktok-algo101', explorationShare },
        }),
      );
      runs.push(
        await call(app.router.invoke('lab/autopilot', { sessionId: s.sessionId, videos: 300 })),
      );
    }
    for (const run of runs) {
      expect(run.turns.length).toBeGreaterThanOrEqual(300); // likes and follows are turns too
      expect(run.state.metrics.videos).toBe(300);
    }
    const [off, on] = runs.map((r) => r.state.metrics);
    expect(off!.profileEntropy).not.toBe(on!.profileEntropy);
    // Exploration spreads what is shown: the last cards' strongest topic holds less of them.
    expect(on!.recentMix[0]!.share).toBeLessThanOrEqual(off!.recentMix[0]!.share);
    console.log(
      `entropy off/on ${off!.profileEntropy.toFixed(3)} / ${on!.profileEntropy.toFixed(3)}`,
    );
  }, 120_000);

  it('saves a run as a lab dataset the Profile reads, and resumes it', async () => {
    const s = await call(app.router.invoke('lab/start', { persona: 'casual' }));
    await call(app.router.invoke('lab/autopilot', { sessionId: s.sessionId, videos: 40 }));
    const saved = await call(
      app.router.invoke('lab/save', { sessionId: s.sessionId, name: 'period 3' }),
    );
    expect(saved.videos).toBe(40);
    const datasets = await call(app.router.invoke('datasets/list', {}));
    expect(datasets.find((d) => d.id === saved.datasetId)?.kind).toBe('lab');
    const timeline = await call(
      app.router.invoke('profile/timeline', { datasetId: saved.datasetId, topics: 3, points: 50 }),
    );
    expect(timeline.topics.length).toBeGreaterThan(0);
    const resumed = await call(app.router.invoke('lab/resume', { datasetId: saved.datasetId }));
    expect(resumed.metrics.videos).toBe(40);
  }, 60_000);
});
