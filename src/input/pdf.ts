/**
 * PDF → text with pdf.js (pdfjs-dist 5.6, the last line that runs on Node 20;
 * 6.x needs Node 22). Text runs are joined into lines by their position on the
 * page (same baseline, left to right; a gap wider than a character becomes a
 * blank, which the reflow drops between Han characters), pages follow one
 * another, so an item cut by a page break reflows whole.
 *
 * Pitfalls handled here, each of which fails silently otherwise:
 * - Chinese official documents often use non-embedded CID fonts (`UniGB-UCS2-H`,
 *   `GBK-EUC-H`): without pdf.js's packaged CMaps the text comes out empty. The
 *   CMaps are read through `resources.readCMap` (the command line hands over
 *   pdfjs-dist's own `cmaps/`), so no URL form of a folder can go wrong.
 * - A PDF with no text layer (a scan) is an error, never an empty Document.
 * - Encrypted and damaged files are errors with one clear line.
 * - No canvas: text extraction never loads pdf.js's optional native package.
 */
import { InputError } from '../errors.js';
import type { Origin } from '../schema/index.js';
import type { Converted, InputResources } from './types.js';

interface TextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL?: boolean;
}

/** A stretch of the text and where it was printed. */
interface Run {
  start: number;
  end: number;
  page: number;
  box: [number, number, number, number];
}

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let pdfjs: Promise<PdfJs> | null = null;

function loadPdfJs(): Promise<PdfJs> {
  return (pdfjs ??= import('pdfjs-dist/legacy/build/pdf.mjs'));
}

/** pdf.js asks its data factory for CMaps by file name; this one reads them through the resources given. */
function dataFactory(resources: InputResources, missed: { cmap: boolean }) {
  return class {
    async fetch({ kind, filename }: { kind: string; filename: string }): Promise<Uint8Array> {
      if (kind === 'cMapUrl' && resources.readCMap) return resources.readCMap(filename);
      if (kind === 'cMapUrl') missed.cmap = true;
      throw new Error(`no ${kind} data for ${filename}`);
    }
  };
}

const round = (n: number) => Math.round(n * 100) / 100;

export async function pdfToText(bytes: Uint8Array, resources: InputResources = {}): Promise<Converted> {
  const lib = await loadPdfJs();
  const missed = { cmap: false };
  let doc;
  try {
    doc = await lib.getDocument({
      // pdf.js detaches the buffer it is given: hand it a copy.
      data: new Uint8Array(bytes),
      BinaryDataFactory: dataFactory(resources, missed) as never,
      cMapPacked: true,
      useSystemFonts: false,
      disableFontFace: true,
      isEvalSupported: false,
      verbosity: 0,
    }).promise;
  } catch (e) {
    const name = (e as { name?: string })?.name;
    if (name === 'PasswordException') throw new InputError('encrypted', 'encrypted PDF: it needs a password to open; save an unprotected copy first');
    throw new InputError('bad-pdf', `not a readable PDF: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  const runs: Run[] = [];
  let text = '';
  let printed = 0;
  try {
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      const items = (content.items as TextItem[]).filter((i) => typeof i.str === 'string' && i.str.length > 0);
      // Lines by baseline, top to bottom; runs in a line left to right.
      const lines: TextItem[][] = [];
      for (const item of items) {
        const y = item.transform[5]!;
        const size = Math.max(1, Math.abs(item.height) || Math.abs(item.transform[3]!));
        const line = lines.find((l) => Math.abs(l[0]!.transform[5]! - y) <= size * 0.4);
        if (line) line.push(item);
        else lines.push([item]);
      }
      lines.sort((a, b) => b[0]!.transform[5]! - a[0]!.transform[5]!);
      for (const line of lines) {
        line.sort((a, b) => a.transform[4]! - b.transform[4]!);
        let lastEnd: number | null = null;
        for (const item of line) {
          const x = item.transform[4]!;
          const y = item.transform[5]!;
          const size = Math.max(1, Math.abs(item.height) || Math.abs(item.transform[3]!));
          if (lastEnd !== null && x - lastEnd > size * 0.6) text += ' ';
          const start = text.length;
          text += item.str;
          runs.push({ start, end: text.length, page: n, box: [round(x), round(y), round(x + item.width), round(y + size)] });
          printed += item.str.trim().length;
          lastEnd = x + item.width;
        }
        text += '\n';
      }
      // A page ends its last line; pages are apart by one line break (the reflow joins a sentence across it).
      page.cleanup();
    }
  } catch (e) {
    if (e instanceof InputError) throw e;
    throw new InputError('bad-pdf', `not a readable PDF: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  } finally {
    await doc.destroy();
  }
  if (printed === 0 && missed.cmap) throw new InputError('bad-pdf', 'the PDF\'s fonts need pdf.js\'s character maps (CMaps), and none were given: pass resources.readCMap');
  if (printed === 0) throw new InputError('no-text-layer', `no text layer (scanned PDF?): OCR it first`);
  return {
    text,
    encoding: 'utf-8',
    originAt(start: number, end: number): Origin | undefined {
      // The page of the first run the value touches; the box around its runs on that page.
      let lo = 0;
      let hi = runs.length - 1;
      while (lo < hi) {
        const mid = (lo + hi) >> 1;
        if (runs[mid]!.end <= start) lo = mid + 1;
        else hi = mid;
      }
      const first = runs[lo];
      if (!first) return undefined;
      const box: [number, number, number, number] = [...first.box];
      for (let k = lo + 1; k < runs.length && runs[k]!.start < end; k++) {
        const r = runs[k]!;
        if (r.page !== first.page) break;
        box[0] = Math.min(box[0], r.box[0]);
        box[1] = Math.min(box[1], r.box[1]);
        box[2] = Math.max(box[2], r.box[2]);
        box[3] = Math.max(box[3], r.box[3]);
      }
      return { page: first.page, bbox: box };
    },
  };
}
