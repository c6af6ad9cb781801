// Checkpoints and the kept facts change no answer: a feed at any moment built from the nearest
// checkpoint, and every what-if built from the kept facts, equal a replay of every event
// (`replay`, `counterfactual`), on the demo, the realistic export and a generated dataset with
// real checkpoints (test/helpers/million.ts's first 120,000 events).
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type App } from '../../src-main/app';
import { insertDataset } from '../../src-main/db/datasets';
import type { FeedEvent } from '../../src-main/domain/types';
import {
  counterfactual,
  orderEvents,
  pointDiff,
  replay,
  replayCheckpointed,
  replayMetrics,
  resolveConfig,
  slateAt,
  slateMetrics,
  stateHash,
  viewerAt,
  whatIf,
  whatIfFacts,
  type ConfigInput,
  type Edit,
  type EngineConfig,
  type PreparedCatalogue,
} from '../../src-main/engine';
import { catalogueOf } from '../../src-main/operations/engine-options';
import { cachedDataset } from '../../src-main/operations/loaded';
import { millionEvents, millionItems } from '../helpers/million';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';
import { importPath, TIKTOK } from '../import/helpers';

let app: App;
const GENERATED = 'generated-120k';
const GENERATED_EVENTS = 120_000;

beforeAll(async () => {
  app = startApp({ shell: 'test', db: tempDbPath(), now: () => FIXED_NOW });
  const realistic = await importPath(app, join(TIKTOK, 'realistic-g3', 'user_data_tiktok.json'));
  const events: FeedEvent[] = [];
  for (const e of millionEvents()) {
    if (events.length === GENERATED_EVENTS) break;
    events.push(e);
  }
  insertDataset(
    app.db,
    {
      id: GENERATED,
      name: 'Generated',
      kind: 'event-log',
      sourceSha256: null,
      createdAt: '2099-01-01T00:00:00.000Z',
      warnings: [],
    },
    millionItems(),
    events,
  );
  ids.set('the demo', 'demo');
  ids.set('the realistic export', realistic.datasetId);
  ids.set('a generated dataset', GENERATED);
}, 120_000);
afterAll(() => app?.close());

const ids = new Map<string, string>();

function load(name: string): { events: readonly FeedEvent[]; catalogue: PreparedCatalogue } {
  const { pool, events } = cachedDataset(app.ctx, ids.get(name)!);
  return { events: orderEvents(events), catalogue: catalogueOf(pool) };
}

/** Checkpoints about every tenth of the log, so that even the demo's replays start from one. */
const spacing = (events: readonly FeedEvent[]) => Math.max(5, Math.floor(events.length / 10));

/** Moments across the log: before it, on event times (ties included), between, after it. */
function moments(events: readonly FeedEvent[]): number[] {
  const at = (f: number) => events[Math.floor(f * (events.length - 1))]!.atMs;
  return [at(0) - 1, at(0), at(0.13), at(0.5) + 1, at(0.77), at(1), at(1) + 1];
}

const config = resolveConfig({});
/** Settings a slate reads and stepping does not: they share the first's checkpoints. */
const slateOnly = resolveConfig({
  preset: 'custom',
  weights: { like: 7, share: 0.2 },
  rules: { adjacency: false },
  slateSize: 12,
});

describe.each(['the demo', 'the realistic export', 'a generated dataset'])('on %s', (name) => {
  it('checkpoints give the feed at every moment that a replay of every event gives', () => {
    const { events, catalogue } = load(name);
    const run = replayCheckpointed(events, catalogue, config, {
      trackEvidence: true,
      firstCheckpoint: spacing(events),
    });
    expect(run.checkpoints.length, name).toBeGreaterThan(3);
    expect(stateHash(slateOnly)).toBe(run.stateHash);
    for (const settings of [config, slateOnly])
      for (const t of moments(events)) {
        const full = replay({
          events,
          catalogue,
          config: settings,
          seed: 7,
          points: { kind: 'times', atMs: [t] },
        });
        expect(slateAt(viewerAt(run, settings, t), settings, 7, t), `${name} at ${t}`).toEqual(
          full.slates[0],
        );
      }
  }, 120_000);

  it('the kept facts give every what-if kind the slates, profiles and measures that two full replays give', () => {
    const { events, catalogue } = load(name);
    const facts = whatIfFacts({
      events,
      catalogue,
      config,
      seed: 3,
      points: { kind: 'session' },
      firstCheckpoint: spacing(events),
    });
    const middle = events[Math.floor(events.length * 0.6)]!;
    const late = events[Math.floor(events.length * 0.9)]!;
    const questions: { edits: Edit[]; configPatch?: ConfigInput }[] = [
      { edits: [{ op: 'remove', eventId: events[0]!.id }] },
      { edits: [{ op: 'remove', eventId: middle.id }] },
      { edits: [{ op: 'alter', eventId: middle.id, set: { kind: 'skip' } }] },
      // Moved later: the two logs first differ where it was.
      { edits: [{ op: 'alter', eventId: middle.id, set: { atMs: late.atMs } }] },
      { edits: [], configPatch: { rules: { seen: false } } },
      {
        edits: [
          { op: 'remove', eventId: late.id },
          { op: 'remove', eventId: 'no-such-event' },
        ],
        configPatch: { halfLifeDays: 3 },
      },
    ];
    // The slates before the first change are the facts' own, the rest replayed from a checkpoint.
    expect(whatIf(facts, catalogue, questions[1]!).reused, name).toBeGreaterThan(0);
    for (const q of questions) {
      const label = `${name}: ${JSON.stringify(q)}`;
      const cf = counterfactual({ events, catalogue, config, seed: 3, ...q });
      const replayed = whatIf(facts, catalogue, q);
      expect(replayed.missing, label).toEqual(cf.missing);
      expect(facts.times, label).toEqual(cf.base.times);
      const baseMetrics = replayMetrics(cf.base, catalogue, config);
      const altMetrics = replayMetrics(cf.alt, catalogue, replayed.config as EngineConfig);
      facts.times.forEach((t, s) => {
        const at = `${label}, slate ${s}`;
        const [base, alt] = [facts.slates[s]!, replayed.alt.slates[s]!];
        expect(base.itemIds, at).toEqual(cf.base.slates[s]!.raw.itemIds);
        expect(alt.itemIds, at).toEqual(cf.alt.slates[s]!.raw.itemIds);
        expect(alt.slots, at).toEqual(cf.alt.slates[s]!.trace.items.map((i) => i.slot));
        expect(facts.profiles[s], at).toEqual(cf.base.profiles![s]);
        expect(replayed.alt.profiles[s], at).toEqual(cf.alt.profiles![s]);
        expect(pointDiff(facts, replayed, s), at).toEqual(cf.points[s]);
        expect(slateMetrics(base.itemIds, base.slots, facts.profiles[s]!, t, catalogue)).toEqual(
          baseMetrics[s],
        );
        expect(
          slateMetrics(alt.itemIds, alt.slots, replayed.alt.profiles[s]!, t, catalogue),
        ).toEqual(altMetrics[s]);
      });
    }
  }, 300_000);
});
