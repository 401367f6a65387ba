/** Byte-level checks that run before decoding. All linear, no allocation. */

/** Offset of the first byte that does not begin a well-formed UTF-8 sequence, or -1. */
export function firstInvalidUtf8(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    let need: number;
    let min: number;
    if (c >= 0xc2 && c <= 0xdf) {
      need = 1;
      min = 0x80;
    } else if (c >= 0xe0 && c <= 0xef) {
      need = 2;
      min = 0x800;
    } else if (c >= 0xf0 && c <= 0xf4) {
      need = 3;
      min = 0x10000;
    } else return i;
    let cp = c & (need === 1 ? 0x1f : need === 2 ? 0x0f : 0x07);
    for (let k = 1; k <= need; k++) {
      const t = b[i + k];
      if (t === undefined || (t & 0xc0) !== 0x80) return i;
      cp = (cp << 6) | (t & 0x3f);
    }
    if (cp < min || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) return i;
    i += need + 1;
  }
  return -1;
}

/**
 * The longest run of consecutive well-formed three-byte UTF-8 sequences (CJK
 * text in UTF-8) and where it starts. GBK bytes almost never form six in a
 * row, so a long run inside a non-UTF-8 file means the file mixes encodings.
 */
export function longestUtf8CjkRun(b: Uint8Array): { length: number; offset: number } {
  let best = 0;
  let bestAt = -1;
  let run = 0;
  let runAt = -1;
  const n = b.length;
  for (let i = 0; i < n; ) {
    const c = b[i]!;
    if (c >= 0xe0 && c <= 0xef && i + 2 < n && (b[i + 1]! & 0xc0) === 0x80 && (b[i + 2]! & 0xc0) === 0x80) {
      if (run === 0) runAt = i;
      run++;
      if (run > best) {
        best = run;
        bestAt = runAt;
      }
      i += 3;
    } else {
      run = 0;
      i++;
    }
  }
  return { length: best, offset: bestAt };
}

/** Offset of the first byte sequence GB18030 does not define, or -1. */
export function firstInvalidGb18030(b: Uint8Array): number {
  const n = b.length;
  let i = 0;
  while (i < n) {
    const c = b[i]!;
    if (c < 0x80) {
      i++;
      continue;
    }
    if (c === 0x80 || c === 0xff) return i;
    const t = b[i + 1];
    if (t === undefined) return i;
    if ((t >= 0x40 && t <= 0x7e) || (t >= 0x80 && t <= 0xfe)) {
      i += 2;
      continue;
    }
    if (t >= 0x30 && t <= 0x39) {
      const t2 = b[i + 2];
      const t3 = b[i + 3];
      if (t2 === undefined || t3 === undefined || t2 < 0x81 || t2 > 0xfe || t3 < 0x30 || t3 > 0x39) return i;
      i += 4;
      continue;
    }
    return i;
  }
  return -1;
}

const SIGNATURES: Array<[string, number[]]> = [
  ['PDF document', [0x25, 0x50, 0x44, 0x46, 0x2d]],
  ['PNG image', [0x89, 0x50, 0x4e, 0x47]],
  ['ZIP archive (DOCX/XLSX?)', [0x50, 0x4b, 0x03, 0x04]],
  ['GIF image', [0x47, 0x49, 0x46, 0x38]],
  ['JPEG image', [0xff, 0xd8, 0xff]],
  ['OLE document (DOC/XLS?)', [0xd0, 0xcf, 0x11, 0xe0]],
  ['gzip data', [0x1f, 0x8b]],
  ['ELF binary', [0x7f, 0x45, 0x4c, 0x46]],
];

/** Why these bytes are not a text file (NUL, a known binary signature, control bytes), or null. */
export function looksBinary(b: Uint8Array): { reason: string; offset: number } | null {
  for (const [name, sig] of SIGNATURES) {
    if (b.length >= sig.length && sig.every((x, k) => b[k] === x)) return { reason: name, offset: 0 };
  }
  const nul = b.indexOf(0);
  if (nul !== -1) return { reason: 'NUL byte', offset: nul };
  // Many C0 control bytes other than tab, newline, CR, form feed, ESC: binary.
  let controls = 0;
  let firstControl = -1;
  const limit = Math.min(b.length, 65536);
  for (let i = 0; i < limit; i++) {
    const c = b[i]!;
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c && c !== 0x1b) {
      controls++;
      if (firstControl === -1) firstControl = i;
    }
  }
  if (controls > 0 && controls / Math.max(limit, 1) > 0.01) return { reason: 'control bytes', offset: firstControl };
  return null;
}
