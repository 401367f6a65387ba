/**
 * DOC (Word 97–2003) → text with word-extractor, its Unicode filter off (the
 * filter turns `“”` into `"` and `—` into `-`, which names and ranges need as
 * printed). Paragraphs are lines; headers, footers, footnotes and comments
 * stay out. Word's automatic list numbers are not in a DOC's text stream and
 * are not rendered here (save as DOCX to keep them): DOC briefings usually
 * type their numbers.
 */
import { createRequire } from 'node:module';
import { InputError } from '../errors.js';
import type { Origin } from '../schema/index.js';
import type { Converted } from './types.js';

interface WordDocument {
  getBody(options?: { filterUnicode?: boolean }): string;
}
interface WordExtractorClass {
  new (): { extract(source: Buffer): Promise<WordDocument> };
}

export async function docToText(bytes: Uint8Array): Promise<Converted> {
  const WordExtractor = createRequire(import.meta.url)('word-extractor') as WordExtractorClass;
  let body: string;
  try {
    const doc = await new WordExtractor().extract(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength));
    body = doc.getBody({ filterUnicode: false });
  } catch (e) {
    throw new InputError('bad-doc', `not a readable Word 97–2003 document: ${e instanceof Error ? e.message.split('\n')[0] : String(e)}`);
  }
  // Word ends cells with U+0007 and marks fields with U+0013–U+0015; page breaks are U+000C.
  const text = body.replace(/\r\n?/g, '\n').replace(/[\u0007\u000c]/g, '\n').replace(/[\u0013-\u0015\u0001\u0008]/g, '');
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 0x0a) starts.push(i + 1);
  return {
    text,
    encoding: 'utf-8',
    originAt(start: number): Origin | undefined {
      let lo = 0;
      let hi = starts.length - 1;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= start) lo = mid;
        else hi = mid - 1;
      }
      return { paragraph: lo + 1 };
    },
  };
}
