// Names that came from outside (file names, zip members, dataset names, errors quoting them) are
// shown to a terminal, written to CSV and logs: a control character in one could clear the
// screen, retitle the window or ring the bell, and a bidi override (U+202E) could make
// "gpj.exe" read as "exe.jpg". Escaping makes each such character visible instead. The escape is
// JSON's `\uXXXX`, so escaping a JSON text changes how it looks, never what it parses to (JSON
// writes these characters only inside strings).

// C0 controls but tab, DEL, C1 controls, and the Unicode bidi marks, embeddings, overrides and
// isolates (Unicode TR9 §2): ALM U+061C, LRM/RLM U+200E-200F, LRE..RLO U+202A-202E,
// LRI..PDI U+2066-2069.
/* eslint-disable no-control-regex -- matching control characters is the point */
const UNPRINTABLE =
  /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
/* eslint-enable no-control-regex */

const escape = (c: string): string =>
  `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A name with every control and bidi character (line breaks too) written as `\uXXXX`. */
export function printable(name: string): string {
  return name.replace(UNPRINTABLE, escape);
}

/** A text for a terminal or a log: as `printable`, but its own line breaks kept. */
export function printableLines(text: string): string {
  return text.replace(UNPRINTABLE, (c) => (c === '\n' ? c : escape(c)));
}
