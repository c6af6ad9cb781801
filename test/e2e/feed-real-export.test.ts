// End to end (issue 19, item 4): the Feed of a real export without metadata. After the last event
// every video is seen: the Feed says so in one sentence and offers, labelled, the person's
// profile applied to the demo's made-up catalogue and the moment before a session they pick;
// there, the videos known by id alone are one group, explained once.
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openApp, recordForeignRequests, type OpenApp } from '../helpers/chromium';
import { ROOT } from '../helpers/shell';

const REALISTIC = join(ROOT, 'fixtures/tiktok/realistic-g3/user_data_tiktok.json');
const SHOTS = join(ROOT, 'docs/screenshots');
const ALL_SEEN =
  /^All [\d,]+ videos Feedlens knows were already seen at this moment, so there is nothing new to recommend\./;

let app: OpenApp;
let page: Page;
const foreign: string[] = [];

beforeAll(async () => {
  app = await openApp((p) => recordForeignRequests(p, foreign));
  page = app.page;
});

afterAll(async () => app?.close());

const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });
const explanation = () => page.getByTestId('feed-explanation');

describe('the Feed of a real export whose every video is seen', () => {
  it('says so in one sentence, with two labelled ways on', async () => {
    await tab('Import').click();
    await page.getByTestId('file-input').setInputFiles(REALISTIC);
    await expect
      .poll(() => page.getByTestId('import-summary').innerText(), { timeout: 20_000 })
      .toContain('Imported');
    await tab('Feed').click();
    await explanation().waitFor({ timeout: 20_000 });
    expect(await explanation().innerText()).toMatch(ALL_SEEN);
    expect(await page.getByTestId('feed-item').count()).toBe(0);
    expect(await page.getByRole('combobox', { name: 'The moment before a session:' }).count()).toBe(
      1,
    );
    expect(
      await explanation()
        .getByRole('button', {
          name: 'Your profile applied to the demo’s catalogue (made-up videos)',
        })
        .count(),
    ).toBe(1);
    // The README's picture of this state is real-export-empty.png (real-export.test.ts).
  });

  it('applies the profile to the demo’s catalogue, labelled made up, every score explained', async () => {
    await explanation()
      .getByRole('button', {
        name: 'Your profile applied to the demo’s catalogue (made-up videos)',
      })
      .click();
    const note = page.getByTestId('demo-candidates-note');
    await note.waitFor({ timeout: 20_000 });
    expect(await note.innerText()).toMatch(
      /^These videos are made up\. They are the demo’s synthetic catalogue, ranked by your profile at /,
    );
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 20_000 }).toBe(20);
    const badges = await page.getByTestId('pool-badge').allInnerTexts();
    expect(badges).toHaveLength(20);
    expect(new Set(badges)).toEqual(new Set(['synthetic demo video']));
    const first = page.getByTestId('feed-item').first();
    await first.getByRole('button', { name: 'Why?' }).click();
    await first.getByTestId('why-panel').waitFor();
    await page.screenshot({ path: join(SHOTS, 'feed-demo-candidates.png'), fullPage: false });
    await note.getByRole('button', { name: 'Back to this dataset’s videos' }).click();
    await expect.poll(() => explanation().innerText(), { timeout: 20_000 }).toMatch(ALL_SEEN);
    expect(await page.getByTestId('demo-candidates-note').count()).toBe(0);
  });

  it('moves to the moment before a picked session: a feed, its id-only videos in one group', async () => {
    const picker = page.getByRole('combobox', { name: 'The moment before a session:' });
    const options = await picker.locator('option').allInnerTexts();
    expect(options.length).toBeGreaterThan(10);
    // Newest first: "… (session 162 of 162)".
    expect(options[0]).toMatch(/\(session ([\d,]+) of \1\)$/);
    const middle = options[Math.floor(options.length / 2)]!;
    await picker.selectOption({ label: middle });
    await page.getByRole('button', { name: 'Show the feed before it' }).click();
    // The moment slider follows: it names the session's start.
    const slider = page.getByRole('slider', { name: /Moment/ });
    await expect
      .poll(() => slider.getAttribute('aria-valuetext'), { timeout: 20_000 })
      .toBe(middle.replace(/ \(session .*\)$/, ''));
    const group = page.getByTestId('id-only-group');
    await group.waitFor({ timeout: 20_000 });
    expect(await page.getByTestId('feed-explanation').count()).toBe(0);
    expect(await page.getByTestId('id-only-group').count()).toBe(1);
    expect(await group.getByTestId('id-only-sentence').innerText()).toMatch(
      /^20 videos Feedlens knows only by their id, at all 20 places of this feed\./,
    );
    expect(await page.getByTestId('feed-item').count()).toBe(0);
    await page.screenshot({ path: join(SHOTS, 'feed-id-only-group.png'), fullPage: false });
    await group.getByRole('button', { name: 'Show these 20 videos' }).click();
    await expect.poll(() => page.getByTestId('feed-item').count()).toBe(20);
    expect(foreign).toEqual([]);
  });
});
