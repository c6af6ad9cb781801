// `feedlens report` through the real CLI: the HTML opens in the Debian Chromium with no request
// beyond the file itself, the PDF is a PDF, the same command gives the same bytes, and a missing
// Chromium is one clear line.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM, CHROMIUM_FLAGS } from '../helpers/chromium';
import { runFeedlens, type CliResult } from '../helpers/cli';
import { ROOT } from '../helpers/shell';
import { tempDir } from '../helpers/temp';

const dir = tempDir('feedlens-report-');
const html = join(dir, 'report.html');
const pdf = join(dir, 'report.pdf');
const report = (db: string, out: string, ...more: string[]): CliResult =>
  runFeedlens([
    'report',
    '--db',
    join(dir, db),
    '--dataset',
    'demo',
    '--seed',
    '7',
    '--out',
    out,
    ...more,
  ]);

let first: CliResult;
beforeAll(() => {
  first = report('a.db', html, '--pdf', pdf);
}, 120_000);

describe('feedlens report', () => {
  it('writes the HTML and the PDF and says so', () => {
    expect(first.stderr).toBe('');
    expect(first.code).toBe(0);
    expect(first.stdout).toMatch(
      /^Wrote the report on 15 slates \(461 events, preset tiktok-algo101, seed 7\)/,
    );
    expect(first.stdout).toContain(`Printed it to ${pdf}.`);
  });

  it('is one file with every section, inline SVG, no script and nothing to load', () => {
    const text = readFileSync(html, 'utf8');
    for (const heading of [
      'Provenance',
      'How the profile evolved',
      'Signal mix',
      'Top drivers',
      'What each rule did',
      'Counterfactuals',
      'Metrics',
    ])
      expect(text).toContain(`<h2>${heading}</h2>`);
    expect(text.match(/<svg /g)?.length).toBeGreaterThanOrEqual(5);
    expect(text).not.toMatch(/<script|<img|<link|<iframe|@import|url\(|https?:\/\//i);
    expect(text).toContain("default-src 'none'");
  });

  it('opens in Chromium with no request but the file itself', async () => {
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_FLAGS });
    try {
      const page = await browser.newPage({ viewport: { width: 900, height: 1200 } });
      const requests: string[] = [];
      page.on('request', (request) => requests.push(request.url()));
      const url = pathToFileURL(html).href;
      await page.goto(url, { waitUntil: 'load' });
      await page.waitForLoadState('networkidle');
      expect(requests).toContain(url);
      expect(requests.filter((r) => r !== url && !r.startsWith('data:'))).toEqual([]);
      await expect(page.locator('h1').textContent()).resolves.toContain('Audit report');
      expect(await page.locator('svg').count()).toBeGreaterThanOrEqual(5);
      expect(await page.locator('svg .caveat').first().textContent()).toBe(
        'Feedlens model, not TikTok’s',
      );
      // Drawn, not just present: the profile chart's lines have a length on screen.
      const box = await page.locator('svg path').first().boundingBox();
      expect(box!.width).toBeGreaterThan(100);
      await page.screenshot({ path: join(ROOT, 'docs/screenshots/report.png'), fullPage: true });
    } finally {
      await browser.close();
    }
  });

  it('prints a PDF', () => {
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.length).toBeGreaterThan(10_000);
  });

  it('gives the same HTML byte for byte from a fresh database', () => {
    const again = join(dir, 'again.html');
    expect(report('b.db', again).code).toBe(0);
    expect(readFileSync(again, 'utf8')).toBe(readFileSync(html, 'utf8'));
  });

  it('says in one line that Chromium is missing, after writing the HTML', () => {
    const out = join(dir, 'no-chromium.html');
    const run = runFeedlens(
      [
        'report',
        '--db',
        join(dir, 'a.db'),
        '--dataset',
        'demo',
        '--out',
        out,
        '--pdf',
        join(dir, 'x.pdf'),
      ],
      { FEEDLENS_CHROMIUM: join(dir, 'no-such-chromium') },
    );
    expect(run.code).toBe(1);
    expect(run.stderr.trimEnd().split('\n')).toEqual([
      `feedlens: no Chromium at ${join(dir, 'no-such-chromium')} to print the PDF: install it (apt-get install chromium) or set FEEDLENS_CHROMIUM.`,
    ]);
    expect(existsSync(out)).toBe(true);
    expect(existsSync(join(dir, 'x.pdf'))).toBe(false);
  });

  it('names an unknown dataset in one line', () => {
    const run = runFeedlens([
      'report',
      '--db',
      join(dir, 'a.db'),
      '--dataset',
      'nope',
      '--out',
      join(dir, 'n.html'),
    ]);
    expect(run.code).toBe(1);
    expect(run.stderr).toBe('feedlens: No dataset "nope".\n');
  });
});
