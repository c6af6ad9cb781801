import { UserError } from '../../../domain/errors';
import {
  evaluate,
  PRESETS,
  resolveConfig,
  type EvaluateReport,
  type Interaction,
  type PresetName,
  type Split,
} from '../../../engine';
import { readEventLog } from '../../../import/event-log';
import type { EventKind } from '../../../domain/types';
import type { Command } from '../command';
import { intFlag, parseFlags } from '../command';

/** Event kinds read as an interaction (user engaged with item); impressions and negatives are not. */
const INTERACTION_KINDS: ReadonlySet<EventKind> = new Set([
  'watch',
  'rewatch',
  'like',
  'favorite',
  'share',
  'comment',
]);

export const evaluateCommand: Command = {
  name: 'evaluate',
  summary: 'Measure the ranker offline (Recall@K, NDCG@K, coverage) against most-popular',
  help: `Usage: feedlens evaluate --events FILE [--split leave-last-out|temporal] [--k 20]
                        [--preset NAME] [--json]

Reads a generic event log (CSV or JSONL, docs/EVENT-LOG.md; user, item, time), holds out
interactions, ranks every item each held-out user has not seen, and reports Recall@K, NDCG@K and
catalogue coverage for the glass-box ranker and, in the same run, for a most-popular baseline.

Interactions are the rows of kind watch, rewatch, like, favorite, share or comment; rows without
a user count as one user. The split:
  leave-last-out  each user's last new item is held out (default)
  temporal        everything at or after the 80th percentile of times is held out

Options:
  --events FILE   the event log
  --split NAME    leave-last-out or temporal
  --k N           list length (default 20)
  --preset NAME   weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --json          print the report as JSON`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      events: { type: 'string' },
      split: { type: 'string' },
      k: { type: 'string' },
      preset: { type: 'string' },
      json: { type: 'boolean' },
    });
    if (!values.events) throw new UserError('bad-args', 'evaluate needs --events FILE.');
    const split = (values.split ?? 'leave-last-out') as Split;
    if (split !== 'leave-last-out' && split !== 'temporal') {
      throw new UserError(
        'bad-args',
        `--split must be leave-last-out or temporal, not "${values.split}".`,
      );
    }
    const k = intFlag('k', values.k) ?? 20;
    if (k < 1) throw new UserError('bad-args', '--k must be at least 1.');
    const preset = (values.preset ?? 'tiktok-algo101') as PresetName;
    if (!PRESETS.includes(preset))
      throw new UserError('bad-args', `--preset must be one of ${PRESETS.join(', ')}.`);
    const batch = await readEventLog(values.events);
    const rows: Interaction[] = [];
    for (const e of batch.events) {
      if (e.itemId === null || !INTERACTION_KINDS.has(e.kind)) continue;
      rows.push({ user: e.user ?? 'user', itemId: e.itemId, atMs: e.atMs });
    }
    if (rows.length === 0)
      throw new UserError(
        'bad-input',
        `${values.events}: no interactions (watch, like, share, ...) to evaluate.`,
      );
    const report = evaluate(rows, {
      split,
      k,
      items: batch.items,
      config: resolveConfig({ preset }),
    });
    io.out(values.json ? JSON.stringify(report, null, 2) : formatReport(report));
    return 0;
  },
};

function formatReport(r: EvaluateReport): string {
  const row = (name: string, m: EvaluateReport['glassBox']) =>
    `  ${name.padEnd(14)} ${m.recall.toFixed(4).padStart(9)} ${m.ndcg.toFixed(4).padStart(9)} ${m.coverage.toFixed(4).padStart(9)}`;
  return [
    `Split ${r.split}, K = ${r.k}: ${r.users} users, ${r.items} items, ${r.interactions} interactions.`,
    `  ${'ranker'.padEnd(14)} ${`Recall@${r.k}`.padStart(9)} ${`NDCG@${r.k}`.padStart(9)} ${'coverage'.padStart(9)}`,
    row('glass box', r.glassBox),
    row('most popular', r.mostPopular),
  ].join('\n');
}
