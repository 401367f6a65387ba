/**
 * The one error type the library raises for bad input. Anything else escaping
 * extractBriefing is a bug. `offset` is a byte offset into the input when the
 * problem has a place.
 */
export type InputErrorCode = 'not-text' | 'decode' | 'too-large' | 'bad-encoding-name' | 'bad-pdf' | 'no-text-layer' | 'encrypted' | 'bad-docx' | 'bad-doc' | 'bad-html';

export class InputError extends Error {
  readonly code: InputErrorCode;
  readonly offset: number | undefined;

  constructor(code: InputErrorCode, message: string, offset?: number) {
    super(message);
    this.name = 'InputError';
    this.code = code;
    this.offset = offset;
  }
}
