#!/usr/bin/env node
/**
 * Makes the binary input fixtures in fixtures/inputs/ from our own sample
 * briefing (fixtures/sample/briefing.txt). Run by hand when the sample changes
 * (the outputs are committed; CI never runs this):
 *
 *   node scripts/make-input-fixtures.mjs
 *
 * - sample-numbered.fodt → .docx, .doc and .pdf by LibreOffice
 *   (`soffice --headless --convert-to …`, Debian's libreoffice-writer-nogui
 *   with fonts-noto-cjk): Word's automatic numbering (一、 and 1.) from ODF list
 *   styles, so the numbers are not in the text; the PDF embeds its fonts.
 * - sample-cid.pdf, sample-two-pages.pdf, scanned.pdf: written here, with
 *   Adobe's non-embedded CID font STSong-Light under the UniGB-UCS2-H CMap
 *   (what official documents often use: text readable only with pdf.js's
 *   packaged CMaps), a record that crosses a page break, and a page with no
 *   text layer at all.
 * - university-gb2312.html, wechat.html: pages of our own around the sample's
 *   items, the first encoded in GB2312 with navigation, a sidebar and a footer.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';

const ROOT = new URL('..', import.meta.url).pathname;
const OUT = join(ROOT, 'fixtures/inputs');
const sample = readFileSync(join(ROOT, 'fixtures/sample/briefing.txt'), 'utf8');
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

// ---- ODF with list numbering: `一、` sections and `1.` items are list labels, not text.
function fodt(text, lists = true) {
  const paras = text.split(/\n\s*\n/).map((p) => p.trim()).filter(Boolean);
  const P = (t) => `<text:p text:style-name="P1">${esc(t)}</text:p>`;
  if (!lists) return wrapFodt(paras.flatMap((p) => p.split('\n')).map(P).join(''));
  // Masthead before the first section, recipients after the last: plain paragraphs.
  const firstSection = paras.findIndex((p) => /^[一二三四五六七八九十]+、/.test(p));
  const tail = paras.findIndex((p) => /^(?:报|送|抄送)：/.test(p));
  let body = paras.slice(0, firstSection).map(P).join('');
  body += '<text:list text:style-name="L1">';
  let inItems = false;
  for (const p of paras.slice(firstSection, tail < 0 ? undefined : tail)) {
    const section = /^[一二三四五六七八九十]+、(.*)$/.exec(p);
    const item = /^\d+\.\s*(.*)$/.exec(p);
    if (section) {
      if (inItems) body += '</text:list-item></text:list>';
      else if (body.endsWith('</text:p>') && !body.endsWith('L1">')) body += '';
      if (body.includes('<text:list-item>')) body += '</text:list-item>';
      body += `<text:list-item>${P(section[1])}`;
      inItems = false;
    } else if (item) {
      body += inItems ? '</text:list-item>' : '<text:list>';
      body += `<text:list-item>${P(item[1])}`;
      inItems = true;
    } else {
      // A body paragraph: unnumbered, inside the item (or section) it belongs to.
      body += P(p);
    }
  }
  if (inItems) body += '</text:list-item></text:list>';
  body += '</text:list-item></text:list>';
  if (tail >= 0) body += paras.slice(tail).flatMap((p) => p.split('\n')).map(P).join('');
  return wrapFodt(body);
}

function wrapFodt(body) {
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.3" office:mimetype="application/vnd.oasis.opendocument.text">
<office:font-face-decls><style:font-face style:name="Noto Serif CJK SC" svg:font-family="'Noto Serif CJK SC'" xmlns:svg="urn:oasis:names:tc:opendocument:xmlns:svg-compatible:1.0"/></office:font-face-decls>
<office:automatic-styles>
<style:style style:name="P1" style:family="paragraph"><style:text-properties style:font-name-asian="Noto Serif CJK SC" style:font-name="Noto Serif CJK SC" fo:font-size="11pt"/></style:style>
<text:list-style style:name="L1">
<text:list-level-style-number text:level="1" style:num-suffix="、" style:num-format="一, 二, 三, ..."><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="nothing"/></style:list-level-properties></text:list-level-style-number>
<text:list-level-style-number text:level="2" style:num-suffix="." style:num-format="1"><style:list-level-properties text:list-level-position-and-space-mode="label-alignment"><style:list-level-label-alignment text:label-followed-by="space"/></style:list-level-properties></text:list-level-style-number>
</text:list-style>
</office:automatic-styles>
<office:body><office:text>${body}</office:text></office:body></office:document>`;
}

// ---- A small PDF writer: CID text with a non-embedded Adobe font, lines placed by hand.
function pdf(pages) {
  const objects = [];
  const add = (s) => objects.push(s) && objects.length;
  const catalog = add('');
  const pagesObj = add('');
  const font = add('');
  const cidFont = add('');
  const descriptor = add('');
  objects[font - 1] = `<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light-UniGB-UCS2-H /Encoding /UniGB-UCS2-H /DescendantFonts [${cidFont} 0 R] >>`;
  objects[cidFont - 1] = `<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light /CIDSystemInfo << /Registry (Adobe) /Ordering (GB1) /Supplement 4 >> /FontDescriptor ${descriptor} 0 R /DW 1000 >>`;
  objects[descriptor - 1] = '<< /Type /FontDescriptor /FontName /STSong-Light /Flags 6 /FontBBox [-25 -254 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 880 /StemV 93 >>';
  const kids = [];
  for (const lines of pages) {
    let content = '';
    if (lines === null) {
      // No text layer: a grey box where a scanned page's image would be.
      content = '0.8 g 72 72 451 698 re f';
    } else {
      let y = 790;
      content = 'BT /F1 10.5 Tf 14 TL\n';
      for (const line of lines) {
        const hex = [...line].map((c) => c.codePointAt(0).toString(16).padStart(4, '0')).join('');
        content += `1 0 0 1 56 ${y} Tm <${hex}> Tj\n`;
        y -= 16;
      }
      content += 'ET';
    }
    const stream = add(`<< /Length ${Buffer.byteLength(content)} >>\nstream\n${content}\nendstream`);
    kids.push(add(`<< /Type /Page /Parent ${pagesObj} 0 R /MediaBox [0 0 595 842] /Resources << /Font << /F1 ${font} 0 R >> >> /Contents ${stream} 0 R >>`));
  }
  objects[catalog - 1] = `<< /Type /Catalog /Pages ${pagesObj} 0 R >>`;
  objects[pagesObj - 1] = `<< /Type /Pages /Kids [${kids.map((k) => `${k} 0 R`).join(' ')}] /Count ${kids.length} >>`;
  let out = '%PDF-1.4\n%\xe2\xe3\xcf\xd3\n';
  const offsets = [];
  objects.forEach((o, i) => {
    offsets.push(Buffer.byteLength(out, 'latin1'));
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = Buffer.byteLength(out, 'latin1');
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root ${catalog} 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

/** The sample's lines wrapped at a width, as a PDF page prints them (blank lines kept as paragraph breaks). */
function wrap(text, width = 40) {
  const out = [];
  for (const para of text.split('\n')) {
    if (para.trim() === '') {
      out.push('');
      continue;
    }
    for (let i = 0; i < para.length; i += width) out.push(para.slice(i, i + width));
  }
  return out;
}

const tmp = mkdtempSync(join(tmpdir(), 'fixtures-'));
try {
  const source = join(tmp, 'sample-numbered.fodt');
  writeFileSync(source, fodt(sample));
  // The same text with its numbers typed (a DOC's text stream holds no automatic numbers).
  const plain = join(tmp, 'sample-plain.fodt');
  writeFileSync(plain, fodt(sample, false));
  const convert = (file, filter) => execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${tmp}/profile`, '--convert-to', filter, '--outdir', tmp, file], { stdio: 'ignore', timeout: 180000 });
  for (const [ext, filter] of [['docx', 'docx:MS Word 2007 XML'], ['pdf', 'pdf:writer_pdf_Export']]) {
    convert(source, filter);
    copyFileSync(join(tmp, `sample-numbered.${ext}`), join(OUT, `sample-numbered.${ext}`));
  }
  convert(plain, 'doc:MS Word 97');
  copyFileSync(join(tmp, 'sample-plain.doc'), join(OUT, 'sample-plain.doc'));
} finally {
  rmSync(tmp, { recursive: true, force: true });
}

const lines = wrap(sample).filter((l, i, a) => !(l === '' && a[i - 1] === ''));
writeFileSync(join(OUT, 'sample-cid.pdf'), pdf([lines.slice(0, 46), lines.slice(46)]));
// Two pages, the break inside the first item's paragraph.
const cut = lines.findIndex((l) => l.includes('罗振邦')) + 1;
writeFileSync(join(OUT, 'sample-two-pages.pdf'), pdf([[...lines.slice(0, cut), '', '— 1 —'], ['— 2 —', '', ...lines.slice(cut)]]));
writeFileSync(join(OUT, 'scanned.pdf'), pdf([null, null]));

// ---- Web pages.
const items = sample.split('\n').filter((l) => /^\d\. /.test(l));
const para = (title) => {
  const all = sample.split('\n');
  const at = all.findIndex((l) => l.includes(title));
  return all.slice(at + 1).find((l) => l.trim().length > 0);
};
const first = items[0].replace(/^\d\. /, '');
const page = `<!DOCTYPE html>
<html><head><meta http-equiv="Content-Type" content="text/html; charset=gb2312">
<title>${esc(first)}-青岚大学新闻网</title>
<meta name="PubDate" content="2025-06-04 09:30">
<style>.nav li{display:inline}</style><script>var visits = 0; document.write("<p>广告</p>");</script></head>
<body>
<div class="header"><div class="logo">青岚大学新闻网</div>
<ul class="nav"><li><a href="/">首页</a></li><li><a href="/xw">学校要闻</a></li><li><a href="/mt">媒体青岚</a></li><li><a href="/tz">通知公告</a></li></ul></div>
<div class="position">当前位置：<a href="/">首页</a> &gt; <a href="/xw">学校要闻</a> &gt; 正文</div>
<div class="main">
<div class="sidebar"><h3>热点新闻</h3><ul><li><a href="/a1">青岚大学举办2025年校园开放日</a></li><li><a href="/a2">青岚大学召开教学工作会议</a></li><li><a href="/a3">青岚大学获批两项国家级项目</a></li></ul></div>
<div class="article">
<h1 class="title">${esc(first)}</h1>
<div class="info">发布时间：2025-06-04&nbsp;&nbsp;来源：地方合作处&nbsp;&nbsp;浏览次数：<span id="hits">312</span></div>
<div class="content" id="vsb_content">
<p style="text-indent:2em">${esc(para(first))}</p>
<p style="text-indent:2em">双方表示，将以此次签约为起点，推动合作项目尽快落地。</p>
<p style="text-align:center"><img src="/img/qr.jpg" alt="签约现场"></p>
<p style="text-align:center">签约现场</p>
</div>
<div class="share">分享到：<a href="#">微信</a> <a href="#">微博</a></div>
<div class="prevnext"><p>上一篇：<a href="/p">青岚大学召开教学工作会议</a></p><p>下一篇：<a href="/n">青岚大学举办校友论坛</a></p></div>
</div></div>
<div class="footer"><p>版权所有 &copy; 2025 青岚大学 地址：云栖市学府路1号 邮编：650000</p><p>滇ICP备00000000号</p></div>
</body></html>
`;
writeFileSync(join(OUT, 'university-gb2312.html'), iconv.encode(page, 'gb2312'));

const second = items[2].replace(/^\d\. /, '');
const wechat = `<!DOCTYPE html>
<html><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<meta property="og:title" content="${esc(second)}">
<title>${esc(second)}</title></head>
<body id="activity-detail" class="zh_CN">
<div class="rich_media_inner"><div id="page-content">
<h1 class="rich_media_title" id="activity-name">
  ${esc(second)}
</h1>
<div id="meta_content" class="rich_media_meta_list">
<span class="rich_media_meta rich_media_meta_text">青岚大学地方合作处</span>
<span class="rich_media_meta rich_media_meta_nickname" id="profileBt"><a id="js_name">青岚合作</a></span>
<em id="publish_time" class="rich_media_meta rich_media_meta_text"></em>
</div>
<div class="rich_media_content js_underline_content" id="js_content" style="visibility: hidden;">
<section><p><span>${esc(para(second))}</span></p></section>
<section><p><span>双方表示，实验室将面向行业开放共享。</span></p></section>
<p><img data-src="https://example.invalid/x.png"></p>
</div>
<div id="js_pc_qr_code"><p>微信扫一扫<br>关注该公众号</p></div>
</div></div>
<script>var ct = "1750208400"; var nickname = "青岚合作"; var publish_time = "2025-06-18" || "";</script>
</body></html>
`;
writeFileSync(join(OUT, 'wechat.html'), wechat);
console.log('fixtures/inputs: written');
