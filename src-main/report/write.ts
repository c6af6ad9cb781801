// The one way to write a report, for `feedlens report` and the API's `report/write`: the HTML
// atomically, then, if asked, the PDF printed from it by the printer the shell provides (the
// system's headless Chromium by default, Electron's printToPDF in the Electron shell).
import { renameSync, rmSync } from 'node:fs';
import { isAbsolute } from 'node:path';
import type { ParsedArgs } from '../contract';
import type { ReportWritten } from '../contract/report';
import { UserError } from '../domain/errors';
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

/** report/write: the HTML at `out`, a full path ending in .html, and the PDF beside it if asked. */
export async function writeReportFiles(
  ctx: Context,
  { out, pdf, datasetId, seed, preset, withDemo, ...engine }: ParsedArgs<'report/write'>,
): Promise<ReportWritten> {
  if (!isAbsolute(out) || !/\.html$/i.test(out))
    throw new UserError(
      'bad-args',
      `Give the report as a full path ending in .html (for example /home/you/report.html), not "${out}".`,
    );
  const options = { datasetId, seed, preset, withDemo: withDemo === true, engine };
  const facts = await writeReport(ctx, options, out);
  if (!pdf) return { html: out, pdf: null, ...facts };
  const pdfFile = out.replace(/\.html$/i, '.pdf');
  try {
    await printReport(ctx.printPdf, out, pdfFile);
  } catch (error) {
    // The HTML is there: say so, or the user would think nothing was written.
    if (error instanceof UserError)
      throw new UserError(error.code, `Wrote ${out}, but not the PDF: ${error.message}`);
    throw error;
  }
  return { html: out, pdf: pdfFile, ...facts };
}
