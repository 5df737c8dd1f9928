/** Which of the embedded fonts draws a piece of text. */
export type FontSlot = 'latin' | 'latinExt' | 'arabic' | 'ethiopic';

export interface Run {
  text: string;
  font: FontSlot;
}

type Direction = 'R' | 'L' | 'N';

const isArabic = (cp: number) =>
  (cp >= 0x0600 && cp <= 0x06ff) || (cp >= 0x0750 && cp <= 0x077f) || (cp >= 0x0870 && cp <= 0x08ff) || (cp >= 0xfb50 && cp <= 0xfdff) || (cp >= 0xfe70 && cp <= 0xfeff);
const isLatinExt = (cp: number) => (cp >= 0x0100 && cp <= 0x024f) || (cp >= 0x1e00 && cp <= 0x1eff) || (cp >= 0x2c60 && cp <= 0x2c7f) || (cp >= 0xa720 && cp <= 0xa7ff);

// Ethiopic, Ethiopic Supplement, Extended and Extended-A: Tigrinya and Amharic names.
const isEthiopic = (cp: number) => (cp >= 0x1200 && cp <= 0x139f) || (cp >= 0x2d80 && cp <= 0x2ddf) || (cp >= 0xab00 && cp <= 0xab2f);

const MIRRORS: Record<string, string> = { '(': ')', ')': '(', '[': ']', ']': '[', '{': '}', '}': '{', '<': '>', '>': '<', '«': '»', '»': '«' };
const mirror = (text: string) => [...text].map((char) => MIRRORS[char] ?? char).join('');

function classify(char: string): { font: FontSlot; dir: Direction } {
  const cp = char.codePointAt(0)!;
  if (isEthiopic(cp)) return { font: 'ethiopic', dir: /\p{L}/u.test(char) ? 'L' : 'N' };
  if (isArabic(cp)) return { font: 'arabic', dir: /[\u0660-\u0669\u06f0-\u06f9]/.test(char) ? 'L' : 'R' };
  const font: FontSlot = isLatinExt(cp) ? 'latinExt' : 'latin';
  return { font, dir: /[\p{L}\p{N}]/u.test(char) ? 'L' : 'N' };
}

/**
 * A line of text as runs in visual (left-to-right) order, each in the font that has its
 * glyphs. This is a deliberately small bidirectional reordering, enough for names and
 * labels: the line takes the direction of its first strong letter; a stretch of the other
 * direction (its words and the spaces between them) is reversed as a whole. Arabic letter
 * shaping (joining forms, ligatures) and the glyph order inside one Arabic word are done
 * by the font engine (fontkit) when the run is laid out. Full Unicode bidi (UAX #9:
 * nested embeddings, mirrored brackets, numbers inside Arabic) is not implemented.
 */
export function visualRuns(text: string): { rtl: boolean; runs: Run[] } {
  const logical: Array<Run & { dir: Direction }> = [];
  for (const char of text) {
    const { font, dir } = classify(char);
    const last = logical[logical.length - 1];
    if (last && last.font === font && last.dir === dir) last.text += char;
    else logical.push({ text: char, font, dir });
  }
  const firstStrong = logical.find((run) => run.dir !== 'N');
  const rtl = firstStrong?.dir === 'R';
  const base: Direction = rtl ? 'R' : 'L';
  // Group the line into items: a maximal stretch of the other direction (strong runs and
  // the neutrals between them) is one item; everything else is its own item.
  const items: Array<Array<Run & { dir: Direction }>> = [];
  for (let i = 0; i < logical.length; ) {
    const run = logical[i]!;
    if (run.dir === 'N' || run.dir === base) {
      items.push([run]);
      i++;
      continue;
    }
    let end = i;
    for (let j = i + 1; j < logical.length; j++) {
      const next = logical[j]!;
      if (next.dir === base) break;
      if (next.dir !== 'N') end = j;
    }
    items.push(logical.slice(i, end + 1));
    i = end + 1;
  }
  // In a right-to-left line the items run right to left; an embedded left-to-right stretch
  // keeps its own order. In a left-to-right line an embedded Arabic stretch is reversed.
  // Punctuation and spaces between right-to-left text run right to left too, and a bracket
  // there is drawn mirrored (UAX #9 rule L4): else "الجنس: أنثى" prints its colon on the
  // wrong side and "(مشرف)" prints as ")مشرف(".
  const mirrored = rtl ? items.map((item) => (item.length === 1 && item[0]!.dir === 'N' ? [{ ...item[0]!, text: mirror([...item[0]!.text].reverse().join('')) }] : item)) : items;
  const ordered = rtl ? mirrored.reverse() : items.map((item) => (item[0]!.dir === 'R' ? [...item].reverse() : item));
  return { rtl, runs: ordered.flat().map(({ text: t, font }) => ({ text: t, font })) };
}
