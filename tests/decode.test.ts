import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import { decodeBytes, extractBriefing, InputError } from '../src/index.js';

const TEXT = '工作简报\n\n6月16日，东岭大学与西川市人民政府签署合作协议。\n';

function thrown(f: () => unknown): InputError {
  try {
    f();
  } catch (e) {
    if (e instanceof InputError) return e;
    throw e;
  }
  throw new Error('expected an InputError');
}

describe('decoding', () => {
  it('reads UTF-8 with and without a BOM', () => {
    expect(decodeBytes(Buffer.from(TEXT)).encoding).toBe('utf-8');
    const withBom = decodeBytes(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(TEXT)]));
    expect(withBom).toEqual({ text: TEXT, encoding: 'utf-8' });
  });

  it('reads UTF-16 LE and BE by their BOM', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    expect(decodeBytes(le)).toEqual({ text: TEXT, encoding: 'utf-16le' });
    const beBody = Buffer.from(TEXT, 'utf16le').swap16();
    const be = Buffer.concat([Buffer.from([0xfe, 0xff]), beBody]);
    expect(decodeBytes(be)).toEqual({ text: TEXT, encoding: 'utf-16be' });
  });

  it('falls back to GB18030 for GBK bytes', () => {
    expect(decodeBytes(iconv.encode(TEXT, 'gbk'))).toEqual({ text: TEXT, encoding: 'gb18030' });
  });

  it('reads Big5 where GBK gives noise, and keeps traditional text in GBK as GBK', () => {
    const text = '東嶺大學與南港市人民政府簽署戰略合作協議\n10月9日，東嶺大學與南港市人民政府舉行簽約儀式，雙方將在人才培養、科學研究等方面開展合作。\n';
    const big5 = decodeBytes(iconv.encode(text, 'big5'));
    expect(big5.encoding).toBe('big5');
    expect(big5.text).toBe(text);
    const gbk = decodeBytes(iconv.encode(text, 'gbk'));
    expect(gbk.encoding).toBe('gb18030');
    expect(gbk.text).toBe(text);
    expect(decodeBytes(iconv.encode(text, 'big5'), { encoding: 'big5' }).text).toBe(text);
    // Too little text to judge: GBK it stays.
    expect(decodeBytes(iconv.encode('東嶺大學', 'big5')).encoding).toBe('gb18030');
  });

  it('forces an encoding and reports the byte offset of what it cannot decode', () => {
    const gbk = iconv.encode(TEXT, 'gbk');
    const e = thrown(() => decodeBytes(gbk, { encoding: 'utf-8' }));
    expect(e.code).toBe('decode');
    expect(e.offset).toBe(0);
    expect(e.message).toBe('invalid UTF-8 at byte 0');
    const bad = Buffer.concat([Buffer.from('abc'), Buffer.from([0x81, 0x20])]);
    expect(thrown(() => decodeBytes(bad, { encoding: 'gb18030' })).message).toBe('invalid GB18030/GBK at byte 3');
  });

  it('refuses a file that mixes UTF-8 and GBK, naming where', () => {
    const mixed = Buffer.concat([Buffer.from('东岭大学与西川市人民政府签署合作协议。'), iconv.encode('西川市委书记出席。', 'gbk')]);
    const e = thrown(() => decodeBytes(mixed));
    expect(e.code).toBe('decode');
    expect(e.offset).toBe(Buffer.byteLength('东岭大学与西川市人民政府签署合作协议。'));
    expect(e.message).toMatch(/^mixed encodings/);
  });

  it('refuses binary files', () => {
    expect(thrown(() => decodeBytes(Buffer.from('%PDF-1.7\n%âãÏÓ\n1 0 obj'))).message).toBe('not a text file (PDF document at byte 0)');
    expect(thrown(() => decodeBytes(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a]))).code).toBe('not-text');
    expect(thrown(() => decodeBytes(Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2]))).code).toBe('not-text');
    expect(thrown(() => decodeBytes(Buffer.from('abc\u0000def'))).message).toBe('not a text file (NUL byte at byte 3)');
  });

  it('refuses a UTF-16 BOM in front of GBK bytes', () => {
    const lying = Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode('东岭大学与西川市人民政府签署合作协议，双方将共建研究院。', 'gbk')]);
    const e = thrown(() => decodeBytes(lying));
    expect(e.code).toBe('decode');
    expect(e.message).toMatch(/byte-order mark says UTF-16LE/);
  });

  it('refuses lone surrogates and odd UTF-16 lengths', () => {
    const lone = Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    expect(thrown(() => decodeBytes(lone)).message).toBe('lone UTF-16 surrogate at byte 4');
    expect(thrown(() => decodeBytes(Buffer.from([0xff, 0xfe, 0x41, 0x00, 0x42]))).message).toMatch(/odd byte count/);
  });

  it('refuses inputs over the size limit', () => {
    const e = thrown(() => extractBriefing(Buffer.from(TEXT), { maxSize: 10 }));
    expect(e.code).toBe('too-large');
  });

  it('reports the encoding it used in the document', () => {
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(TEXT, 'utf16le')]);
    const doc = extractBriefing(le);
    expect(doc.encoding).toBe('utf-16le');
    expect(doc.records[0]!.date!.start).toBe('--06-16');
  });
});
