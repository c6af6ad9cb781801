// CSV cells (RFC 4180 quoting, LF line ends) made safe to open in a spreadsheet: a text cell that
// starts with = + - @, a tab or a carriage return would be read as a formula (CSV injection,
// OWASP), so it gets a leading apostrophe, which spreadsheets show as text and do not evaluate.
import type { Cell, Column } from './tables';

const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\n\r]/;

export function csvCell(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = FORMULA_START.test(cell) ? `'${cell}` : cell;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export const csvLine = (cells: readonly Cell[]): string => `${cells.map(csvCell).join(',')}\n`;

export const csvHeader = (columns: readonly Column[]): string =>
  csvLine(columns.map((c) => c.name));

/** Splits one CSV line (no embedded newlines) into its raw fields, quotes removed. */
export function splitCsvLine(line: string): string[] {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted && ch === '"' && line[i + 1] === '"') {
      field += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
    } else if (ch === ',' && !quoted) {
      fields.push(field);
      field = '';
    } else {
      field += ch;
    }
  }
  fields.push(field);
  return fields;
}
