/**
 * What kind of file the bytes are, by their signature (the name only breaks a
 * tie): a PDF opens with `%PDF-`; a DOCX is a zip holding `word/document.xml`;
 * a DOC is an OLE compound file (`D0 CF 11 E0`); an HTML page opens, past a BOM
 * and blanks, with a doctype, `<html`, `<head`, `<meta` or a comment before one.
 * Everything else is text (the decoder decides whether it really is).
 */
import type { InputFormat } from '../schema/index.js';

const startsWith = (b: Uint8Array, sig: number[], at = 0) => sig.every((x, i) => b[at + i] === x);

/** Does a zip archive list an entry of this name? (Its central directory names every entry.) */
function zipHasEntry(b: Uint8Array, name: string): boolean {
  const needle = new TextEncoder().encode(name);
  // Local headers and the central directory both print the name; a scan finds either.
  outer: for (let i = 0; i + needle.length <= b.length; i++) {
    for (let k = 0; k < needle.length; k++) if (b[i + k] !== needle[k]) continue outer;
    return true;
  }
  return false;
}

/** Skips a BOM and blanks: where the first markup would be, as ASCII text of up to 1 KB. */
function headAsAscii(b: Uint8Array): string {
  let at = 0;
  if (startsWith(b, [0xef, 0xbb, 0xbf])) at = 3;
  let utf16 = false;
  if (startsWith(b, [0xff, 0xfe]) || startsWith(b, [0xfe, 0xff])) {
    at = 2;
    utf16 = true;
  }
  let s = '';
  for (let i = at; i < Math.min(b.length, at + 2048) && s.length < 1024; i += utf16 ? 2 : 1) {
    const c = utf16 ? b[i]! | b[i + 1]! : b[i]!;
    s += c < 0x80 ? String.fromCharCode(c) : ' ';
  }
  return s.replace(/^[\s\u0000]+/, '').toLowerCase();
}

export function sniffFormat(bytes: Uint8Array, name?: string): InputFormat {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf';
  if (startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1])) return 'doc';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return zipHasEntry(bytes, 'word/document.xml') ? 'docx' : /\.docx$/i.test(name ?? '') ? 'docx' : 'text';
  const head = headAsAscii(bytes);
  if (/^(?:<!doctype html|<html[\s>]|<head[\s>]|<meta[\s>]|<!--[\s\S]*?-->\s*<(?:!doctype html|html))/.test(head)) return 'html';
  // A page saved without a doctype that the name calls HTML.
  if (/\.x?html?$/i.test(name ?? '') && /^<[a-z!]/.test(head)) return 'html';
  // A name that promises a binary format the bytes do not have: read as what the name says, to fail clearly.
  if (/\.pdf$/i.test(name ?? '')) return 'pdf';
  if (/\.docx$/i.test(name ?? '')) return 'docx';
  if (/\.doc$/i.test(name ?? '')) return 'doc';
  return 'text';
}
