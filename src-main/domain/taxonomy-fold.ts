// Folding: the one spelling every keyword, caption, hashtag and query is compared in, so that
// "GÜNDEM", "gündem" and "gundem", or "récette" and "recette", are the same word. Scripts whose
// marks carry meaning stay intact: kana (が is not か), Han and Hangul are never touched.
// docs/TAXONOMY.md lists the rules.

/**
 * Letters that fold to something other than their base letter with the marks removed. ı is
 * Turkish dotless i (so "ıspanak" and "ispanak" meet); ß, æ, œ, ø, đ and ł have no decomposition.
 */
const SPECIAL: Readonly<Record<string, string>> = {
  ı: 'i',
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  đ: 'd',
  ł: 'l',
  // Arabic, after Lucene's ArabicNormalizer (org.apache.lucene.analysis.ar): alef wasla to bare
  // alef, teh marbuta to heh, alef maksura to yeh, tatweel (the stretching stroke) removed.
  ٱ: 'ا',
  ة: 'ه',
  ى: 'ي',
  ـ: '',
};

/**
 * Blocks whose letters lose their marks: Latin-1, Latin Extended-A/B and Extended Additional
 * (Vietnamese), Cyrillic (ё → е), Arabic (أ إ آ → ا, harakat removed), full-width ASCII (ｆｙｐ →
 * fyp), and the combining marks themselves (text that arrives decomposed, and the dot that
 * toLowerCase leaves on İ).
 */
const FOLDABLE_RANGES: readonly (readonly [number, number])[] = [
  [0x00c0, 0x024f],
  [0x0300, 0x036f],
  [0x0400, 0x04ff],
  [0x0600, 0x06ff],
  [0x1e00, 0x1eff],
  [0xff01, 0xff5e],
];

const MARKS = /\p{M}/gu;
/** Any character outside ASCII; text without one only needs lower-casing. */
export const NON_ASCII = /[\u0080-\uffff]/;

function foldOne(char: string): string {
  const special = SPECIAL[char];
  if (special !== undefined) return special;
  const code = char.codePointAt(0)!;
  // Full-width forms sit at a fixed offset from ASCII.
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCodePoint(code - 0xfee0).toLowerCase();
  return char.normalize('NFD').replace(MARKS, '');
}

// Built once at module load: folding runs on every caption of a large import.
const FOLDED = new Map<string, string>();
for (const [from, to] of FOLDABLE_RANGES) {
  for (let code = from; code <= to; code += 1) {
    const char = String.fromCodePoint(code);
    const folded = foldOne(char.toLowerCase());
    if (folded !== char) FOLDED.set(char, folded);
  }
}

const FOLDABLE = new RegExp(
  `[${FOLDABLE_RANGES.map(([a, b]) => `\\u{${a.toString(16)}}-\\u{${b.toString(16)}}`).join('')}]`,
  'gu',
);

/**
 * Lower-cases `text` and folds it: Latin, Cyrillic and Arabic letters lose their diacritics
 * (NFD, marks removed), Turkish ı and İ become i, ß becomes ss, Arabic is normalised as Lucene
 * does. Kana, Han and Hangul are returned as they are.
 */
export function foldText(text: string): string {
  const lower = text.toLowerCase();
  return NON_ASCII.test(lower)
    ? lower.replace(FOLDABLE, (char) => FOLDED.get(char) ?? char)
    : lower;
}
