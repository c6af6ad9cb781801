// feed/at names the past events behind each "why" itself: each event's signal-log place (the same
// index profile/deltas gives it), its video's caption and creator, with no second call.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

describe('named events in feed/at', () => {
  it('gives each event behind a reason its signal-log index and names its video', async () => {
    const app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', k: 20 }));
    const events = feed.entries.flatMap((e) => e.explanation.reasons.flatMap((r) => r.events));
    expect(events.length).toBeGreaterThan(0);
    const indexes = [...new Set(events.map((e) => e.eventIndex))].sort((a, b) => a - b);
    // profile/deltas pages the signal log: the event at each index is the one the reason names.
    for (const index of indexes.slice(0, 20)) {
      const page = unwrap(
        await app.router.invoke('profile/deltas', { datasetId: 'demo', offset: index, limit: 1 }),
      );
      const named = events.find((e) => e.eventIndex === index)!;
      expect(page.deltas[0]!.eventId).toBe(named.eventId);
      expect(page.deltas[0]!.eventIndex).toBe(index);
    }
    // The demo knows every video: a reason's event names its video by caption and creator.
    const withVideo = events.filter((e) => /“.+” by @/.test(e.words));
    expect(withVideo.length).toBeGreaterThan(0);
    // The sentence's linked clauses carry the same indexes.
    for (const entry of feed.entries)
      for (const c of entry.explanation.sentence)
        if (c.event) expect(indexes).toContain(c.event.eventIndex);
    app.close();
  });
});
