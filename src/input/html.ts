/**
 * A saved web page → text: the article's headline, its publication time, and
 * the text of its main container, chosen by structure: the block that holds
 * the most running text that is not link text, outside navigation, sidebars,
 * share bars and footers. A saved WeChat article keeps its body in
 * `#js_content` (hidden until scripts run), its title in `#activity-name` and
 * its time in a script (`var ct = "…"`): those are read directly.
 *
 * Charset: a BOM, else `<meta charset>` or `http-equiv` in the first bytes
 * (university sites still serve gb2312), else the text decoder's own sniffing.
 * parse5 keeps source locations, so every line of the text knows its offset
 * in the decoded page (`origin.offset`).
 */
import { parse } from 'parse5';
import { decodeBytes, parseEncodingName } from '../decode/index.js';
import { InputError } from '../errors.js';
import type { Encoding, Origin } from '../schema/index.js';
import type { Converted } from './types.js';

interface Node {
  nodeName: string;
  tagName?: string;
  attrs?: Array<{ name: string; value: string }>;
  childNodes?: Node[];
  value?: string;
  sourceCodeLocation?: { startOffset: number; endOffset: number } | null;
  parentNode?: Node | null;
}

const attr = (n: Node, name: string) => n.attrs?.find((a) => a.name === name)?.value;
const SKIP = new Set(['script', 'style', 'noscript', 'template', 'iframe', 'svg', 'head', 'select', 'button', 'form', 'input', 'textarea', 'object', 'canvas']);
const BLOCK = new Set(['p', 'div', 'section', 'article', 'main', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'li', 'ul', 'ol', 'dl', 'dt', 'dd', 'tr', 'table', 'tbody', 'thead', 'blockquote', 'pre', 'header', 'footer', 'aside', 'nav', 'figure', 'figcaption', 'center', 'hr', 'address']);
/** Classes and ids of the parts around an article. */
const AROUND = /(?:^|[\s_-])(?:nav|navbar|menu|footer|foot|header|head|top|sidebar|side|aside|share|bdshare|breadcrumb|crumbs?|position|location|weizhi|comment|comments|related|relate|recommend|hot|copyright|prevnext|prev|next|pager|pagination|page-?nav|toolbar|banner|logo|ads?|advert|qr|qrcode|erweima|search|login|links?|friendlink|tags)(?:$|[\s_-]|\d)/i;
const ARTICLE_HINT = /(?:article|content|detail|main|text|body|zoom|news|post|entry|con|vsb|TRS|wp_article)/i;
const isHan = (c: number) => (c >= 0x4e00 && c <= 0x9fff) || (c >= 0x3400 && c <= 0x4dbf);

function hanCount(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) if (isHan(s.charCodeAt(i))) n++;
  return n;
}

/** The charset a page declares in its first bytes, or null. */
function declaredCharset(bytes: Uint8Array): Encoding | null {
  let head = '';
  for (let i = 0; i < Math.min(bytes.length, 4096); i++) head += bytes[i]! < 0x80 ? String.fromCharCode(bytes[i]!) : ' ';
  const m = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head);
  if (!m) return null;
  try {
    return parseEncodingName(m[1]!);
  } catch {
    return null;
  }
}

function aroundArticle(n: Node): boolean {
  const tag = n.tagName ?? '';
  if (tag === 'nav' || tag === 'footer' || tag === 'aside' || tag === 'header') return true;
  const cls = `${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`;
  return cls.trim().length > 0 && AROUND.test(cls) && !/(?:^|\s)(?:js_content|activity-name)(?:$|\s)/.test(cls);
}

function* elements(n: Node): Generator<Node> {
  for (const c of n.childNodes ?? []) {
    if (c.tagName) {
      yield c;
      if (c.tagName !== 'script' && c.tagName !== 'style' && c.tagName !== 'template') yield* elements(c);
    }
  }
}

function textOf(n: Node): string {
  if (n.nodeName === '#text') return n.value ?? '';
  if (n.tagName && SKIP.has(n.tagName)) return '';
  return (n.childNodes ?? []).map(textOf).join('');
}

function byId(root: Node, id: string): Node | null {
  for (const e of elements(root)) if (attr(e, 'id') === id) return e;
  return null;
}

/** The block with the most running text: each text's Han characters count for its block and, half, for the block above. */
function mainContainer(body: Node): Node {
  const score = new Map<Node, number>();
  const visit = (n: Node, around: boolean) => {
    for (const c of n.childNodes ?? []) {
      if (c.nodeName === '#text') {
        if (around) continue;
        const han = hanCount(c.value ?? '');
        if (han === 0) continue;
        // Link text is navigation, not article.
        let inLink = false;
        for (let p = c.parentNode; p && p !== body; p = p.parentNode ?? null) if (p.tagName === 'a') inLink = true;
        let block = c.parentNode ?? null;
        while (block && block !== body && !BLOCK.has(block.tagName ?? '')) block = block.parentNode ?? null;
        if (!block) continue;
        const w = inLink ? -han : han;
        score.set(block, (score.get(block) ?? 0) + w);
        const up = block.parentNode;
        if (up && up !== body) score.set(up, (score.get(up) ?? 0) + w / 2);
      } else if (c.tagName && !SKIP.has(c.tagName)) visit(c, around || aroundArticle(c));
    }
  };
  visit(body, false);
  let best: Node = body;
  let bestScore = 0;
  for (const [n, s] of score) {
    const hinted = ARTICLE_HINT.test(`${attr(n, 'class') ?? ''} ${attr(n, 'id') ?? ''}`) ? 1.1 : 1;
    if (s * hinted > bestScore) {
      best = n;
      bestScore = s * hinted;
    }
  }
  // A paragraph that wins alone stands for the block that holds its siblings.
  if (best.tagName === 'p' && best.parentNode) best = best.parentNode;
  return best;
}

/** `2025-06-04 09:30`, `2025年6月4日`: a page's publication time in some text, as printed. */
const TIME_RE = /(?:19|20)\d{2}\s*[-/.年]\s*\d{1,2}\s*[-/.月]\s*\d{1,2}\s*日?(?:\s*\d{1,2}:\d{2}(?::\d{2})?)?/;

function publicationTime(root: Node, html: string, wechat: boolean): { text: string; offset: number } | null {
  for (const e of elements(root)) {
    if (e.tagName !== 'meta') continue;
    const name = (attr(e, 'name') ?? attr(e, 'property') ?? attr(e, 'itemprop') ?? '').toLowerCase();
    if (/^(?:pubdate|publishdate|publish_date|article:published_time|og:release_date|datepublished|weibo:article:create_at|date|dc\.date)$/.test(name)) {
      const m = TIME_RE.exec(attr(e, 'content') ?? '');
      if (m) return { text: m[0], offset: e.sourceCodeLocation?.startOffset ?? 0 };
    }
  }
  if (wechat) {
    const shown = byId(root, 'publish_time');
    const shownText = shown ? textOf(shown).trim() : '';
    const m1 = TIME_RE.exec(shownText);
    if (m1 && shown) return { text: m1[0], offset: shown.sourceCodeLocation?.startOffset ?? 0 };
    const m2 = /publish_time\s*=\s*["']([^"']+)["']/.exec(html) ?? /(?:var\s+)?createTime\s*=\s*["']([^"']+)["']/.exec(html);
    if (m2 && TIME_RE.test(m2[1]!)) return { text: TIME_RE.exec(m2[1]!)![0], offset: m2.index };
    const m3 = /\bct\s*=\s*["'](\d{10})["']/.exec(html);
    if (m3) {
      // Seconds since the epoch, shown in China's time (UTC+8).
      const d = new Date((Number(m3[1]) + 8 * 3600) * 1000);
      const p = (n: number) => String(n).padStart(2, '0');
      return { text: `${d.getUTCFullYear()}-${p(d.getUTCMonth() + 1)}-${p(d.getUTCDate())} ${p(d.getUTCHours())}:${p(d.getUTCMinutes())}`, offset: m3.index };
    }
  }
  return null;
}

interface Segment {
  start: number;
  end: number;
  offset: number;
  /** The text stands in the source character for character (no entities, no collapsed blanks). */
  exact: boolean;
}

export function htmlToText(bytes: Uint8Array): Converted {
  const declared = declaredCharset(bytes);
  let decoded;
  try {
    decoded = decodeBytes(bytes, declared ? { encoding: declared } : {});
  } catch (e) {
    if (e instanceof InputError) throw new InputError('bad-html', `not a readable web page: ${e.message}`);
    throw e;
  }
  const html = decoded.text;
  const doc = parse(html, { sourceCodeLocationInfo: true }) as unknown as Node;
  const root = doc;
  const body = [...elements(root)].find((e) => e.tagName === 'body') ?? root;

  const wechatBody = byId(root, 'js_content');
  const wechatTitle = byId(root, 'activity-name');
  const wechat = wechatBody !== null;
  const container = wechatBody ?? mainContainer(body);

  // The headline: WeChat's, else a heading in or right above the container, else og:title, else <title> less the site's name.
  let title: Node | null = wechatTitle;
  if (!title) {
    for (const e of elements(container)) if (/^h[12]$/.test(e.tagName ?? '') && hanCount(textOf(e)) > 0) {
      title = e;
      break;
    }
  }
  if (!title) {
    for (let p: Node | null = container; p && !title; p = p.parentNode ?? null) {
      for (const e of elements(p)) if (/^h[12]$/.test(e.tagName ?? '') && hanCount(textOf(e)) > 0 && !aroundArticle(e)) {
        title = e;
        break;
      }
    }
  }
  let titleText = title ? textOf(title).replace(/\s+/g, ' ').trim() : '';
  let titleOffset = title?.sourceCodeLocation?.startOffset ?? 0;
  if (!titleText) {
    const og = [...elements(root)].find((e) => e.tagName === 'meta' && attr(e, 'property') === 'og:title');
    const t = [...elements(root)].find((e) => e.tagName === 'title');
    if (og && attr(og, 'content')) {
      titleText = attr(og, 'content')!.trim();
      titleOffset = og.sourceCodeLocation?.startOffset ?? 0;
    } else if (t) {
      titleText = textOf(t).trim().replace(/\s*[-_|–—]\s*[^-_|–—]{2,30}$/, '');
      titleOffset = t.sourceCodeLocation?.startOffset ?? 0;
    }
  }

  let text = '';
  const segments: Segment[] = [];
  const line = (s: string, offset: number) => {
    const start = text.length;
    text += s + '\n';
    segments.push({ start, end: start + s.length, offset, exact: false });
  };
  if (titleText) line(titleText, titleOffset);
  const time = publicationTime(root, html, wechat);
  if (time) line(`发布时间：${time.text}`, time.offset);

  // The container's text: blocks end lines, <br> breaks them, blanks collapse.
  let current = '';
  let currentSegs: Segment[] = [];
  const flush = () => {
    const trimmed = current.replace(/[ \t\u00a0\u3000]+$/g, '');
    const lead = trimmed.length - trimmed.replace(/^[ \t\u00a0\u3000]+/, '').length;
    const body = trimmed.slice(lead);
    if (body.length > 0) {
      const start = text.length;
      for (const s of currentSegs) {
        const a = Math.max(0, s.start - lead);
        const b = Math.min(body.length, s.end - lead);
        if (b > a) segments.push({ start: start + a, end: start + b, offset: s.offset + (s.exact ? Math.max(0, lead - s.start) : 0), exact: s.exact });
      }
      text += body + '\n';
    }
    current = '';
    currentSegs = [];
  };
  const walk = (n: Node) => {
    for (const c of n.childNodes ?? []) {
      if (c === title) continue;
      if (c.nodeName === '#text') {
        const raw = c.value ?? '';
        const collapsed = raw.replace(/[\s\u00a0]+/g, ' ');
        if (collapsed.trim().length === 0 && current.length === 0) continue;
        const loc = c.sourceCodeLocation;
        const exact = loc ? html.slice(loc.startOffset, loc.endOffset) === collapsed : false;
        currentSegs.push({ start: current.length, end: current.length + collapsed.length, offset: loc?.startOffset ?? 0, exact });
        current += collapsed;
        continue;
      }
      const tag = c.tagName;
      if (!tag || SKIP.has(tag)) continue;
      if (c !== container && aroundArticle(c)) continue;
      if (tag === 'br') {
        flush();
        continue;
      }
      if (tag === 'img') continue;
      const block = BLOCK.has(tag);
      if (block) flush();
      walk(c);
      if (block) flush();
    }
  };
  walk(container);
  flush();

  if (hanCount(text) === 0 && text.trim().length === 0) throw new InputError('bad-html', 'a web page with no text in it');
  return {
    text,
    encoding: decoded.encoding,
    originAt(start: number): Origin | undefined {
      // Segments are pushed in text order, non-empty and disjoint: the one holding
      // `start` (or the last before it) is the last whose start is not after it.
      let lo = 0;
      let hi = segments.length - 1;
      if (hi < 0 || segments[0]!.start > start) return undefined;
      while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (segments[mid]!.start <= start) lo = mid;
        else hi = mid - 1;
      }
      const best = segments[lo]!;
      return { offset: best.exact ? best.offset + (start - best.start) : best.offset };
    },
  };
}
