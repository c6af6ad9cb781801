// RFC 4180 CSV records over a stream of lines: comma-separated, fields optionally quoted with
// '"', a quote inside a quoted field doubled, line breaks allowed inside quotes. Anything else
// is an error naming the line where the record starts, since auditors need exact data.
import { type Line, LineError } from './lines';

export type CsvRecord = { fields: string[]; line: number; bytesRead: number };

/** Longest record we assemble: past this a quote is almost surely missing. */
const MAX_RECORD_CHARS = 1_000_000;

/** Yields each non-blank record; a line break inside quotes is kept as '\n'. */
export async function* csvRecords(lines: AsyncIterable<Line>): AsyncGenerator<CsvRecord> {
  let text = '';
  let first = '';
  let start = 0;
  let quotes = 0;
  for await (const line of lines) {
    if (start === 0) {
      if (line.text === '') continue;
      start = line.number;
      text = first = line.text;
    } else {
      text += `\n${line.text}`;
    }
    quotes += countQuotes(line.text);
    // Quotes pair up in a complete record, so an odd count means a quoted field is still open.
    if (quotes % 2 === 1) {
      if (text.length > MAX_RECORD_CHARS) throw unclosed(first, start);
      continue;
    }
    yield { fields: splitRecord(text, start), line: start, bytesRead: line.bytesRead };
    start = 0;
    quotes = 0;
  }
  if (start !== 0) throw unclosed(first, start);
}

/** A record that never closes its quote: name a stray quote in its first line if there is one. */
function unclosed(firstLine: string, line: number): LineError {
  try {
    splitRecord(firstLine, line);
  } catch (error) {
    if (error instanceof LineError && !error.message.includes('never closed')) return error;
  }
  return new LineError(line, 'a quoted field is never closed');
}

function countQuotes(text: string): number {
  let n = 0;
  for (let i = text.indexOf('"'); i >= 0; i = text.indexOf('"', i + 1)) n += 1;
  return n;
}

function splitRecord(text: string, line: number): string[] {
  const fields: string[] = [];
  let i = 0;
  for (;;) {
    const column = fields.length + 1;
    if (text[i] === '"') {
      let value = '';
      i += 1;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) throw new LineError(line, `field ${column}: a quoted field is never closed`);
        value += text.slice(i, q);
        if (text[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        value += '"';
        i = q + 2;
      }
      fields.push(value);
      if (i === text.length) return fields;
      if (text[i] !== ',') {
        throw new LineError(
          line,
          `field ${column}: text after the closing quote; double a quote inside a quoted field ("")`,
        );
      }
      i += 1;
    } else {
      const comma = text.indexOf(',', i);
      const value = text.slice(i, comma < 0 ? text.length : comma);
      if (value.includes('"')) {
        throw new LineError(
          line,
          `field ${column}: a quote in an unquoted field; quote the whole field and double the quote ("")`,
        );
      }
      fields.push(value);
      if (comma < 0) return fields;
      i = comma + 1;
    }
  }
}
