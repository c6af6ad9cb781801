// The report as PDF, printed from its HTML by the system's headless Chromium (never a downloaded
// browser). Chromium gets a throwaway profile and no network, so printing cannot phone home.
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { UserError } from '../domain/errors';
import { appTempPrefix } from '../stale-temp';

const run = promisify(execFile);

export const chromiumPath = (): string => process.env.FEEDLENS_CHROMIUM ?? '/usr/bin/chromium';

/** Prints `htmlFile` to `pdfFile` with headless Chromium; fails in one sentence if it cannot. */
export async function printPdf(htmlFile: string, pdfFile: string): Promise<void> {
  const chromium = chromiumPath();
  if (!existsSync(chromium))
    throw new UserError(
      'not-found',
      `no Chromium at ${chromium} to print the PDF: install it (apt-get install chromium) or set FEEDLENS_CHROMIUM.`,
    );
  const profile = mkdtempSync(appTempPrefix('pdf'));
  try {
    await run(
      chromium,
      [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--no-first-run',
        '--no-pdf-header-footer',
        `--user-data-dir=${profile}`,
        `--print-to-pdf=${resolve(pdfFile)}`,
        pathToFileURL(resolve(htmlFile)).href,
      ],
      { timeout: 60_000 },
    );
  } catch (error) {
    throw new UserError(
      'internal',
      `Chromium could not print the PDF: ${(error as Error).message.split('\n')[0]}`,
    );
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
  if (!existsSync(pdfFile) || readFileSync(pdfFile).subarray(0, 4).toString('latin1') !== '%PDF')
    throw new UserError('internal', `Chromium ran but wrote no PDF to ${pdfFile}.`);
}
