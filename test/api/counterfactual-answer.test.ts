// The what-if answer (replay/counterfactual) holds every slate in brief and only the slate asked
// for and its neighbours in full; asking for another slate reads the kept replays, and every
// number it gives is the one the full diff has.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { firstShownSlate } from '../../src-main/operations/replay';
import { unwrap } from '../../src-main/api/router';
import { loadEvents } from '../../src-main/db/datasets';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

let app: App;
let question: { datasetId: string; edits: { op: 'remove'; eventId: string }[] };

beforeAll(() => {
  app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const like = loadEvents(app.db, 'demo').find((e) => e.kind === 'like')!;
  question = { datasetId: 'demo', edits: [{ op: 'remove', eventId: like.id }] };
});

afterAll(() => app?.close());

const ask = (slate?: number) =>
  app.router.invoke('replay/counterfactual', { ...question, slate }).then(unwrap);

describe('the what-if answer', () => {
  it('gives every slate in brief, and the first that differs with two neighbours each side in full', async () => {
    const diff = await ask();
    expect(diff.points.length).toBeGreaterThan(5);
    expect(diff.shown).toBe(firstShownSlate(diff.points));
    const p = diff.points[diff.shown]!;
    expect(p.entered + p.left + p.moved).toBeGreaterThan(0);
    const wanted = [-2, -1, 0, 1, 2]
      .map((d) => diff.shown + d)
      .filter((s) => s >= 0 && s < diff.points.length);
    expect(diff.details.map((d) => d.index)).toEqual(wanted);
    // Every video of those feeds is named, and only those.
    const shownIds = new Set(diff.details.flatMap((d) => [...d.base, ...d.alt]));
    expect(diff.items.map((i) => i.id).sort()).toEqual([...shownIds].sort());
    expect(diff.firstChanged?.atMs).toBe(diff.points.find((q) => q.profileDimsChanged > 0)?.atMs);
  });

  it('answers another slate with the same numbers as a replay that starts there', async () => {
    const first = await ask();
    const last = first.points.length - 1;
    const again = await ask(last);
    expect(again.shown).toBe(last);
    expect(again.details.map((d) => d.index)).toEqual([last - 2, last - 1, last]);
    expect(again.points).toEqual(first.points);
    expect(again.topicDiffs).toEqual(first.topicDiffs);
    // A fresh app has kept nothing: it replays, and must say the same.
    const fresh = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
    const replayed = unwrap(
      await fresh.router.invoke('replay/counterfactual', { ...question, slate: last }),
    );
    fresh.close();
    expect(again.details).toEqual(replayed.details);
    // A slate's feeds agree with its counts.
    const d = again.details.at(-1)!;
    const p = again.points[last]!;
    expect(d.alt.filter((id) => !d.base.includes(id)).length).toBe(p.entered);
    expect(d.base.filter((id) => !d.alt.includes(id)).length).toBe(p.left);
  });

  it('sends the profile difference of the five topics that differ most, no more', async () => {
    const diff = await ask();
    const topics = new Set(diff.topicDiffs.flatMap((d) => Object.keys(d)));
    expect(topics.size).toBeGreaterThan(0);
    expect(topics.size).toBeLessThanOrEqual(5);
  });

  it('says so when the slate asked for does not exist', async () => {
    const { points } = await ask();
    const envelope = await app.router.invoke('replay/counterfactual', {
      ...question,
      slate: points.length,
    });
    expect(envelope).toEqual({
      ok: false,
      error: {
        code: 'bad-args',
        message: `There is no slate ${points.length} in this what-if: it has ${points.length} (0 to ${points.length - 1}).`,
      },
    });
  });
});

describe('the slate shown first', () => {
  const at = (over: Partial<Parameters<typeof firstShownSlate>[0][number]>) => ({
    atMs: 0,
    entered: 0,
    left: 0,
    moved: 0,
    profileDimsChanged: 0,
    ...over,
  });
  it('is the first where the feeds differ, else the first where the profile does, else the first', () => {
    const points = [at({}), at({ profileDimsChanged: 3 }), at({ moved: 1 })];
    expect(firstShownSlate(points)).toBe(2);
    expect(firstShownSlate(points.slice(0, 2))).toBe(1);
    expect(firstShownSlate([at({})])).toBe(0);
    expect(firstShownSlate([])).toBe(0);
  });
});
