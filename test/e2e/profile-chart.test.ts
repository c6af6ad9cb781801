// The profile chart in Debian's Chromium: stacked shares by default, raw weights on a log scale,
// the brush and the zoom buttons, a click that opens the point's event in the signal log; then a
// generated 1,000,000-event dataset, timed from choosing it to the chart painted, the first time
// (from the series its import stored) and again; and the Feed with its why and the Audit charts
// on that dataset too.
import { join } from 'node:path';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src-main/db/connection';
import { storeDefaultProfileSeries } from '../../src-main/api/handlers/profile';
import { insertDataset } from '../../src-main/db/datasets';
import type { FeedEvent, Item } from '../../src-main/domain/types';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/chromium';
import { ROOT, startShell, type RunningShell } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

const BIG_ID = 'generated-1m';
const BIG_EVENTS = 1_000_000;
/** The target: from choosing the dataset to its chart painted. */
const PAINT_BUDGET_MS = 1_500;

let shell: RunningShell;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dbPath = tempDbPath();
  const db = openDatabase(dbPath);
  insertDataset(
    db,
    {
      id: BIG_ID,
      name: 'Generated, 1,000,000 events',
      kind: 'event-log',
      sourceSha256: null,
      // After the demo's, so the app opens on the demo.
      createdAt: '2099-01-01T00:00:00.000Z',
      warnings: [],
    },
    bigItems(),
    bigEvents(),
  );
  // What an import does after its transaction (import/pipeline.ts): replay once, store the series.
  storeDefaultProfileSeries(db, BIG_ID);
  db.close();
  shell = await startShell('node', ['bin/feedlens.js', 'serve', '--no-open', '--db', dbPath]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(shell.url);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

const chart = () => page.getByTestId('profile-chart');
const rangeText = () => page.getByTestId('profile-range').innerText();

describe('the profile chart on the demo', () => {
  it('shows shares stacked to 100% by default, painted on a canvas under SVG axes', async () => {
    await page.getByTestId('profile-stream-canvas').and(page.locator('[data-painted]')).waitFor();
    expect(await page.locator('figure.profile-stream').getAttribute('data-view')).toBe('share');
    // The top edge of the last topic's band; "other" fills up to 100%.
    const edges = chart().locator('path.series.edge');
    expect(await edges.count()).toBeGreaterThanOrEqual(3);
    expect(await chart().locator('.tick text', { hasText: '100%' }).count()).toBe(1);
    // The canvas holds the colours: a pixel in the middle of the plot is not blank.
    const alpha = await page.evaluate(`(() => {
      const canvas = document.querySelector('[data-testid="profile-stream-canvas"]');
      return canvas.getContext('2d').getImageData(canvas.width / 2, canvas.height / 2, 1, 1).data[3];
    })()`);
    expect(alpha).toBeGreaterThan(0);
    expect(await chart().locator('rect.session-band').count()).toBeGreaterThan(0);
    await page.screenshot({ path: join(ROOT, 'docs/screenshots/profile-stream.png') });
  });

  it('switches to raw weights, on a log scale by default', async () => {
    await page.getByLabel('Raw weights').check();
    await expect
      .poll(() => page.locator('figure.profile-stream').getAttribute('data-view'))
      .toBe('raw');
    expect(await chart().locator('path.series.edge').count()).toBe(0);
    const lines = chart().locator('path.series');
    expect(await lines.count()).toBeGreaterThanOrEqual(3);
    expect(await page.getByLabel('Scale').inputValue()).toBe('log');
    const logTop = await chart().locator('.tick text').allInnerTexts();
    await page.getByLabel('Scale').selectOption('linear');
    await expect.poll(() => chart().locator('.tick text').allInnerTexts()).not.toEqual(logTop);
    await page.getByLabel('Shares (stacked)').check();
  });

  it('zooms into the range the brush covers, and back out with the buttons', async () => {
    const before = await rangeText();
    const surface = page.getByTestId('profile-stream-surface');
    const box = (await surface.boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height / 2, { steps: 5 });
    await page.mouse.up();
    await expect.poll(rangeText).not.toBe(before);
    // The text changes first to "updating…" on the old range: read the answer's.
    await page.locator('[data-testid="profile-range"][aria-busy="false"]').waitFor();
    const zoomed = await rangeText();
    expect(await page.getByRole('button', { name: 'Whole timeline' }).isEnabled()).toBe(true);
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(rangeText).not.toBe(zoomed);
    await page.getByRole('button', { name: 'Whole timeline' }).click();
    await expect.poll(rangeText).toBe(before);
  });

  it('opens a clicked point’s event, focused, in the signal log', async () => {
    const surface = page.getByTestId('profile-stream-surface');
    const box = (await surface.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.6, box.y + box.height / 2);
    const focused = page.getByTestId('signal-log').locator('tr.focused');
    await focused.waitFor();
    const index = Number(await focused.getAttribute('data-event-index'));
    // The point clicked is the one whose row the chart's table names at that position.
    const wanted = await page.evaluate(
      `document.activeElement && document.activeElement.getAttribute('data-event-index')`,
    );
    expect(String(index)).toBe(wanted);
    expect(index).toBeGreaterThan(0);
    const rows = page.getByTestId('profile-chart-table').locator('tbody button');
    const named = await rows.allTextContents();
    expect(named).toContain(`#${(index + 1).toLocaleString('en-US')}`);
  });
});

describe('the profile chart on 1,000,000 events', () => {
  it(`paints within ${PAINT_BUDGET_MS} ms of choosing the dataset, the first time too`, async () => {
    const picker = page.locator('.dataset-picker select');
    // First choice after the shell started: the main side reads the stored series, not the events.
    const first = await timedChoice(picker, BIG_ID);
    await timedChoice(picker, 'demo');
    // Chosen again, as a person going back to it.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      times.push((await timedChoice(picker, BIG_ID)).paintMs);
      await timedChoice(picker, 'demo');
    }
    await timedChoice(picker, BIG_ID);
    const before = await rangeText();
    const started = Date.now();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(rangeText, { interval: 20 }).not.toBe(before);
    await painted(BIG_ID);
    const zoomMs = Date.now() - started;
    const median = [...times].sort((a, b) => a - b)[1]!;
    console.log(
      `profile chart, 1,000,000 events: first open ${first.paintMs} ms (answer after ${first.answerMs} ms); chosen again ${times.join(', ')} ms (median ${median}); zoom in ${zoomMs} ms`,
    );
    expect(first.paintMs).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    expect(median).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    expect(zoomMs).toBeLessThanOrEqual(PAINT_BUDGET_MS);
  }, 120_000);

  it('says what it waits for when a dimension has no stored series (one replay)', async () => {
    await page.getByLabel('Follow').selectOption('hashtag');
    const note = page.getByTestId('profile-first-read');
    expect(await note.innerText()).toMatch(/^Reading 1,000,000 events and replaying them once/);
    await note.waitFor({ state: 'detached', timeout: 90_000 });
    await painted(BIG_ID);
    expect(await chart().locator('path.series.edge').count()).toBeGreaterThanOrEqual(3);
    await page.getByLabel('Follow').selectOption('topic');
    await painted(BIG_ID);
  }, 120_000);

  it('builds the feed with its why, and the Audit charts, on 1,000,000 events too', async () => {
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await page.locator('.dataset-picker select').selectOption(BIG_ID);
    let started = Date.now();
    await nav.getByRole('button', { name: 'Feed', exact: true }).click();
    // Every one of its 2,700 videos has been watched by then, so the seen rule leaves few.
    const items = page.getByTestId('feed-item');
    await items.first().waitFor({ timeout: 90_000 });
    const feedMs = Date.now() - started;
    const unseen = await items.count();
    const first = items.first();
    await first.getByRole('button', { name: 'Why?' }).click();
    expect(await first.getByTestId('why-sentence').innerText()).toMatch(/\S/);
    expect(await first.locator('.waterfall-step').count()).toBeGreaterThan(0);
    started = Date.now();
    await nav.getByRole('button', { name: 'Audit', exact: true }).click();
    const charts = page.getByTestId('audit-charts');
    await charts.waitFor({ timeout: 90_000 });
    const auditMs = Date.now() - started;
    const slates = await page.getByTestId('audit-metrics').locator('tbody tr').count();
    expect(slates).toBeGreaterThan(100);
    expect(await charts.locator('[data-chart="audit-entropy"] circle.metric-dot').count()).toBe(
      slates,
    );
    console.log(
      `1,000,000 events: feed (${unseen} unseen left) in ${feedMs} ms; Audit (${slates} session starts) in ${auditMs} ms`,
    );
  }, 200_000);
});

/**
 * Chooses a dataset in the picker and measures, in the page, from the picker's change event to
 * the first frame after the canvas shows that dataset (and when the profile/stream answer came).
 */
async function timedChoice(
  picker: Locator,
  datasetId: string,
  whileLoading: () => Promise<void> = async () => undefined,
) {
  // Not awaited here: the promise is the measurement, read after the choice.
  await page.evaluate(`(() => { window.__paint = new Promise((resolve) => {
    let changed = null;
    document.addEventListener('change', () => { changed = performance.now(); }, { capture: true, once: true });
    const done = () => {
      const answered = performance.getEntriesByType('resource')
        .filter((r) => r.name.includes('profile%2Fstream') && r.startTime >= changed)
        .map((r) => r.responseEnd);
      requestAnimationFrame(() => setTimeout(() => resolve({
        paintMs: Math.round(performance.now() - changed),
        answerMs: Math.round((answered[0] ?? NaN) - changed),
      })));
    };
    const watch = new MutationObserver(() => {
      const selector = '[data-testid="profile-stream-canvas"][data-painted^=${JSON.stringify(datasetId + ' ')}]';
      if (changed === null || document.querySelector(selector) === null) return;
      watch.disconnect();
      done();
    });
    watch.observe(document.body, { subtree: true, childList: true, attributes: true });
  }); })()`);
  await picker.selectOption(datasetId);
  await whileLoading();
  const timing = (await page.evaluate('window.__paint')) as { paintMs: number; answerMs: number };
  await painted(datasetId);
  return timing;
}

/** Waits until the canvas shows the current answer and the browser has painted a frame of it. */
async function painted(datasetId: string): Promise<void> {
  const options = { timeout: 60_000 };
  await page
    .locator(`[data-testid="profile-stream-canvas"][data-painted^="${datasetId} "]`)
    .waitFor(options);
  await page.locator('[data-testid="profile-range"][aria-busy="false"]').waitFor(options);
  // A string, so the DOM stays out of this file's (Node) types.
  await page.evaluate('new Promise((resolve) => requestAnimationFrame(() => resolve(null)))');
}

/** 2,700 videos over nine topics, each with a creator and a hashtag the taxonomy knows. */
const VIDEOS_PER_TOPIC = 300;
const videoId = (topic: number, k: number) =>
  String(7_300_000_000_000_000_000n + BigInt(topic * 1000 + k));
function bigItems(): Item[] {
  return BIG_TOPICS.flatMap(([topic, tag], t) =>
    Array.from({ length: VIDEOS_PER_TOPIC }, (_, k) => ({
      id: videoId(t, k),
      creator: `@${topic}_maker${k % 5}`,
      sound: null,
      soundTitle: null,
      caption: `${topic} clip ${k}`,
      hashtags: [tag],
      topics: [topic],
      topicsInferred: false,
      durationS: 30,
      language: 'en',
      createdAtMs: null,
      stats: null,
      thumbnailUrl: null,
    })),
  );
}
const BIG_TOPICS = [
  ['cooking', 'foodtok'],
  ['fitness', 'gymtok'],
  ['gaming', 'gamingtok'],
  ['pets', 'dogsoftiktok'],
  ['travel', 'traveltok'],
  ['books', 'booktok'],
  ['music', 'musictok'],
  ['science', 'sciencetok'],
  ['finance', 'moneytok'],
] as const;

/**
 * A million watches over two and a half years in sessions of 500, from a fixed seed: half of each
 * session on a favourite topic that changes every 100,000 events, 30% of watches inferred.
 */
function* bigEvents(): Generator<FeedEvent> {
  let state = 4242;
  const next = () => (state = (state * 1103515245 + 12345) % 2147483648) / 2147483648;
  let at = Date.UTC(2023, 0, 1);
  for (let i = 0; i < BIG_EVENTS; i++) {
    at += i % 500 === 499 ? 6 * 3_600_000 : 1000 + Math.floor(next() * 20_000);
    const favourite = Math.floor(i / 100_000) % BIG_TOPICS.length;
    const topic = next() < 0.5 ? favourite : Math.floor(next() * BIG_TOPICS.length);
    const k = Math.floor(next() * VIDEOS_PER_TOPIC);
    const watchS = Math.round(next() * 300) / 10;
    yield {
      id: `e${String(i).padStart(7, '0')}`,
      atMs: at,
      kind: 'watch',
      itemId: videoId(topic, k),
      target: null,
      watchS,
      watchRatio: watchS / 30,
      level: null,
      evidence: next() < 0.3 ? 'inferred' : 'observed',
      session: Math.floor(i / 500),
    };
  }
}
