/** Words that mark layout: briefing names, credit and meta labels, recipients. Data, not rules. */

/** A masthead title ends with one of these (工作简报, 高校动态, 信息专报 …). */
export const BRIEFING_TITLE_ENDINGS = [
  '简报', '动态', '快讯', '通讯', '资讯', '专报', '周报', '月报', '旬报', '信息', '要闻', '简讯', '通报', '参考', '专刊', '增刊', '摘编', '汇编', '内参', '情况', '工作交流',
];

/** Section names that stand alone as a heading line, without numbering or brackets. */
export const SECTION_NAMES = [
  '校地合作', '政校合作', '校政合作', '校市合作', '校企合作', '产学研合作', '产教融合', '校际合作', '院校合作', '校区及学院工作动态', '学院工作动态', '学院动态', '校区动态', '院系动态',
  '典型案例', '案例分享', '经验做法', '他山之石', '兄弟高校动态', '高校动态', '高校经验', '工作动态', '合作动态', '要闻', '简讯', '信息速递', '动态速递',
];

/** Labels of publication/meta lines at the head of a web article. */
export const META_LABELS = [
  '发布时间', '发布日期', '发稿时间', '更新时间', '时间', '日期', '作者', '点击数', '点击', '浏览次数', '浏览', '阅读', '阅读量', '字号', '访问量', '发布者', '发布人', '发布', '文章来源', '所属栏目', '栏目',
];

/** Labels of credit lines: the people behind the text, not in it. */
export const CREDIT_LABELS = [
  '撰稿', '撰文', '审核', '审稿', '审校', '编辑', '责编', '责任编辑', '校对', '摄影', '摄像', '摄', '文', '图', '文字', '图片', '图文', '投稿', '供稿', '初审', '复审', '终审', '签发', '核稿', '编审', '通讯员', '记者', '来稿', '一审', '二审', '三审',
];

/** Source labels: `（摘编来源：…）`, `来源：…`. */
export const SOURCE_LABELS = ['摘编来源', '信息来源', '稿件来源', '文章来源', '新闻来源', '来源', '摘自', '转自', '转载自', '摘编自'];

/** Recipient labels of the closing lines, mapped to the field they fill. */
export const RECIPIENT_LABELS: Array<[string, 'to' | 'cc']> = [
  ['主送', 'to'],
  ['报送', 'to'],
  ['呈送', 'to'],
  ['报', 'to'],
  ['送', 'to'],
  ['发', 'to'],
  ['抄送', 'cc'],
  ['抄报', 'cc'],
  ['分送', 'cc'],
  ['印发', 'cc'],
];

/** Openers of a news lead: a line starting so begins a body, never continues a title. */
export const LEAD_OPENERS = ['本网讯', '本报讯', '本刊讯', '本站讯', '新华社', '近日，', '日前，', '近期，', '据悉，', '据了解，'];

/** Publisher lines carry an office word. */
export const PUBLISHER_WORDS = ['办公室', '办公厅', '合作发展部', '部', '处', '中心', '委员会', '编辑部', '编印', '主办', '编', '印发', '研究院', '研究所', '研究室', '秘书处', '联络处', '学会', '协会'];

/** Lines that belong to the masthead without being its fields. */
export const MASTHEAD_NOISE = ['内部资料', '注意保存', '内部刊物', '仅供参考', '请勿外传', '秘密', '机密', '目录', '目 录', '本期导读', '本期要目'];

/** Words of a web page's controls: font size, share, scan, print, counters. */
export const WIDGET_WORDS = [
  '字号', '字体', '大字', '中字', '小字', '大中小', '大', '中', '小', '默认', '选择', '打印', '打印本页', '关闭', '关闭窗口', '分享', '分享到', '收藏', '扫描', '二维码',
  '扫一扫', '扫码', '微信', '微博', '朋友圈', '空间', '浏览', '浏览量', '浏览次数', '阅读', '阅读量', '阅读数', '点击', '点击数', '点击量', '次数', '评论', '点赞', '转发',
  '我来说两句', '返回', '顶部', '返回顶部', '复制链接', '链接', '手机版', '放大', '缩小', '在看', '播放', '访问量', '人次', '次', '用', '到', '本页', '原文', '查看',
];

/** Labels of the boilerplate around a web article: copyright, notices, contacts, the original headline. */
export const BOILERPLATE_LABELS = [
  '版权声明', '免责声明', '特别声明', '声明', '原文链接', '本文链接', '联系电话', '联系方式', '电话', '传真', '地址', '邮编', '邮箱', '电子邮箱',
  'E-mail', 'Email', 'Notice', 'Disclaimer', '网站地图', '技术支持', '备案号',
];
