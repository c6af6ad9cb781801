// Issue #17 item 1: "Prove it" in the Why panel replays the history without the events the
// explanation names, and the place it reads is the one a CLI replay without the same events gives.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openApp, type OpenApp } from '../helpers/chromium';
import { runFeedlens } from '../helpers/cli';
import { tempDir } from '../helpers/temp';

let app: OpenApp;

beforeAll(async () => {
  app = await openApp();
  await app.page.getByRole('button', { name: 'Feed', exact: true }).click();
  await app.page.getByTestId('feed-item').first().waitFor();
}, 60_000);

afterAll(async () => app?.close());

it('reads a place without the named events that a CLI replay without them confirms', async () => {
  const { page } = app;
  const first = page.getByTestId('feed-item').first();
  await first.getByRole('button', { name: 'Why?' }).click();
  await first.getByTestId('prove-it').click();
  const sentences = first.getByTestId('proof-sentence');
  await sentences.first().waitFor();
  const words = await sentences.allInnerTexts();
  expect(words[0]).toMatch(/^Without this event, this video (falls|rises|stays|leaves)/);
  const three = words.find((w) => w.startsWith('Without these 3 events'))!;
  expect(three).toBeDefined();
  // The numbers fold under the sentences; each row names the events it took away.
  await first.getByText('The numbers').click();
  const row = first.getByTestId('proof-table').locator('tbody tr').nth(1);
  const ids = (await row.getAttribute('data-events'))!.split(' ');
  expect(ids).toHaveLength(3);
  const [before, after] = (await row.locator('td').first().innerText()).split(' → ');
  // The same question through the CLI, at the feed's moment.
  const atMs = (await first.getByTestId('proof').getAttribute('data-at-ms'))!;
  const out = join(tempDir('feedlens-prove-'), 'without.jsonl');
  const cli = runFeedlens([
    'replay',
    '--db',
    app.db,
    '--dataset',
    'demo',
    '--at',
    atMs,
    ...ids.flatMap((id) => ['--without', id]),
    '--out',
    out,
  ]);
  expect(cli.code, cli.stderr).toBe(0);
  const trace = JSON.parse(readFileSync(out, 'utf8').trim()) as {
    items: { itemId: string; rank: number }[];
  };
  const itemId = (await first.getAttribute('data-item-id'))!;
  const served = trace.items.find((i) => i.itemId === itemId);
  expect(before).toBe('#1');
  if (served) expect(after).toBe(`#${served.rank}`);
  else expect(after === 'out' || Number(after!.slice(1)) > 20).toBe(true);
  if (served) expect(three).toContain(`#${served.rank}`);
}, 120_000);
