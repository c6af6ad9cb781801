// The one way to write a report, for `feedlens report` and the API's `report/write`: the HTML
// atomically, then, if asked, the PDF printed from it by the printer the shell provides (the
// system's headless Chromium by default, Electron's printToPDF in the Electron shell).
import { renameSync, rmSync } from 'node:fs';
import type { Context, PdfPrinter } from '../operations/context';
import { tempPathFor, writeAtomically } from '../export/atomic';
import { collectReport, type ReportOptions } from './collect';
import { renderReport } from './html';

export type ReportFacts = { slates: number; events: number };

/** Writes the report on a dataset to `htmlFile`; the file is either whole or not there. */
export async function writeReport(
  ctx: Context,
  options: ReportOptions,
  htmlFile: string,
): Promise<ReportFacts> {
  const data = collectReport(ctx, options);
  await writeAtomically(htmlFile, (sink) => sink(renderReport(data)));
  return { slates: data.slates, events: data.events };
}

/**
 * Prints the written report to `pdfFile` through a temporary file beside it, so a printer that
 * fails halfway never leaves a cut-off PDF under that name.
 */
export async function printReport(
  print: PdfPrinter,
  htmlFile: string,
  pdfFile: string,
): Promise<void> {
  const temp = tempPathFor(pdfFile);
  try {
    await print(htmlFile, temp);
    renameSync(temp, pdfFile);
  } finally {
    rmSync(temp, { force: true });
  }
}
