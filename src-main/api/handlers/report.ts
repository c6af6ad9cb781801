// The audit report through the API (the Audit screen): the same code as `feedlens report`.
import { isAbsolute } from 'node:path';
import { printReport, writeReport } from '../../report/write';
import { UserError } from '../../domain/errors';
import type { reportCalls } from '../../contract/report';
import type { Handlers } from '../router';

export const reportHandlers: Pick<Handlers, keyof typeof reportCalls> = {
  'report/write': async ({ out, pdf, datasetId, seed, preset, withDemo, ...engine }, ctx) => {
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
  },
};
