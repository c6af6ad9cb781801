import { startApp } from '../../../app';
import { contract } from '../../../contract';
import { UserError } from '../../../domain/errors';
import { PRESETS, RULES, type AgreementSummary, type RuleName } from '../../../engine';
import { exportTraces } from '../../../export/traces';
import type { Command } from '../command';
import { intFlag, parseFlags, presetFlag, timeFlag } from '../command';

export const replayCommand: Command = {
  name: 'replay',
  summary: 'Replay a dataset through the engine and write one decision trace per slate (JSONL)',
  help: `Usage: feedlens replay [--db FILE] --dataset <id|demo> [--seed N] [--preset NAME]
                      [--every session|N | --at TIME ...] [--without EVENT_ID ...]
                      [--rule-off RULE ...]
                      [--with-demo] [--json] --out FILE.jsonl

Replays the dataset's events in order through the glass-box engine and writes one decision trace
(docs/trace.schema.json) per slate to FILE.jsonl, one JSON object per line. The output is a pure
function of (events, catalogue, config, seed): the same command gives a byte-identical file.

With slates at session starts (the default), it also says on stderr how well they agree with the
real feed: how often the videos you really watched next were among the 20 Feedlens put first
(docs/ALGORITHM.md, "Agreement with the real feed").

Options:
  --db FILE          the database (default: FEEDLENS_DB, then the per-user data directory)
  --dataset ID       the dataset to replay ("demo" is the bundled one)
  --seed N           seed for the exploration draws (default 0)
  --preset NAME      weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --every WHEN       "session" for a slate at each session start (default), or N for a slate
                     after every N events
  --at TIME          a slate at this moment instead (repeatable): ISO 8601 or epoch ms, as
                     the Feed's moment (the slate sees the events before it)
  --without ID       leave out this event (repeatable): a counterfactual without the diff
  --rule-off RULE    switch a re-ranking rule off (repeatable): ${RULES.join(', ')}
  --with-demo        add the synthetic demo catalogue to an imported dataset's candidate pool
  --json             print the run's summary, agreement included, as one JSON object
  --out FILE         where to write the traces (JSONL)

Example:
  feedlens replay --dataset demo --seed 7 --out demo.jsonl
  feedlens replay --dataset demo --seed 7 --without e000042 --rule-off adjacency --out cf.jsonl`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      dataset: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      every: { type: 'string' },
      at: { type: 'string', multiple: true },
      without: { type: 'string', multiple: true },
      'rule-off': { type: 'string', multiple: true },
      'with-demo': { type: 'boolean' },
      json: { type: 'boolean' },
      out: { type: 'string' },
    });
    if (!values.dataset)
      throw new UserError('bad-args', 'replay needs --dataset <id> (try --dataset demo).');
    if (!values.out) throw new UserError('bad-args', 'replay needs --out FILE.jsonl.');
    const seed = intFlag('seed', values.seed) ?? 0;
    const preset = presetFlag(values.preset);
    let every: 'session' | number = 'session';
    if (values.every !== undefined && values.every !== 'session') {
      const n = intFlag('every', values.every)!;
      if (n < 1) throw new UserError('bad-args', '--every takes "session" or a whole number ≥ 1.');
      every = n;
    }
    const rules: Partial<Record<RuleName, boolean>> = {};
    for (const rule of values['rule-off'] ?? []) {
      if (!(RULES as readonly string[]).includes(rule)) {
        throw new UserError(
          'bad-args',
          `--rule-off takes one of ${RULES.join(', ')}, not "${rule}".`,
        );
      }
      rules[rule as RuleName] = false;
    }
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      // Streamed slate by slate into a file made atomically (src-main/export/traces.ts).
      const run = await exportTraces(
        app.ctx,
        contract['replay/run'].args.parse({
          datasetId: values.dataset,
          seed,
          preset,
          every,
          ...(values.at ? { times: values.at.map((t) => timeFlag('at', t)) } : {}),
          without: values.without ?? [],
          rules,
          withDemo: values['with-demo'] === true,
        }),
        values.out,
      );
      for (const id of run.missing)
        io.err(`feedlens: warning: no event "${id}" in dataset ${values.dataset}.`);
      if (run.agreement) io.err(describeAgreement(run.agreement));
      if (values.json) {
        const summary = {
          datasetId: run.datasetId,
          out: values.out,
          traces: run.traces,
          events: run.events,
          missing: run.missing,
          seed: run.seed,
          preset: run.preset,
          configHash: run.configHash,
          engineVersion: run.engineVersion,
          agreement: run.agreement,
        };
        io.out(JSON.stringify(summary, null, 2));
      } else {
        io.out(
          `Wrote ${run.traces} traces (${run.events} events, preset ${run.preset}, seed ${run.seed}, config ${run.configHash}) to ${values.out}.`,
        );
      }
      return 0;
    } finally {
      app.close();
    }
  },
};

const percent = (x: number): string => `${(100 * x).toFixed(1)}%`;

/** One plain sentence: what agreed, against what chance would give, over how many sessions. */
export function describeAgreement(a: AgreementSummary): string {
  const total = a.sessions.length + a.skippedSessions;
  if (a.sessions.length === 0) {
    return `Agreement with the real feed: none of the ${total} session starts had a watched video Feedlens could have served, so there is nothing to compare.`;
  }
  const skipped =
    a.skippedSessions > 0
      ? ` (${a.skippedSessions} more had no watched video Feedlens could have served)`
      : '';
  return `Agreement with the real feed: ${percent(a.hitRate)} of the videos you watched next were in Feedlens's top ${a.k} (NDCG ${a.ndcg.toFixed(3)}), against ${percent(a.chance)} by chance, over ${a.sessions.length} session starts${skipped}.`;
}
