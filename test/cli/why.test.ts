// `feedlens why` through the real CLI (bin/feedlens.js): the same clauses, reasons and rule words
// as the Feed's Why panel for the same video at the same moment, a removal's cause, and errors.
import { describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app';
import { unwrap } from '../../src-main/api/router';
import { isoUtc } from '../../src-main/engine';
import { removedText, whyPanelText } from '../../src-renderer/explain/why-panel-text';
import { runFeedlens } from '../helpers/cli';
import { FIXED_NOW, tempDbPath } from '../helpers/temp';

const db = tempDbPath();

describe('feedlens why', () => {
  it('prints the Why panel’s sentence, reasons and rule words, and a removal’s cause', async () => {
    const app = startApp({ shell: 'test', db, now: () => FIXED_NOW });
    // A moment the Feed's slider offers: a session start, read from the database.
    const { startsMs } = unwrap(
      await app.router.invoke('datasets/sessions', { datasetId: 'demo' }),
    );
    expect(startsMs.length).toBe(15);
    const atMs = startsMs[8]!;
    const feed = unwrap(await app.router.invoke('feed/at', { datasetId: 'demo', atMs, k: 20 }));
    app.close();
    // The video with the most rule effects, so the rule words are compared too.
    const entry = [...feed.entries].sort(
      (a, b) => b.explanation.rules.length - a.explanation.rules.length || a.rank - b.rank,
    )[0]!;
    expect(entry.explanation.rules.length).toBeGreaterThan(0);
    const panel = whyPanelText(entry.explanation);

    const out = runFeedlens([
      'why',
      '--db',
      db,
      '--dataset',
      'demo',
      '--at',
      String(atMs),
      '--item',
      entry.item.id,
    ]);
    expect(out.stderr).toBe('');
    expect(out.code).toBe(0);
    const lines = out.stdout.split('\n').map((l) => l.trim());
    expect(lines).toContain(panel.sentence);
    for (const reason of panel.reasons) expect(lines).toContain(reason);
    for (const rule of panel.rules) expect(lines).toContain(rule);
    expect(out.stdout).toContain(`rank ${entry.rank} of ${feed.entries.length}`);

    // The same moment as ISO 8601 gives the same answer; --json carries the same explanation.
    const iso = runFeedlens([
      'why',
      '--db',
      db,
      '--dataset',
      'demo',
      '--at',
      isoUtc(atMs),
      '--item',
      entry.item.id,
    ]);
    expect(iso.stdout).toBe(out.stdout);
    const json = runFeedlens([
      'why',
      '--db',
      db,
      '--dataset',
      'demo',
      '--at',
      String(atMs),
      '--item',
      entry.item.id,
      '--json',
    ]);
    expect(JSON.parse(json.stdout).served.explanation).toEqual(entry.explanation);

    // A removed video: the rule and the words the Feed lists it with.
    const removal = feed.removed[0]!;
    const removed = runFeedlens([
      'why',
      '--db',
      db,
      '--dataset',
      'demo',
      '--at',
      String(atMs),
      '--item',
      removal.itemId,
    ]);
    expect(removed.code).toBe(0);
    expect(removed.stdout).toContain(`by the ${removal.rule} rule: ${removal.words}.`);
    expect(removedText(removal)).toContain(removal.words);
  }, 180_000);

  it('says in one line what is wrong, with exit code 1', () => {
    for (const [args, message] of [
      [['--at', 'yesterday', '--item', '1'], /--at takes ISO 8601/],
      [['--at', '1772569560000', '--item', '1'], /Video 1 was no candidate/],
      [['--item', '1'], /why needs --at/],
    ] as const) {
      const r = runFeedlens(['why', '--db', db, '--dataset', 'demo', ...args]);
      expect(r.code).toBe(1);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(message);
    }
    expect(runFeedlens(['why', '--help']).stdout).toMatch(
      /Usage: feedlens why .*--at TIME --item ID/,
    );
  }, 180_000);
});
