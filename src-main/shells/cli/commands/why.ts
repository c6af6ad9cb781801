import { startApp } from '../../../app';
import { unwrap } from '../../../api/router';
import type { Feed } from '../../../contract/feed';
import { UserError } from '../../../domain/errors';
import { PRESETS } from '../../../engine';
import { minuteUtc, signed } from '../../../explain';
import type { Command } from '../command';
import { intFlag, parseFlags, presetFlag, timeFlag } from '../command';

/** The Feed screen's slate size: `feedlens why` explains the feed the screen shows. */
const K = 20;

export const whyCommand: Command = {
  name: 'why',
  summary: 'Say why a video is in the feed at a moment, or why a rule removed it',
  help: `Usage: feedlens why [--db FILE] --dataset <id|demo> --at TIME --item ID
                   [--seed N] [--preset NAME] [--with-demo] [--json]

Builds the feed the engine would serve at TIME (from every event before it, ${K} videos, as the
Feed screen does) and prints why video ID is in it: the same sentence, the steps from the
baseline to the score, every profile dimension behind it (named in the sentence or not, and why)
and what each re-ranking rule did, in the words the Feed's "Why?" panel shows. If a rule removed
the video, it says which and why (for example "negative feedback on @x 3.0 days ago").

Options:
  --db FILE        the database (default: FEEDLENS_DB, then the per-user data directory)
  --dataset ID     the dataset ("demo" is the bundled one)
  --at TIME        the moment: ISO 8601 (2026-03-07T20:35:00Z) or epoch milliseconds
  --item ID        the video id
  --seed N         seed for the exploration draws (default 0)
  --preset NAME    weight preset: ${PRESETS.join(', ')} (default tiktok-algo101)
  --with-demo      add the synthetic demo catalogue to an imported dataset's candidate pool
  --json           print the explanation as one JSON object

Example:
  feedlens why --dataset demo --at 2026-03-07T20:35:00Z --item 7611142469006131212`,
  async run(argv, io) {
    const { values } = parseFlags(argv, {
      db: { type: 'string' },
      dataset: { type: 'string' },
      at: { type: 'string' },
      item: { type: 'string' },
      seed: { type: 'string' },
      preset: { type: 'string' },
      'with-demo': { type: 'boolean' },
      json: { type: 'boolean' },
    });
    if (!values.dataset)
      throw new UserError('bad-args', 'why needs --dataset <id> (try --dataset demo).');
    if (!values.at) throw new UserError('bad-args', 'why needs --at TIME (ISO 8601 or epoch ms).');
    if (!values.item) throw new UserError('bad-args', 'why needs --item <video id>.');
    const atMs = timeFlag('at', values.at);
    const preset = presetFlag(values.preset);
    const app = startApp({ shell: 'cli', db: values.db });
    try {
      const feed = unwrap(
        await app.router.invoke('feed/at', {
          datasetId: values.dataset,
          atMs,
          k: K,
          seed: intFlag('seed', values.seed) ?? 0,
          preset,
          withDemo: values['with-demo'] === true,
        }),
      );
      const lines = whyLines(feed, values.item);
      if (values.json) {
        const entry = feed.entries.find((e) => e.item.id === values.item);
        const removal = feed.removed.find((r) => r.itemId === values.item);
        io.out(
          JSON.stringify(
            {
              datasetId: feed.datasetId,
              atMs: feed.atMs,
              itemId: values.item,
              ...(entry
                ? {
                    served: {
                      rank: entry.rank,
                      score: entry.score,
                      explanation: entry.explanation,
                    },
                  }
                : {
                    removed: { rule: removal!.rule, cause: removal!.cause, words: removal!.words },
                  }),
            },
            null,
            2,
          ),
        );
      } else io.out(lines.join('\n'));
      return 0;
    } finally {
      app.close();
    }
  },
};

/**
 * What `feedlens why` prints for one video of a feed: the explanation's parts, in the words the
 * Why panel shows (src-main/explain/), or the removal's words. Throws when the video was neither
 * served nor removed at that moment.
 */
export function whyLines(feed: Feed, itemId: string): string[] {
  const at = minuteUtc(feed.atMs);
  const entry = feed.entries.find((e) => e.item.id === itemId);
  if (!entry) {
    const removal = feed.removed.find((r) => r.itemId === itemId);
    if (!removal)
      throw new UserError(
        'not-found',
        `Video ${itemId} was no candidate for the feed at ${at}: no source proposed it and no rule removed it.`,
      );
    return [
      `Video ${itemId} was removed from the feed at ${at} by the ${removal.rule} rule: ${removal.words}.`,
    ];
  }
  const { explanation: x } = entry;
  const w = x.waterfall;
  return [
    `Video ${itemId}: rank ${entry.rank} of ${feed.entries.length} at ${at} (preset ${feed.preset}, seed ${feed.seed}, engine ${feed.engineVersion}).`,
    x.sentence.map((c) => c.text).join(''),
    '',
    `What moved the score: from the baseline ${w.baseline.toFixed(3)} to the score ${w.score.toFixed(3)}`,
    ...w.steps.map((s) => `  ${s.label.padEnd(20)} ${signed(s.value)}  (${s.features.join(', ')})`),
    ...(w.zeros.length > 0 ? [`  at zero: ${w.zeros.join(', ')}`] : []),
    ...(x.reasons.length > 0
      ? ['', 'Past signals behind it:', ...x.reasons.map((r) => `  ${r.words}`)]
      : []),
    ...(x.rules.length > 0
      ? ['', 'What the re-ranking rules did:', ...x.rules.map((r) => `  ${r.words}`)]
      : []),
  ];
}
