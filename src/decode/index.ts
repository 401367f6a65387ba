/**
 * Bytes → text. A BOM decides; else strict UTF-8 when the bytes are valid
 * UTF-8; else GB18030 (a superset of GBK and GB2312), or Big5 where the text
 * reads as noise in GB18030 and as Chinese in Big5. Bytes the chosen
 * encoding cannot decode raise an InputError carrying the byte offset, so a
 * user never gets silent mojibake.
 */
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import type { Encoding } from '../schema/index.js';
import { firstInvalidGb18030, firstInvalidUtf8, longestUtf8CjkRun, looksBinary } from './sniff.js';
import { keepShape } from '../text/shapes.js';

export interface Decoded {
  text: string;
  encoding: Encoding;
  /** Set when the bytes ended inside a character, which was dropped. */
  truncatedAt?: number;
}

/** Is b[from..] the beginning of a UTF-8 sequence that the end of the bytes cut short? */
function cutUtf8Tail(b: Uint8Array, from: number): boolean {
  const c = b[from]!;
  const need = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : 0;
  if (need === 0 || b.length - from > need) return false;
  for (let k = from + 1; k < b.length; k++) if ((b[k]! & 0xc0) !== 0x80) return false;
  return true;
}

const ENCODING_ALIASES: Record<string, Encoding> = {
  'utf-8': 'utf-8',
  utf8: 'utf-8',
  'utf-16le': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16be': 'utf-16be',
  utf16be: 'utf-16be',
  gb18030: 'gb18030',
  gbk: 'gb18030',
  gb2312: 'gb18030',
  cp936: 'gb18030',
  big5: 'big5',
  cp950: 'big5',
};

/** Accepts the usual spellings of the supported encodings; throws on others. */
export function parseEncodingName(name: string): Encoding {
  const found = ENCODING_ALIASES[name.trim().toLowerCase()];
  if (!found) {
    throw new InputError(
      'bad-encoding-name',
      `unknown encoding "${name}" (use utf-8, gb18030/gbk, utf-16le, utf-16be or big5)`,
    );
  }
  return found;
}

function bomOf(bytes: Uint8Array): { encoding: Encoding; length: number } | null {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) return { encoding: 'utf-8', length: 3 };
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', length: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', length: 2 };
  return null;
}

type Iconv = typeof import('iconv-lite');
let iconv: Iconv | null = null;

/** iconv-lite, loaded the first time a file needs GB18030 (start-up stays light for UTF-8). */
function loadIconv(): Iconv {
  iconv ??= createRequire(import.meta.url)('iconv-lite') as Iconv;
  return iconv;
}

function decodeUtf8(bytes: Uint8Array, base: number): string {
  const bad = firstInvalidUtf8(bytes);
  if (bad !== -1) {
    throw new InputError('decode', `invalid UTF-8 at byte ${bad + base}`, bad + base);
  }
  return new TextDecoder('utf-8').decode(bytes);
}

/** Encodings whose iconv-lite decoder is held (see text/shapes.ts: its class's map then outlives each file's decoder). */
const decodersKept = new Set<string>();

/** Bytes decoded by iconv-lite, with no copy and no check of their own. */
function iconvDecode(bytes: Uint8Array, encoding: 'gb18030' | 'big5'): string {
  const lib = loadIconv();
  if (!decodersKept.has(encoding)) {
    decodersKept.add(encoding);
    keepShape(lib.getDecoder(encoding));
  }
  return lib.decode(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength), encoding);
}

function decodeGb18030(bytes: Uint8Array, base: number): string {
  const bad = firstInvalidGb18030(bytes);
  if (bad !== -1) {
    throw new InputError('decode', `invalid GB18030/GBK at byte ${bad + base}`, bad + base);
  }
  return iconvDecode(bytes, 'gb18030');
}

/** Big5 as iconv-lite reads it (it rejects nothing: a byte it cannot map becomes U+FFFD, which a warning reports). */
function decodeBig5(bytes: Uint8Array): string {
  return iconvDecode(bytes, 'big5');
}

/**
 * Characters that make up much of any Chinese prose, in both scripts. Real text
 * decoded right has a good share of them; Big5 bytes read as GBK land on GB2312
 * characters all but at random and have few.
 */
const COMMON_CHARS =
  '的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表间样与关各重新线内数正心反明看原又利比或但质第向道此变条只没结解问意建月公无系很情者最立代想已通并提直题党程展五果料象员位入常文总次品式活设及管特件长求头基资流路级少图山统接知较将组见计别手期根论运农指区强放决西被做必先回则任取据处理世议协签署校院省市府局企共领导书记长副研究战略框架备忘录务训范围举办召参访调' +
  '這個們來對時會於說國學發動經義開關長區進過還種實現點從應體與業當無則問題們後將組見計別長門員區書記協議簽署簡報領導舉辦參訪調務訓範圍院長處';
/** COMMON_CHARS as a table by UTF-16 code unit: one lookup per character, no strings made. */
let commonTable: Uint8Array | null = null;
function isCommon(code: number): boolean {
  if (!commonTable) {
    commonTable = new Uint8Array(0x10000);
    for (let i = 0; i < COMMON_CHARS.length; i++) commonTable[COMMON_CHARS.charCodeAt(i)] = 1;
  }
  return commonTable[code] === 1;
}

/** The share of common characters among the letters past ASCII (punctuation aside) of a text's first 4,096 characters. */
function commonShare(text: string): number {
  let letters = 0;
  let common = 0;
  const limit = Math.min(text.length, 4096);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80 || (c >= 0x3000 && c <= 0x303f) || (c >= 0xff00 && c <= 0xffef) || (c >= 0x2000 && c <= 0x206f)) continue;
    letters++;
    if (isCommon(c)) common++;
  }
  return letters < 20 ? 1 : common / letters;
}

function decodeUtf16(bytes: Uint8Array, encoding: 'utf-16le' | 'utf-16be', base: number): string {
  if (bytes.length % 2 !== 0) {
    throw new InputError('decode', `truncated UTF-16: odd byte count, last byte at ${bytes.length - 1 + base}`, bytes.length - 1 + base);
  }
  const le = encoding === 'utf-16le';
  const units = bytes.length / 2;
  // Lone surrogates cannot be text; report where the first one sits.
  for (let i = 0; i < units; i++) {
    const u = le ? bytes[2 * i]! | (bytes[2 * i + 1]! << 8) : (bytes[2 * i]! << 8) | bytes[2 * i + 1]!;
    if (u >= 0xd800 && u <= 0xdbff) {
      const n = i + 1 < units ? (le ? bytes[2 * i + 2]! | (bytes[2 * i + 3]! << 8) : (bytes[2 * i + 2]! << 8) | bytes[2 * i + 3]!) : -1;
      if (n < 0xdc00 || n > 0xdfff) throw new InputError('decode', `lone UTF-16 surrogate at byte ${2 * i + base}`, 2 * i + base);
      i++;
    } else if (u >= 0xdc00 && u <= 0xdfff) {
      throw new InputError('decode', `lone UTF-16 surrogate at byte ${2 * i + base}`, 2 * i + base);
    } else if (u === 0) {
      throw new InputError('not-text', `not a text file (NUL character at byte ${2 * i + base})`, 2 * i + base);
    }
  }
  const text = new TextDecoder(encoding).decode(bytes);
  if (implausibleChinese(text)) {
    throw new InputError(
      'decode',
      `the byte-order mark says ${encoding.toUpperCase()} but the bytes do not read as text in it (byte ${base})`,
      base,
    );
  }
  return text;
}

/**
 * A UTF-16 BOM in front of 8-bit text yields mostly Hangul syllables, private
 * use and rare CJK blocks. Real briefings have next to none of those.
 */
function implausibleChinese(text: string): boolean {
  if (text.length < 8) return false;
  let odd = 0;
  let seen = 0;
  const limit = Math.min(text.length, 4096);
  for (let i = 0; i < limit; i++) {
    const c = text.charCodeAt(i);
    if (c <= 0x20) continue;
    seen++;
    if ((c >= 0xac00 && c <= 0xd7a3) || (c >= 0xe000 && c <= 0xf8ff) || (c >= 0x3400 && c <= 0x4dbf) || (c >= 0xa000 && c <= 0xabff) || (c >= 0x0100 && c <= 0x2fff)) odd++;
  }
  return seen > 0 && odd / seen > 0.3;
}

/** Consecutive UTF-8 CJK characters that prove a non-UTF-8 file holds UTF-8 text. */
const MIXED_RUN = 6;

export interface DecodeOptions {
  encoding?: Encoding | undefined;
}

export function decodeBytes(bytes: Uint8Array, options: DecodeOptions = {}): Decoded {
  const bom = bomOf(bytes);
  const forced = options.encoding;
  if (forced) {
    const skip = bom && bom.encoding === forced ? bom.length : 0;
    const body = bytes.subarray(skip);
    if (forced === 'utf-16le' || forced === 'utf-16be') return { text: decodeUtf16(body, forced, skip), encoding: forced };
    const binary = looksBinary(body);
    if (binary) throw new InputError('not-text', `not a text file (${binary.reason} at byte ${binary.offset + skip})`, binary.offset + skip);
    if (forced === 'utf-8') return { text: decodeUtf8(body, skip), encoding: forced };
    if (forced === 'big5') return { text: decodeBig5(body), encoding: forced };
    return { text: decodeGb18030(body, skip), encoding: forced };
  }
  if (bom) {
    const body = bytes.subarray(bom.length);
    if (bom.encoding === 'utf-8') {
      const binary = looksBinary(body);
      if (binary) throw new InputError('not-text', `not a text file (${binary.reason} at byte ${binary.offset + bom.length})`, binary.offset + bom.length);
      return { text: decodeUtf8(body, bom.length), encoding: 'utf-8' };
    }
    return { text: decodeUtf16(body, bom.encoding as 'utf-16le' | 'utf-16be', bom.length), encoding: bom.encoding };
  }
  const binary = looksBinary(bytes);
  if (binary) throw new InputError('not-text', `not a text file (${binary.reason} at byte ${binary.offset})`, binary.offset);
  const badUtf8 = firstInvalidUtf8(bytes);
  if (badUtf8 === -1) return { text: new TextDecoder('utf-8').decode(bytes), encoding: 'utf-8' };
  // UTF-8 cut off in the middle of its last character (a truncated copy): keep the rest, say so.
  if (badUtf8 > 0 && cutUtf8Tail(bytes, badUtf8)) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(0, badUtf8)), encoding: 'utf-8', truncatedAt: badUtf8 };
  }
  // Not UTF-8. If part of it *is* UTF-8 Chinese text, the file mixes encodings:
  // decoding it as GB18030 would turn that part into mojibake.
  const run = longestUtf8CjkRun(bytes);
  if (run.length >= MIXED_RUN) {
    const at = run.offset < badUtf8 ? badUtf8 : run.offset;
    const what = run.offset < badUtf8 ? `UTF-8 text, then invalid UTF-8 at byte ${at}` : `non-UTF-8 text, then UTF-8 text at byte ${at}`;
    throw new InputError('decode', `mixed encodings: ${what} (GBK and UTF-8 in one file?)`, at);
  }
  // GBK, unless the text reads as noise there and as Chinese in Big5 (a Hong Kong or Taiwan source).
  if (firstInvalidGb18030(bytes) === -1) {
    const gbk = iconvDecode(bytes, 'gb18030'); // checked just above
    const share = commonShare(gbk);
    if (share >= BIG5_SUSPECT) return { text: gbk, encoding: 'gb18030' };
    const big5 = decodeBig5(bytes);
    const big5Share = commonShare(big5);
    return big5Share >= BIG5_SUSPECT && big5Share > 2 * share && !big5.includes('\ufffd') ? { text: big5, encoding: 'big5' } : { text: gbk, encoding: 'gb18030' };
  }
  // Not Big5 either when it is not even GBK-shaped: report where GB18030 fails.
  const big5 = decodeBig5(bytes);
  if (!big5.includes('\ufffd') && commonShare(big5) >= BIG5_SUSPECT) return { text: big5, encoding: 'big5' };
  return { text: decodeGb18030(bytes, 0), encoding: 'gb18030' };
}

/** Below this share of common characters a GBK reading is suspect (real text: 0.4 and up). */
const BIG5_SUSPECT = 0.2;
