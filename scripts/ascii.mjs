// esbuild writes regular expressions' non-ASCII characters as they are, and a
// source with any non-ASCII character is decoded and compiled as a two-byte
// string (a 1.5 MB bundle: 10 ms to read instead of 2). Written as \uXXXX
// escapes, the same code units in a string, a regular expression or a
// character class alike, the source is ASCII. An identity escape of such a
// character (`\（` in a regular expression) is the character itself.

/** `text` (JavaScript source) with every non-ASCII code unit written as a \uXXXX escape. */
export function asciiSource(text) {
  return text.replace(/(\\*)([^\x00-\x7f])/g, (_, slashes, c) => `${slashes.slice(slashes.length % 2)}\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
