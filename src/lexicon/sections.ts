/** Section kinds by heading words, first match wins (most specific first). */
import type { SectionKind } from '../schema/index.js';
import { onLexicon } from './user.js';

export const SECTION_RULES: Array<[SectionKind, RegExp]> = [
  ['university-government', /校地|政校|校政|地校|校市|市校|校省|省校|政府合作|地方合作|服务地方/],
  ['university-enterprise', /校企|企校|产学研|产教|银校|校银|院企|企业合作/],
  ['inter-university', /校际|校校|院校合作|兄弟院校/],
  ['campus-college', /校区|学院|院系|部门工作|基层/],
  ['case-study', /典型案例|案例|经验做法|典型经验/],
  ['peer-practice', /他山之石|兄弟高校|外校|高校经验|借鉴/],
  ['news', /动态|资讯|新闻|快讯|要闻|简讯|短讯|时讯|信息|速递|推送|播报|掠影|一览|概览|要览|纵览|综述|热点|视点/],
];

export function sectionKind(heading: string): SectionKind {
  for (const [kind, re] of SECTION_RULES) if (re.test(heading)) return kind;
  return 'other';
}

// A user lexicon's headings come first: they are the office's own names for its sections.
onLexicon((l) => {
  const escape = (w: string) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  for (const [word, kind] of [...l.sections].reverse()) SECTION_RULES.unshift([kind, new RegExp(escape(word))]);
});
