// Issue 9 on a generated 1,000,000-event dataset (test/helpers/million.ts), built once for every
// test here, in Debian's Chromium: the profile chart timed from choosing the dataset to painted
// (the first time too); the Feed with its why and the Audit charts; Custom weight sliders that
// re-rank the feed live and a reset that restores it, timed; the what-if side by side (not
// happened, a skip, a rule off), sized and timed, with a click on its chart choosing the slate;
// every screen without sideways scroll at 1024×700 and 800×600, and through axe-core in light
// and dark. Each figure is printed (console.log) and recorded in docs/PERFORMANCE.md.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { chromium, type Browser, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS, pickMoment } from '../helpers/chromium';
import { MILLION_ID, writeMillionDb } from '../helpers/million';
import { startShell, type RunningShell } from '../helpers/shell';
import { tempDbPath } from '../helpers/temp';

/** The target: from choosing the dataset to its chart painted. */
const PAINT_BUDGET_MS = 1_500;
const AXE_SOURCE = readFileSync(
  createRequire(import.meta.url).resolve('axe-core/axe.min.js'),
  'utf8',
);

let shell: RunningShell;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  const dbPath = tempDbPath();
  const started = Date.now();
  writeMillionDb(dbPath);
  console.log(`1,000,000 events: dataset written in ${Date.now() - started} ms`);
  shell = await startShell('node', ['bin/feedlens.js', 'serve', '--no-open', '--db', dbPath]);
  browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
  page = await browser.newPage({ viewport: { width: 1100, height: 900 } });
  await page.goto(shell.url);
  // Through the DevTools protocol, as accessibility.test.ts does: the CSP refuses inline scripts.
  await page.evaluate(AXE_SOURCE);
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await shell?.stop();
});

const chart = () => page.getByTestId('profile-chart');
const rangeText = () => page.getByTestId('profile-range').innerText();
const tab = (name: string) =>
  page.getByRole('navigation', { name: 'Screens' }).getByRole('button', { name, exact: true });

describe('the profile chart on 1,000,000 events', () => {
  it(`paints within ${PAINT_BUDGET_MS} ms of choosing the dataset, the first time too`, async () => {
    const picker = page.locator('.dataset-picker select');
    // First choice after the shell started: the main side reads the stored series, not the events.
    const first = await timedChoice(picker, MILLION_ID);
    await timedChoice(picker, 'demo');
    // Chosen again, as a person going back to it.
    const times: number[] = [];
    for (let i = 0; i < 3; i++) {
      times.push((await timedChoice(picker, MILLION_ID)).paintMs);
      await timedChoice(picker, 'demo');
    }
    await timedChoice(picker, MILLION_ID);
    const before = await rangeText();
    const started = Date.now();
    await page.getByRole('button', { name: 'Zoom in' }).click();
    await expect.poll(rangeText, { interval: 20 }).not.toBe(before);
    await painted(MILLION_ID);
    const zoomMs = Date.now() - started;
    const median = [...times].sort((a, b) => a - b)[1]!;
    console.log(
      `profile chart, 1,000,000 events: first open ${first.paintMs} ms (answer after ${first.answerMs} ms); chosen again ${times.join(', ')} ms (median ${median}); zoom in ${zoomMs} ms`,
    );
    expect(first.paintMs).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    expect(median).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    expect(zoomMs).toBeLessThanOrEqual(PAINT_BUDGET_MS);
  }, 120_000);

  it('follows hashtags from their stored series as quickly as topics', async () => {
    const started = Date.now();
    await page.getByLabel('Follow').selectOption('hashtag');
    await expect
      .poll(() => page.locator('figure.profile-stream').innerText(), {
        interval: 20,
        timeout: 30_000,
      })
      .toContain('foodtok');
    await painted(MILLION_ID);
    const hashtagMs = Date.now() - started;
    console.log(`profile chart, 1,000,000 events: hashtags (stored at import) in ${hashtagMs} ms`);
    expect(hashtagMs).toBeLessThanOrEqual(PAINT_BUDGET_MS);
    expect(await page.getByTestId('profile-first-read').count()).toBe(0);
    await page.getByLabel('Follow').selectOption('topic');
    await painted(MILLION_ID);
  }, 60_000);

  it('says what it waits for when other settings need a replay of every event', async () => {
    await showSettings(true);
    const halfLife = page.getByRole('slider', { name: /Profile half-life/ });
    const before = await halfLife.inputValue();
    // Other settings: the chart keeps the last picture, reads every event and replays them once,
    // and says so while it does.
    const answered = streamAnswer();
    await halfLife.fill('3');
    const note = page.getByTestId('profile-first-read');
    expect(await note.innerText({ timeout: 30_000 })).toMatch(
      /^Reading 1,000,000 events and replaying them once/,
    );
    // The last picture stays on screen meanwhile.
    expect(await chart().count()).toBe(1);
    await answered;
    await note.waitFor({ state: 'detached' });
    await painted(MILLION_ID);
    expect(await chart().locator('path.series.edge').count()).toBeGreaterThanOrEqual(3);
    await halfLife.fill(before);
    await painted(MILLION_ID);
    await showSettings(false);
  }, 180_000);

  it('builds the feed with its why, and the Audit charts, on 1,000,000 events too', async () => {
    const nav = page.getByRole('navigation', { name: 'Screens' });
    await page.locator('.dataset-picker select').selectOption(MILLION_ID);
    let started = Date.now();
    await nav.getByRole('button', { name: 'Feed', exact: true }).click();
    // A first feed reads and replays every event: past a second, the wait shows a bar and counts.
    await expectLongWait(page.locator('main'), 'Loading…');
    // Every one of its 2,700 videos has been watched by then, so the seen rule leaves few.
    const items = page.getByTestId('feed-item');
    await items.first().waitFor({ timeout: 90_000 });
    const feedMs = Date.now() - started;
    const unseen = await items.count();
    const first = items.first();
    // "Why?" shows what came with the feed: one call (feed/at) for the feed and every panel,
    // none when a panel opens (issue 16: no profile/events, no replay).
    await page.getByText(/^At .* UTC, preset/).waitFor();
    const calls: string[] = [];
    const record = (r: { url(): string }) => {
      if (r.url().includes('/api/call/')) calls.push(decodeURIComponent(r.url().split('/').pop()!));
    };
    page.on('request', record);
    const clicked = Date.now();
    await first.getByRole('button', { name: 'Why?' }).click();
    await first.locator('.waterfall-step').first().waitFor();
    const whyMs = Date.now() - clicked;
    page.off('request', record);
    expect(calls).toEqual([]);
    expect(await first.getByTestId('why-sentence').innerText()).toMatch(/\S/);
    const feedAnswer = await lastAnswer('feed/at');
    console.log(
      `1,000,000 events, "Why?": the panel drawn ${whyMs} ms after the click with ${calls.length} calls; its words came with the one feed/at (${feedAnswer.kb} KB, ${feedAnswer.ms} ms)`,
    );
    started = Date.now();
    await nav.getByRole('button', { name: 'Audit', exact: true }).click();
    const charts = page.getByTestId('audit-charts');
    await charts.waitFor({ timeout: 90_000 });
    const auditMs = Date.now() - started;
    const entropy = charts.locator('[data-chart="audit-entropy"]');
    const slates = await entropy.locator('circle.metric-dot').count();
    expect(slates).toBeGreaterThan(100);
    expect(await entropy.innerText()).toContain(`n = ${slates.toLocaleString('en-US')} slates`);
    console.log(
      `1,000,000 events: feed (${unseen} unseen left) in ${feedMs} ms; Audit (${slates} session starts) in ${auditMs} ms`,
    );
  }, 200_000);
});

/**
 * A re-rank after one slider step must show within this, once the screen is complete. A feed at
 * a million events replays all of them (feed/at 1.2–2.7 s here, by load); the Feed's agreement
 * panel asks again only once the new feed has answered, so the feed does not wait behind it on
 * the single-threaded main side. 4 s leaves room for a loaded CI machine.
 */
const RERANK_BUDGET_MS = 4_000;

/** The feed as shown: each video's id and score, in order, once a feed is built (not rebuilding). */
async function feedShown(): Promise<string[]> {
  await page.getByText(/^At .* UTC, preset/).waitFor({ timeout: 60_000 });
  const rows = await page.getByTestId('feed-item').allInnerTexts();
  return rows.map(
    (text) => `${/\bid (\d+)/.exec(text)?.[1] ?? '?'} ${/\b\d+\.\d{3}\b/.exec(text)?.[0]}`,
  );
}

/** Moves a weight slider and waits until the feed shown differs from `before`; the time taken. */
async function timedRerank(slider: Locator, value: string, before: string[]): Promise<number> {
  // Once the screen is complete, as a person would: the agreement panel asks after each feed.
  await page.locator('.agreement .loading').waitFor({ state: 'detached', timeout: 60_000 });
  const started = Date.now();
  await slider.fill(value);
  await expect.poll(feedShown, { timeout: 60_000, interval: 25 }).not.toEqual(before);
  return Date.now() - started;
}

describe('Custom weights on 1,000,000 events', () => {
  it(`re-ranks the feed within ${RERANK_BUDGET_MS} ms of a slider move, and reset restores it`, async () => {
    await page.locator('.dataset-picker select').selectOption(MILLION_ID);
    await tab('Feed').click();
    await showSettings(true);
    await page.getByRole('combobox', { name: 'Weights' }).selectOption('custom');
    await expect
      .poll(() => page.getByText(/^At .* UTC, preset custom/).count(), { timeout: 60_000 })
      .toBe(1);
    const slider = page.getByRole('slider', { name: /Weight of share of the video watched/ });
    const reset = page.getByRole('button', { name: 'Reset the weights' });
    const start = await slider.inputValue();
    // After the last event: a replay of all million events per step, few unseen videos left.
    const atEnd = await feedShown();
    const endMs = await timedRerank(slider, '10', atEnd);
    let started = Date.now();
    await reset.click();
    await expect.poll(feedShown, { timeout: 60_000, interval: 25 }).toEqual(atEnd);
    const resetMs = Date.now() - started;
    // Soon after the catalogue's videos were published (see SLATE_WITH_VIDEOS), where twenty are
    // still unseen. In a history of watches alone every objective's prediction grows with the
    // same affinities, so a weight moves every score and (here) keeps the order.
    await pickMoment(page, 0.6);
    await expect.poll(() => page.getByTestId('feed-item').count(), { timeout: 60_000 }).toBe(20);
    const early = await feedShown();
    const earlyMs = await timedRerank(slider, '10', early);
    const scores = (rows: string[]) => rows.map((r) => r.split(' ')[1]);
    const moved = await feedShown();
    expect(scores(moved).filter((score, i) => score !== scores(early)[i]).length).toBe(20);
    started = Date.now();
    await reset.click();
    await expect.poll(feedShown, { timeout: 60_000, interval: 25 }).toEqual(early);
    expect(await slider.inputValue()).toBe(start);
    // The agreement panel is asked again after each new feed, never before it.
    const feedAt = await lastAnswer('feed/at');
    const agreement = await lastAnswer('feed/agreement');
    console.log(
      `1,000,000 events, Custom weights (feed/at ${feedAt.ms} ms, feed/agreement ${agreement.ms} ms, the last of each): re-rank after the last event (${atEnd.length} shown) ${endMs} ms, reset ${resetMs} ms; at 2024-01 (20 shown) ${earlyMs} ms, reset ${Date.now() - started} ms`,
    );
    expect(endMs).toBeLessThanOrEqual(RERANK_BUDGET_MS);
    expect(earlyMs).toBeLessThanOrEqual(RERANK_BUDGET_MS);
    await pickMoment(page, 1);
    await page.getByRole('combobox', { name: 'Weights' }).selectOption('tiktok-algo101');
    await showSettings(false);
  }, 200_000);
});

/** The last answer to an API call the page received: its size (bytes of JSON) and time. */
async function lastAnswer(call: string): Promise<{ kb: number; ms: number }> {
  return page.evaluate(`(() => {
    const r = performance.getEntriesByType('resource')
      .filter((e) => e.name.includes(${JSON.stringify(encodeURIComponent(call))})).at(-1);
    return { kb: Math.round(r.decodedBodySize / 1024), ms: Math.round(r.duration) };
  })()`);
}

/** Each row of one column of the side-by-side view: its mark. */
const marks = (view: Locator, side: 'base' | 'alt') =>
  view.locator(`[data-side=${side}] [data-testid=side-row]`).evaluateAll((lis) =>
    // Typed by hand: the test side is typed for Node, not the DOM.
    (lis as unknown as { getAttribute(name: string): string | null }[]).map(
      (li) => li.getAttribute('data-mark') ?? '',
    ),
  );

/** The marks beside the videos agree with the counts above them; returns the counts. */
async function expectMarksAsCounted(view: Locator) {
  const summary = await view.locator('p').first().innerText();
  const [entered, left, moved] = /(\d+) videos? entered, (\d+) left, (\d+) moved\./
    .exec(summary)!
    .slice(1)
    .map(Number) as [number, number, number];
  const base = await marks(view, 'base');
  const alt = await marks(view, 'alt');
  expect(base.length + alt.length).toBeGreaterThan(0);
  expect(alt.filter((m) => m === 'entered').length).toBe(entered);
  expect(base.filter((m) => m === 'left').length).toBe(left);
  expect(base.filter((m) => m === 'up' || m === 'down').length).toBe(moved);
  return { entered, left, moved };
}

describe('the what-if side by side on 1,000,000 events', () => {
  it('answers "had it not happened" with both feeds, the measures and the profile difference, and a click on the chart picks the slate', async () => {
    await page.locator('.dataset-picker select').selectOption(MILLION_ID);
    await tab('Profile').click();
    const row = page.getByTestId('signal-log').locator('tbody tr[data-row]').first();
    await row.waitFor({ timeout: 60_000 });
    await row.getByRole('button', { name: 'what if…' }).click();
    let started = Date.now();
    await page.getByRole('button', { name: 'What if it had not happened?' }).click();
    // Two replays of a million events: past a second the wait shows a bar and counts.
    await expectLongWait(page.getByTestId('what-if'), 'Replaying twice…');
    const view = page.getByTestId('side-by-side');
    // It opens on the first slate that differs: there only the profile does, and the feed is
    // empty (in the history's first year no video counts as published yet).
    await view.getByTestId('metric-differences').waitFor({ timeout: 90_000 });
    const removeMs = Date.now() - started;
    const removed = await lastAnswer('replay/counterfactual');
    expect(await page.getByTestId('what-if-result').innerText()).toMatch(
      /^without it: [\d,]+ of 2,000 later feeds differ\./,
    );
    expect(await view.getByTestId('metric-differences').locator('tbody tr').count()).toBe(6);
    const diffChart = view.getByTestId('profile-diff-chart');
    expect(await diffChart.locator('path.series').count()).toBeGreaterThan(0);
    expect(await view.locator('.chart-sentence').innerText()).toMatch(
      /differs most: \d\.\d{3} (higher|lower)/,
    );
    const slates = await view.locator('select option').count();
    expect(slates).toBeGreaterThan(1000);

    // A click three quarters along the chart shows the slate drawn there.
    const select = view.locator('select');
    const before = await select.inputValue();
    // On screen first: a mouse click lands only inside the viewport.
    await diffChart.scrollIntoViewIfNeeded();
    const box = (await diffChart.boundingBox())!;
    started = Date.now();
    await page.mouse.click(box.x + box.width * 0.75, box.y + box.height / 2);
    await expect.poll(() => select.inputValue()).not.toBe(before);
    const chosen = Number(await select.inputValue());
    // In the SVG's own units: 560 wide, the plot 50 in; slates are a fraction of a unit apart.
    const dashed = Number(await diffChart.locator('line.selected-slate').getAttribute('x1'));
    expect(Math.abs(dashed - (0.75 * 560 - 50))).toBeLessThan(1);
    const time = (await select.locator(`option[value="${chosen}"]`).innerText()).replace(
      ' (no change)',
      '',
    );
    await expect
      .poll(() => view.getByTestId('metric-differences').locator('caption').innerText())
      .toBe(`The slate’s measures at ${time}`);
    await view.getByTestId('side-row').first().waitFor();
    const clickMs = Date.now() - started;
    const another = await lastAnswer('replay/counterfactual');
    await expectMarksAsCounted(view);

    started = Date.now();
    await page.getByRole('button', { name: '…had been a skip?' }).click();
    await view.getByRole('heading', { name: 'Had it been a skip' }).waitFor({ timeout: 90_000 });
    const skipMs = Date.now() - started;
    const skipped = await lastAnswer('replay/counterfactual');
    expect(await view.getByTestId('metric-differences').locator('tbody tr').count()).toBe(6);
    await select.selectOption(SLATE_WITH_VIDEOS);
    await view.getByTestId('side-row').first().waitFor();
    await expectMarksAsCounted(view);

    await tab('Audit').click();
    // One past event in a million moves no feed; the seen rule switched off brings back every
    // video already watched.
    await page.getByRole('checkbox', { name: 'seen', exact: true }).check();
    started = Date.now();
    await page.getByRole('button', { name: /Replay with seen off/ }).click();
    await expectLongWait(page.locator('main'), 'Replaying twice…');
    await view.getByRole('heading', { name: 'With seen off' }).waitFor({ timeout: 90_000 });
    const ruleMs = Date.now() - started;
    const ruled = await lastAnswer('replay/counterfactual');
    // It opens on the first slate whose feeds differ.
    const { entered } = await expectMarksAsCounted(view);
    expect(entered).toBeGreaterThan(0);
    expect(await page.getByTestId('rule-diff').locator('tbody tr').count()).toBe(slates);
    expect(await view.locator('.chart-sentence').innerText()).toMatch(/^No topic weight differs/);
    console.log(
      `1,000,000 events, what-if (${slates} slates): without the first event ${removeMs} ms (answer ${removed.kb} KB in ${removed.ms} ms); a slate clicked on the chart ${clickMs} ms (${another.kb} KB in ${another.ms} ms); as a skip ${skipMs} ms (${skipped.kb} KB); seen rule off ${ruleMs} ms (${ruled.kb} KB)`,
    );
  }, 300_000);
});

const SCREENS = ['Profile', 'Feed', 'Audit', 'Metadata', 'Import', 'Datasets'];

/** Opens a screen and waits until it has its answers (a million events take seconds on some). */
async function openScreen(name: string): Promise<void> {
  await tab(name).click();
  await page.locator('main h2').first().waitFor();
  await page.waitForLoadState('networkidle');
  if (name === 'Feed') await page.getByTestId('feed-item').first().waitFor({ timeout: 90_000 });
  if (name === 'Audit') await page.getByTestId('audit-charts').waitFor({ timeout: 90_000 });
}

/**
 * A slate whose feeds have twenty videos: the catalogue's ids date its videos to November 2023
 * (TikTok ids hold their creation time), so earlier slates are empty, and later ones have few
 * left unseen.
 */
const SLATE_WITH_VIDEOS = '1200';

/**
 * Opens the what-if on the first event of the signal log (the answer is kept on the main side
 * after the first time) and shows a slate whose feeds have videos.
 */
async function openWhatIf(): Promise<void> {
  const row = page.getByTestId('signal-log').locator('tbody tr[data-row]').first();
  await row.waitFor({ timeout: 60_000 });
  const closed = row.getByRole('button', { name: 'what if…', expanded: false });
  if ((await closed.count()) > 0) await closed.click();
  await page.getByRole('button', { name: 'What if it had not happened?' }).click();
  const view = page.getByTestId('side-by-side');
  await view.getByTestId('metric-differences').waitFor({ timeout: 90_000 });
  await view.locator('select').selectOption(SLATE_WITH_VIDEOS);
  await view.getByTestId('side-row').first().waitFor();
}

/** Waits for two animation frames: charts that follow the window's width have redrawn. */
const frames = () =>
  page.evaluate(
    'new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => resolve(null))))',
  );

/** axe-core's serious and critical violations on the page as it is now, one line each. */
const seriousViolations = () =>
  page.evaluate<string[]>(
    `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => v.id + ': ' + v.nodes.slice(0, 4).map((n) => n.target.join(' ')).join(', ')))`,
  );

// One visit per screen (the Audit replays a million events each time it opens), each checked at
// both widths and in both colour schemes.
describe('every screen on 1,000,000 events', () => {
  it('never scrolls sideways at 1024×700 or 800×600, and axe-core finds no serious or critical violation, light or dark', async () => {
    await page.locator('.dataset-picker select').selectOption(MILLION_ID);
    const widths: string[] = [];
    const violations: string[] = [];
    const started = Date.now();
    const spent: string[] = [];
    for (const name of SCREENS) {
      let at = Date.now();
      await openScreen(name);
      // With what opens on it: a what-if answer side by side, a "why" panel.
      if (name === 'Profile') await openWhatIf();
      if (name === 'Feed') {
        const item = page.getByTestId('feed-item').first();
        await item.getByRole('button', { name: 'Why?' }).click();
        await item.getByTestId('why-panel').waitFor();
      }
      for (const size of [
        { width: 1024, height: 700 },
        { width: 800, height: 600 },
      ]) {
        await page.setViewportSize(size);
        await frames();
        const overflow = await page.evaluate<number>(
          'document.documentElement.scrollWidth - window.innerWidth',
        );
        widths.push(`${size.width} ${name} ${overflow}`);
      }
      await page.setViewportSize({ width: 1100, height: 900 });
      const opened = Date.now() - at;
      at = Date.now();
      for (const colorScheme of ['light', 'dark'] as const) {
        await page.emulateMedia({ colorScheme });
        for (const v of await seriousViolations()) violations.push(`${name} ${colorScheme}: ${v}`);
      }
      await page.emulateMedia({ colorScheme: 'light' });
      spent.push(`${name} ${opened} + ${Date.now() - at} ms`);
    }
    console.log(
      `1,000,000 events, ${SCREENS.length} screens at 1024 and 800 px and through axe-core in light and dark: ${Date.now() - started} ms (opened and sized + axe: ${spent.join(', ')})`,
    );
    expect(widths.filter((w) => Number(w.split(' ').at(-1)) > 0)).toEqual([]);
    expect(violations).toEqual([]);
  }, 300_000);
});

/** `scope` shows `label` with a bar and the seconds waited, as a wait past a second does. */
async function expectLongWait(scope: Locator, label: string) {
  const waiting = scope.locator('.loading', { hasText: label }).first();
  await expect.poll(() => waiting.innerText(), { timeout: 10_000 }).toMatch(/…\s+[1-9]\d* s$/);
  expect(await waiting.locator('progress').count()).toBe(1);
}

/** Opens or closes the Engine settings, whatever they were. */
async function showSettings(open: boolean) {
  const details = page.locator('details.settings');
  if (((await details.getAttribute('open')) !== null) !== open)
    await details.locator(':scope > summary').click();
}

/** The next answer to profile/stream (the chart's call), from the moment this is called. */
function streamAnswer() {
  return page.waitForResponse((r) => r.url().endsWith('/api/call/profile%2Fstream'), {
    timeout: 90_000,
  });
}

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
