/** What an adapter gives: the text it read from a file, and where in the file each stretch of it stands. */
import type { Encoding, Origin } from '../schema/index.js';

export interface Converted {
  /** The text, as a user would copy it out: the input of the extraction, and what spans index. */
  text: string;
  /** For HTML, the charset the page was decoded from; Unicode formats report utf-8. */
  encoding: Encoding;
  /** Where the text in [start, end) stands in the file (page and box, paragraph, offset). */
  originAt(start: number, end: number): Origin | undefined;
}

/**
 * Resources an adapter may need that live outside the library's code: pdf.js's
 * character maps (`UniGB-UCS2-H.bcmap` …), read by name. The command line
 * hands over pdfjs-dist's own `cmaps/` folder.
 */
export interface InputResources {
  readCMap?: (filename: string) => Promise<Uint8Array>;
}
