/**
 * Organization words: the endings that close an organization's name, with the
 * party type each one implies, and the words of cooperation that make the
 * organizations around them sides of it. General words only.
 */
import type { PartyType } from '../schema/index.js';
import { onLexicon } from './user.js';

/** Name endings, longest first when matched. `strong` endings decide the type; place endings only when nothing stronger is present. */
export const ORG_SUFFIXES: Array<{ word: string; type: PartyType; strong: boolean }> = [
  ...['大学', '学院', '校区', '学校', '中学', '小学', '职业技术学院', '党校', '分校', '书院', '附属医院', '学部', '研究生院', '系', '党支部', '党总支'].map((word) => ({ word, type: 'university' as PartyType, strong: true })),
  ...['人民政府', '政府', '市委', '省委', '区委', '县委', '州委', '党委', '党工委', '政法委', '教委', '卫健委', '卫生健康委', '发改委', '工信委', '科委', '管委会', '委员会', '人大', '政协', '厅', '局', '法院', '检察院', '公安局', '办公室', '办公厅', '部', '署', '高新区', '开发区', '示范区', '新区', '自贸区', '保税区', '功能区', '片区', '园区管委会', '街道', '办事处', '海关', '总队', '支队', '军区', '领导小组'].map((word) => ({ word, type: 'government' as PartyType, strong: true })),
  ...['有限责任公司', '股份有限公司', '有限公司', '分公司', '子公司', '公司', '集团', '银行', '分行', '支行', '工行', '中行', '建行', '农行', '厂', '事务所', '交易所', '证券', '保险', '信托', '基金', '控股', '实业', '电力', '电网', '供电公司', '传媒', '出版社', '报社', '电视台', '机构'].map((word) => ({ word, type: 'enterprise' as PartyType, strong: true })),
  ...['医院', '卫生院', '妇幼保健院', '疾控中心', '中心医院'].map((word) => ({ word, type: 'hospital' as PartyType, strong: true })),
  ...['研究院', '研究所', '科学院', '工程院', '社科院', '实验室', '研究中心', '工研院', '产研院', '技术中心', '设计院', '研究会', '院所'].map((word) => ({ word, type: 'research' as PartyType, strong: true })),
  ...['学会', '协会', '联合会', '商会', '基金会', '促进会', '联盟', '侨联', '科协', '工会', '妇联', '团委', '学联', '研究会', '总工会', '文联', '社科联', '残联', '工商联'].map((word) => ({ word, type: 'association' as PartyType, strong: true })),
  // people's congresses and their standing committees, supervisory commissions
  ...['常委会', '监委', '纪委监委'].map((word) => ({ word, type: 'government' as PartyType, strong: true })),
  ...['疾病预防控制中心', '卫生服务中心', '急救中心'].map((word) => ({ word, type: 'hospital' as PartyType, strong: true })),
  ...['产业园', '工业园', '科技园', '园区', '基地', '中心', '博物馆', '图书馆', '纪念馆', '馆', '站', '台'].map((word) => ({ word, type: 'other' as PartyType, strong: false })),
  // Offices and units (`对外联络处`, `创新管理部`, `港澳工作办公室`): a university's own unless a place or government heads them (see orgType).
  ...['处', '办', '科', '室'].map((word) => ({ word, type: 'university' as PartyType, strong: false })),
  // Firms named by their trade (`新时代药业`, `某某科技`): weak, they end a name only where the text closes it.
  ...['药业', '制药', '医药', '科技', '股份', '实业', '控股', '能源', '电子', '电气', '汽车', '物流', '传媒', '文旅', '置业', '地产', '化工', '钢铁', '机械', '重工', '建工', '航空', '通信', '软件', '网络', '信息技术', '生物', '新材料'].map((word) => ({ word, type: 'enterprise' as PartyType, strong: false })),
  // Short forms of universities (`湖北工业职院`): the first character and 大 are read apart (see shortFormAt).
  ...['职院', '师院', '职大'].map((word) => ({ word, type: 'university' as PartyType, strong: true })),
  ...['省', '市', '区', '县', '州', '镇', '乡', '村', '盟', '旗'].map((word) => ({ word, type: 'government' as PartyType, strong: false })),
];

/** Words of cooperation: a list of organizations next to one of these are the sides of it. */
export const COOPERATION_WORDS = [
  '签署', '签订', '签约', '共建', '合作', '联办', '主办', '承办', '协办', '联合', '携手', '战略', '座谈', '对接', '协议', '备忘录', '共同', '共建共享', '结对', '共商', '共促',
  '深化', '推进', '续签', '达成', '洽谈', '会谈', '会商', '联席', '校地', '校企', '院企', '政校', '校政', '产学研', '产教', '牵头', '决定', '依托', '建立', '成立', '开展', '举行',
  '召开', '举办', '走进', '联动', '交流', '共享',
];

/** Verbs of a visit: what follows is the visited side (`赴B`, `一行来B`). */
export const VISIT_VERBS = ['前往', '走进', '走访', '拜访', '拜会', '赴', '到', '来到', '来'];

/** Words that end a visited place (`赴滨州开展…`, `到法学院进行…`). */
export const VISIT_STOPS = [
  '开展', '进行', '调研', '考察', '交流', '对接', '走访', '座谈', '参观', '推进', '洽谈', '看望', '慰问', '签署', '签订', '召开', '举行', '举办', '参加', '出席', '学习', '访问',
  '拜访', '拜会', '会见', '会谈', '实地', '专题', '在', '推介', '活动', '商谈', '洽商', '指导', '检查', '视察', '就', '共商', '深化', '开会', '参会', '作', '做', '进一步', '等地', '等单位', '等企业', '等', '，', '。', '；',
];

/** Event verbs whose subject, at the head of a clause, is a side (`清华大学举行…`). */
export const HOST_VERBS = ['举行', '召开', '举办', '联办', '主办', '承办', '签署', '签约', '签订'];

/** What may follow an organization's name for the name to end there. */
export const ORG_FOLLOWERS = [
  '与', '和', '及', '同', '、', '，', '。', '；', '：', '携手', '联合', '—', '-', '共', '签', '举行', '召开', '举办', '在', '赴', '到', '来', '走进', '一行', '代表', '的', '将', '主办',
  '承办', '协办', '联办', '牵头', '决定', '推进', '深化', '开展', '进行', '战略', '合作', '校地', '校企', '院企', '产学研', '新一轮', '分别', '等', '）', '”', '相关', '达成', '成立',
  '续签', '就', '启动', '先后', '互访', '交流', '对接', '座谈', '会谈', '洽谈', '共同', '联合', '三方', '双方', '举办',
];

/** How a briefing names its own side: a party in its own right (`我校与东山市签署…`). */
export const SELF_NAMES: Array<{ word: string; type: PartyType }> = [
  ...['我校', '本校', '学校', '我院', '本院', '我所', '我单位'].map((word) => ({ word, type: 'university' as PartyType })),
  ...['我市', '本市', '我省', '本省', '我区', '本区', '我县', '本县'].map((word) => ({ word, type: 'government' as PartyType })),
];

// A user lexicon's unit endings close names as the listed ones do (registered first: the indexes built from this list follow).
onLexicon((l) => ORG_SUFFIXES.push(...l.units));
