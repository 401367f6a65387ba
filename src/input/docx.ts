/**
 * DOCX → text, read from the package itself: `word/document.xml` for the body,
 * `word/numbering.xml` and `word/styles.xml` for Word's automatic numbering
 * (`一、`, `（一）`, `1.` are not in the text: Word draws them from the
 * paragraph's numbering), which the record splitting depends on. One line per
 * paragraph, the numbering rendered as printed; a table row is one line, its
 * cells parted by a tab; footnotes, headers, footers, deleted text and field
 * codes stay out. Each line remembers its paragraph (`origin.paragraph`).
 */
import { unzipSync } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { InputError } from '../errors.js';
import type { Origin } from '../schema/index.js';
import type { Converted } from './types.js';

interface Level {
  format: string;
  text: string;
  start: number;
  /** The level after which this one restarts (Word's default: any higher level). */
  restart: number | null;
  /** What follows the number: a tab (Word's default), a space, nothing. */
  suffix: string;
}

interface Numbering {
  /** numId → abstract levels, with any start overrides applied. */
  levels: Map<string, Level[]>;
  /** numId → the abstract numbering it instances (counters are kept per abstract list, as Word does for one list). */
  abstractOf: Map<string, string>;
}

const attr = (t: SaxesTagPlain, name: string): string | undefined => {
  const v = t.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** Elements whose text is not printed: deleted text, field codes, footnote, endnote and comment references. */
const SKIPPED = new Set(['w:del', 'w:delText', 'w:instrText', 'w:footnoteReference', 'w:endnoteReference', 'w:commentReference']);

/** Runs a SAX parse of an XML part; the handlers see each open and close tag by its name. */
function parseXml(xml: string, on: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void }, part: string): void {
  const p = new SaxesParser();
  p.on('error', (e) => {
    throw new InputError('bad-docx', `not a readable DOCX: ${part} is not well-formed XML (${e.message.split('\n')[0]})`);
  });
  if (on.open) { const open = on.open; p.on('opentag', (t) => open(t as SaxesTagPlain)); }
  if (on.close) p.on('closetag', (t) => on.close!(t.name));
  if (on.text) p.on('text', on.text);
  p.write(xml).close();
}

function readNumbering(xml: string | null): Numbering {
  const abstract = new Map<string, Level[]>();
  const nums = new Map<string, { abstractId: string; overrides: Map<number, number> }>();
  if (xml) {
    let currentAbstract: Level[] | null = null;
    let level: Level | null = null;
    let levelIndex = 0;
    let num: { abstractId: string; overrides: Map<number, number> } | null = null;
    let overrideLevel = -1;
    parseXml(
      xml,
      {
        open(t) {
          switch (t.name) {
            case 'w:abstractNum':
              currentAbstract = [];
              abstract.set(attr(t, 'w:abstractNumId') ?? '', currentAbstract);
              break;
            case 'w:lvl':
              levelIndex = Number(attr(t, 'w:ilvl') ?? 0);
              level = { format: 'decimal', text: '', start: 1, restart: null, suffix: '\t' };
              if (currentAbstract) currentAbstract[levelIndex] = level;
              break;
            case 'w:numFmt':
              if (level) level.format = attr(t, 'w:val') ?? 'decimal';
              break;
            case 'w:lvlText':
              if (level) level.text = attr(t, 'w:val') ?? '';
              break;
            case 'w:start':
              if (level) level.start = Number(attr(t, 'w:val') ?? 1);
              else if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, Number(attr(t, 'w:val') ?? 1));
              break;
            case 'w:startOverride':
              if (num && overrideLevel >= 0) num.overrides.set(overrideLevel, Number(attr(t, 'w:val') ?? 1));
              break;
            case 'w:suff':
              if (level) level.suffix = attr(t, 'w:val') === 'nothing' ? '' : attr(t, 'w:val') === 'space' ? ' ' : '\t';
              break;
            case 'w:lvlRestart':
              if (level) level.restart = Number(attr(t, 'w:val') ?? 0);
              break;
            case 'w:num':
              num = { abstractId: '', overrides: new Map() };
              nums.set(attr(t, 'w:numId') ?? '', num);
              break;
            case 'w:abstractNumId':
              if (num) num.abstractId = attr(t, 'w:val') ?? '';
              break;
            case 'w:lvlOverride':
              overrideLevel = Number(attr(t, 'w:ilvl') ?? -1);
              break;
          }
        },
        close(name) {
          if (name === 'w:abstractNum') currentAbstract = null;
          else if (name === 'w:lvl') level = null;
          else if (name === 'w:num') num = null;
          else if (name === 'w:lvlOverride') overrideLevel = -1;
        },
      },
      'word/numbering.xml',
    );
  }
  const levels = new Map<string, Level[]>();
  const abstractOf = new Map<string, string>();
  for (const [id, n] of nums) {
    const base = abstract.get(n.abstractId) ?? [];
    levels.set(
      id,
      base.map((l, k) => (n.overrides.has(k) ? { ...l, start: n.overrides.get(k)! } : l)),
    );
    abstractOf.set(id, n.overrides.size > 0 ? `${n.abstractId}#${id}` : n.abstractId);
  }
  return { levels, abstractOf };
}

/** Paragraph styles that carry numbering: styleId → {numId, ilvl}. */
function readStyleNumbering(xml: string | null): Map<string, { numId: string; ilvl: number }> {
  const out = new Map<string, { numId: string; ilvl: number }>();
  if (!xml) return out;
  let style: string | null = null;
  let numId: string | null = null;
  let ilvl = 0;
  parseXml(
    xml,
    {
      open(t) {
        if (t.name === 'w:style') {
          style = attr(t, 'w:styleId') ?? null;
          numId = null;
          ilvl = 0;
        } else if (style && t.name === 'w:numId') numId = attr(t, 'w:val') ?? null;
        else if (style && t.name === 'w:ilvl') ilvl = Number(attr(t, 'w:val') ?? 0);
      },
      close(name) {
        if (name === 'w:style') {
          if (style && numId && numId !== '0') out.set(style, { numId, ilvl });
          style = null;
        }
      },
    },
    'word/styles.xml',
  );
  return out;
}

const CN = '〇一二三四五六七八九';
/** 1 → 一, 11 → 十一, 20 → 二十, 105 → 一百零五: Chinese counting as Word prints it. */
function chineseCounting(n: number): string {
  if (n <= 0) return String(n);
  if (n < 10) return CN[n]!;
  if (n < 20) return '十' + (n % 10 ? CN[n % 10]! : '');
  if (n < 100) return CN[Math.floor(n / 10)]! + '十' + (n % 10 ? CN[n % 10]! : '');
  if (n < 1000) {
    const rest = n % 100;
    return CN[Math.floor(n / 100)]! + '百' + (rest === 0 ? '' : rest < 10 ? '零' + CN[rest]! : rest < 20 ? '一' + chineseCounting(rest) : chineseCounting(rest));
  }
  return String(n);
}
const CIRCLED = '①②③④⑤⑥⑦⑧⑨⑩⑪⑫⑬⑭⑮⑯⑰⑱⑲⑳';
const HEAVENLY = '甲乙丙丁戊己庚辛壬癸';
const ZODIAC = '子丑寅卯辰巳午未申酉戌亥';

function roman(n: number): string {
  const table: Array<[number, string]> = [[1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'], [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I']];
  let out = '';
  for (const [v, s] of table) while (n >= v) {
    out += s;
    n -= v;
  }
  return out;
}

/** A counter in a numbering format (`decimal`, `chineseCounting`, `decimalEnclosedCircle` …). */
export function formatNumber(n: number, format: string): string {
  switch (format) {
    case 'chineseCounting':
    case 'chineseCountingThousand':
    case 'chineseLegalSimplified':
    case 'ideographDigital':
    case 'taiwaneseCounting':
    case 'taiwaneseCountingThousand':
      return format === 'ideographDigital' ? String(n).split('').map((d) => CN[Number(d)]).join('') : chineseCounting(n);
    case 'decimalEnclosedCircle':
    case 'decimalEnclosedCircleChinese':
      return CIRCLED[n - 1] ?? String(n);
    case 'ideographTraditional':
      return HEAVENLY[n - 1] ?? String(n);
    case 'ideographZodiac':
      return ZODIAC[n - 1] ?? String(n);
    case 'decimalFullWidth':
    case 'decimalFullWidth2':
      return String(n).replace(/\d/g, (d) => String.fromCharCode(0xff10 + Number(d)));
    case 'upperLetter':
      return String.fromCharCode(0x40 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'lowerLetter':
      return String.fromCharCode(0x60 + (((n - 1) % 26) + 1)).repeat(Math.floor((n - 1) / 26) + 1);
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'decimalZero':
      return n < 10 ? '0' + n : String(n);
    case 'none':
      return '';
    default:
      return String(n);
  }
}

function partText(files: Record<string, Uint8Array>, name: string): string | null {
  const f = files[name];
  return f ? new TextDecoder('utf-8').decode(f) : null;
}

export function docxToText(bytes: Uint8Array): Converted {
  let files: Record<string, Uint8Array>;
  try {
    files = unzipSync(bytes, { filter: (f) => f.name === 'word/document.xml' || f.name === 'word/numbering.xml' || f.name === 'word/styles.xml' });
  } catch (e) {
    throw new InputError('bad-docx', `not a readable DOCX: the zip archive is damaged (${e instanceof Error ? e.message : String(e)})`);
  }
  const body = partText(files, 'word/document.xml');
  if (body === null) throw new InputError('bad-docx', 'not a DOCX: the zip archive holds no word/document.xml');
  const numbering = readNumbering(partText(files, 'word/numbering.xml'));
  const styleNumbering = readStyleNumbering(partText(files, 'word/styles.xml'));

  const lines: Array<{ text: string; paragraph: number }> = [];
  const counters = new Map<string, number[]>();
  let paragraph = 0;
  // State of the paragraph being read.
  let inParagraph = false;
  let text = '';
  let numId: string | null = null;
  let ilvl = 0;
  let styleId: string | null = null;
  let inText = false;
  let skip = 0; // inside deleted text, field codes, footnote references …
  let tableDepth = 0;
  let row: string[] | null = null;
  let rowParagraph = 0;
  let cell: string[] | null = null;

  const numberPrefix = (): string => {
    let id = numId;
    let level = ilvl;
    if (id === null && styleId && styleNumbering.has(styleId)) {
      id = styleNumbering.get(styleId)!.numId;
      level = styleNumbering.get(styleId)!.ilvl;
    }
    if (id === null || id === '0') return '';
    const levels = numbering.levels.get(id);
    const def = levels?.[level];
    if (!levels || !def) return '';
    const key = numbering.abstractOf.get(id) ?? id;
    let c = counters.get(key);
    if (!c) counters.set(key, (c = levels.map((l) => (l ? l.start - 1 : 0))));
    c[level] = (c[level] ?? (def.start - 1)) + 1;
    // Lower levels restart after a higher one moves on.
    for (let k = level + 1; k < c.length; k++) {
      const l = levels[k];
      if (l && (l.restart === null || l.restart === 0 ? true : l.restart - 1 <= level)) c[k] = l.start - 1;
    }
    if (def.format === 'bullet') return def.text ? def.text + def.suffix : '';
    const label = def.text.replace(/%(\d)/g, (_, d: string) => {
      const k = Number(d) - 1;
      const l = levels[k];
      return formatNumber(c![k] ?? (l ? l.start : 1), k === level ? def.format : l?.format ?? 'decimal');
    });
    return label ? label + def.suffix : '';
  };

  parseXml(
    body,
    {
      open(t) {
        switch (t.name) {
          case 'w:p':
            inParagraph = true;
            paragraph++;
            text = '';
            numId = null;
            ilvl = 0;
            styleId = null;
            break;
          case 'w:pStyle':
            if (inParagraph) styleId = attr(t, 'w:val') ?? null;
            break;
          case 'w:numId':
            if (inParagraph) numId = attr(t, 'w:val') ?? null;
            break;
          case 'w:ilvl':
            if (inParagraph) ilvl = Number(attr(t, 'w:val') ?? 0);
            break;
          case 'w:t':
            if (!skip) inText = true;
            break;
          case 'w:tab':
            // A tab in a run (a tab stop in the paragraph's properties carries w:val).
            if (inParagraph && !skip && attr(t, 'w:val') === undefined) text += '\t';
            break;
          case 'w:br':
          case 'w:cr':
            if (inParagraph && !skip && attr(t, 'w:type') !== 'page') text += '\n';
            break;
          default:
            if (SKIPPED.has(t.name)) skip++;
            break;
          case 'w:tbl':
            tableDepth++;
            break;
          case 'w:tr':
            if (tableDepth === 1) {
              row = [];
              rowParagraph = paragraph + 1;
            }
            break;
          case 'w:tc':
            if (tableDepth === 1) cell = [];
            break;
        }
      },
      text(s) {
        if (inText && inParagraph) text += s;
      },
      close(name) {
        switch (name) {
          case 'w:t':
            inText = false;
            break;
          default:
            if (SKIPPED.has(name)) skip = Math.max(0, skip - 1);
            break;
          case 'w:p': {
            inParagraph = false;
            const prefix = numberPrefix();
            const line = prefix + text;
            if (cell) cell.push(line);
            else for (const part of line.split('\n')) lines.push({ text: part, paragraph });
            break;
          }
          case 'w:tc':
            if (tableDepth === 1 && row && cell) row.push(cell.join(' ').trim());
            cell = null;
            break;
          case 'w:tr':
            if (tableDepth === 1 && row) lines.push({ text: row.filter((c) => c.length > 0).join('\t'), paragraph: rowParagraph });
            row = null;
            break;
          case 'w:tbl':
            tableDepth = Math.max(0, tableDepth - 1);
            break;
        }
      },
    },
    'word/document.xml',
  );

  // The text: one line per paragraph; each line's start remembers its paragraph.
  let out = '';
  const starts: number[] = [];
  const paragraphs: number[] = [];
  for (const l of lines) {
    starts.push(out.length);
    paragraphs.push(l.paragraph);
    out += l.text + '\n';
  }
  return {
    text: out,
    encoding: 'utf-8',
    originAt(start: number): Origin | undefined {
      let lo = 0;
      let hi = starts.length - 1;
      if (hi < 0) return undefined;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid]! <= start) lo = mid;
        else hi = mid - 1;
      }
      return { paragraph: paragraphs[lo]! };
    },
  };
}
