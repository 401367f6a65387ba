/** Agreement words: the endings of an agreement's name and the kind table (SCHEMA). */
import type { AgreementKind } from '../schema/index.js';

/** An agreement's name ends with one of these (matched on the simplified view). */
export const AGREEMENT_ENDINGS = ['协议书', '协议', '协定', '合同书', '合同', '意向书', '备忘录'];

/** First rule whose word the text contains decides the kind. */
export const AGREEMENT_KINDS: Array<[AgreementKind, string]> = [
  ['memorandum', '备忘录'],
  ['strategic', '战略'],
  ['framework', '框架'],
  ['co-construction', '共建'],
  ['investment', '投资'],
  ['service', '服务'],
  ['cooperation', '合作'],
];

export function agreementKind(simplified: string): AgreementKind {
  for (const [kind, word] of AGREEMENT_KINDS) if (simplified.includes(word)) return kind;
  return 'other';
}

/** Words after which an agreement's name begins (`签署`, `根据` …), read backwards from its ending. */
export const AGREEMENT_OPENERS = [
  '签署了', '签署', '签订了', '签订', '签约', '签下', '达成了', '达成', '草签', '续签', '举行了', '举行', '举办', '开展', '进行了', '进行', '根据', '按照', '依据', '依照', '通过了', '通过',
  '审议', '以', '就', '与', '和', '及', '同', '为', '了', '是', '将', '把', '对', '在', '的', '由', '之间', '暨', '并', '会上', '仪式上', '活动中', '期间',
];

/** Leading determiners that are not part of the name (`相关合作协议` → `合作协议`). */
export const AGREEMENT_DETERMINERS = ['一系列', '系列', '上述', '相关', '有关', '这份', '这项', '多项', '多份', '两份', '两项', '三项', '该', '此', '一份', '份', '项', '各项'];

/** Institution endings: platforms founded, co-built or unveiled. */
export const INSTITUTION_ENDINGS = ['研究院', '研究中心', '研究所', '实验室', '实验基地', '基地', '中心', '学院', '平台', '工作站', '联盟', '孵化器', '创新园', '产业园', '智库', '书院', '实验学校', '附属学校', '职业学校', '技工学校', '外国语学校', '中学', '小学', '幼儿园', '医院'];

/**
 * Two-character words holding a one-character connector or particle
 * (`协同`, `共同`, `作为`, `对接` …): inside them the character opens nothing.
 */
export const COMPOUNDS_WITH_PARTICLES = new Set([
  '协同', '共同', '不同', '会同', '相同', '认同', '同步', '同时', '作为', '成为', '为期', '以及', '可以', '所以', '予以', '以上', '以下', '对接', '针对',
  '面对', '对口', '现在', '正在', '存在', '在线', '即将', '将来', '了解', '为了', '就业', '成就', '造就', '平和', '共和', '和谐', '是否', '总是', '由于',
  '理由', '自由', '并购', '合并', '及时', '普及', '涉及', '以来', '的确', '目的',
  '中和', '结对', '配对', '对外', '对标', '对应', '绝对', '相对', '同城', '同行', '同类', '和平', '将军', '为民', '为本', '在职', '在校', '在读',
]);

/** Is the one-character word ending at `end` part of a compound with its neighbour? */
export function insideCompound(view: string, end: number): boolean {
  return COMPOUNDS_WITH_PARTICLES.has(view.slice(end - 2, end)) || COMPOUNDS_WITH_PARTICLES.has(view.slice(end - 1, end + 1));
}
