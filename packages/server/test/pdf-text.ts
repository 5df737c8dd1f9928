import { inflateSync } from 'node:zlib';

/**
 * The text of a PDF written by pdfkit, read back the way a PDF reader would: each content
 * stream's text operators, with glyph codes mapped through the font's ToUnicode CMap. The
 * machine has no pdftotext, and a test that only ran when it was installed could not fail.
 * Understands what pdfkit writes (indirect objects, FlateDecode streams, hex strings in
 * Tj/TJ, bfrange/bfchar CMaps), not every PDF.
 */
export function pdfText(pdf: Buffer): string {
  const source = pdf.toString('latin1');
  const objects = new Map<number, { dict: string; stream: Buffer | null }>();
  // Each object's dictionary runs to its `stream` keyword or `endobj`; a stream's bytes are
  // sliced by its /Length, never searched for `endstream`/`endobj`, which compressed bytes
  // (fonts, images) can happen to contain.
  const objectPattern = /(\d+) 0 obj/g;
  for (let match = objectPattern.exec(source); match; match = objectPattern.exec(source)) {
    const from = match.index + match[0].length;
    const endObj = source.indexOf('endobj', from);
    const streamAt = source.indexOf('stream', from);
    if (streamAt < 0 || (endObj >= 0 && endObj < streamAt)) {
      objects.set(Number(match[1]), { dict: source.slice(from, endObj < 0 ? undefined : endObj), stream: null });
      continue;
    }
    const dict = source.slice(from, streamAt);
    let start = streamAt + 'stream'.length;
    if (source[start] === '\r') start++;
    if (source[start] === '\n') start++;
    const length = /\/Length\s+(\d+)\b(?!\s+\d+\s+R)/.exec(dict);
    const end = length ? start + Number(length[1]) : source.indexOf('endstream', start);
    const raw = Buffer.from(source.slice(start, end), 'latin1');
    objects.set(Number(match[1]), { dict, stream: /\/FlateDecode/.test(dict) ? inflateSync(raw) : raw });
    objectPattern.lastIndex = end;
  }

  // Font resource name (/F1) → code → text, from each font's ToUnicode CMap.
  const fonts = new Map<string, Map<number, string>>();
  for (const { dict } of objects.values()) {
    const fontDict = /\/Font\s*<<([\s\S]*?)>>/.exec(dict);
    if (!fontDict) continue;
    for (const [, name, ref] of fontDict[1]!.matchAll(/\/(\w+)\s+(\d+) 0 R/g)) {
      if (fonts.has(name!)) continue;
      const font = objects.get(Number(ref));
      const unicodeRef = font && /\/ToUnicode\s+(\d+) 0 R/.exec(font.dict);
      const cmap = unicodeRef ? objects.get(Number(unicodeRef[1]))?.stream?.toString('latin1') : undefined;
      fonts.set(name!, cmap ? parseCmap(cmap) : new Map());
    }
  }

  const lines: string[] = [];
  for (const { dict, stream } of objects.values()) {
    if (!stream || /\/(Length1|Subtype\s*\/(Type0|CIDFontType2|Image|XML))/.test(dict) || /\/ToUnicode|begincmap/.test(stream.toString('latin1', 0, 200))) continue;
    const content = stream.toString('latin1');
    if (!/\bBT\b/.test(content)) continue;
    let map = new Map<number, string>();
    let line = '';
    let y: string | null = null;
    // Operands then operator: the text position (a new baseline starts a new line), font
    // selection, and text strings. pdfkit draws each word and space as its own text object.
    const tokens = /[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+[\d.-]+\s+([\d.-]+)\s+Tm|\/(\w+)\s+[\d.]+\s+Tf|\[((?:[^\]])*)\]\s*TJ|<([0-9a-fA-F]*)>\s*Tj|\/ActualText\s*(?:<([0-9a-fA-F]*)>|\(((?:\\[^]|[^\\)])*)\))[^]*?BDC|\bEMC\b/g;
    // Inside a span with ActualText, a reader copies that text instead of the glyphs'.
    let actual = false;
    let pending: string | null = null;
    for (let t = tokens.exec(content); t; t = tokens.exec(content)) {
      if (t[5] !== undefined || t[6] !== undefined) {
        pending = t[5] !== undefined ? utf16(t[5].replace(/^feff/i, '')) : literalText(t[6]!);
        actual = true;
      } else if (t[0] === 'EMC') {
        line += pending ?? '';
        pending = null;
        actual = false;
      } else if (actual && pending !== null && t[1] !== undefined) {
        // The span's first position says which line it is on; its text goes there.
        if (y !== null && t[1] !== y) {
          lines.push(line);
          line = '';
        }
        y = t[1];
        line += pending;
        pending = null;
      }
      // The span's glyphs (and the small moves of its dots and marks) are not text of their own.
      else if (actual && t[2] === undefined) continue;
      else if (t[1] !== undefined) {
        if (y !== null && t[1] !== y) {
          lines.push(line);
          line = '';
        }
        y = t[1];
      } else if (t[2] !== undefined) map = fonts.get(t[2]) ?? new Map();
      else if (t[3] !== undefined) for (const [, hex] of t[3].matchAll(/<([0-9a-fA-F]*)>/g)) line += decode(hex!, map);
      else if (t[4] !== undefined) line += decode(t[4], map);
    }
    lines.push(line);
  }
  return lines.map(readingOrder).join('\n');
}

/**
 * What poppler and PDFium do with a line drawn left to right: a stretch of Arabic (letters
 * and the spaces between them) was drawn in visual order, so it is reversed into reading
 * order. A test that finds a name here finds it as a reader copies it.
 */
function readingOrder(line: string): string {
  return line.replace(/[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+(?:\s+[\u0600-\u06ff\u0750-\u077f\ufb50-\ufdff\ufe70-\ufeff]+)*/g, (stretch) => [...stretch].reverse().join(''));
}

function decode(hex: string, map: Map<number, string>): string {
  let text = '';
  for (let i = 0; i + 4 <= hex.length; i += 4) text += map.get(parseInt(hex.slice(i, i + 4), 16)) ?? '';
  return text;
}

/** A PDF literal string holding a text string: escapes undone, UTF-16BE after its byte-order mark. */
function literalText(literal: string): string {
  const bytes = literal.replace(/\\([0-7]{1,3}|[^])/g, (_, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', r: '\r', t: '\t', b: '\b', f: '\f' } as Record<string, string>)[c] ?? c,
  );
  if (!bytes.startsWith('\u00fe\u00ff')) return bytes;
  let text = '';
  for (let i = 2; i + 1 < bytes.length; i += 2) text += String.fromCharCode((bytes.charCodeAt(i) << 8) | bytes.charCodeAt(i + 1));
  return text;
}

function utf16(hex: string): string {
  const units: number[] = [];
  for (let i = 0; i + 4 <= hex.length; i += 4) units.push(parseInt(hex.slice(i, i + 4), 16));
  return String.fromCharCode(...units);
}

function parseCmap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  for (const [, block] of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const [, from, to, list, single] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(?:\[([^\]]*)\]|<([0-9a-fA-F]+)>)/g)) {
      const first = parseInt(from!, 16);
      const last = parseInt(to!, 16);
      if (list !== undefined) {
        // A ligature maps to several units: <0066 0069> is "fi".
        [...list.matchAll(/<([0-9a-fA-F\s]*)>/g)].forEach(([, hex], i) => map.set(first + i, utf16(hex!.replace(/\s+/g, ''))));
      } else {
        const base = parseInt(single!, 16);
        for (let code = first; code <= last; code++) map.set(code, String.fromCharCode(base + code - first));
      }
    }
  }
  for (const [, block] of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const [, code, hex] of block!.matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(code!, 16), utf16(hex!));
  }
  return map;
}
