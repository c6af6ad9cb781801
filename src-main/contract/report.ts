// The audit report (docs/EXPORTS.md, "The report"): one self-contained HTML file, optionally a PDF.
import { z } from 'zod';
import { defineCall } from './define';
import { datasetId } from './datasets';
import { engineOptions } from './replay';

export type ReportWritten = {
  html: string;
  pdf: string | null;
  slates: number;
  events: number;
};

export const reportCalls = {
  /**
   * Writes the report to `out` (a full path ending in .html) on the main side's machine and, with
   * `pdf`, prints it beside it (the same name ending in .pdf).
   */
  'report/write': defineCall<ReportWritten>()(
    z
      .object({
        datasetId,
        ...engineOptions,
        out: z.string().min(1).max(4096),
        pdf: z.boolean().default(false),
      })
      .strict(),
  ),
};
