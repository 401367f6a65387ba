/**
 * The shapes of personal names: general knowledge about Chinese surnames and
 * the characters of transliterated foreign names. No name of anyone in
 * particular: a person is found by these shapes and the evidence around them.
 */

/**
 * Single-character surnames in common use (the published frequency lists of
 * Chinese surnames, about the five hundred most frequent). Those that are far
 * more often a word of their own are kept apart in WEAK_SURNAMES.
 */
export const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶艾尤牟穆卓古吉缪简车芦麦褚娄窦戚岑景宫费卜冷晏卫米柏宗瞿桂全佟臧闵苟邬卞姬仇栾隋刁沙巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封鞠惠荆冀郁胥储栗燕楚鄢谌奚皮粟冼蔺楼闻厉伊仝满郜阚帅屠朴盖廉禹祖漆狄芮扈晁阙浦戈伏鹿薄邸雍辜裘亓邰赫杭况逯茹亢嵇湛戎勾茅於檀昝缑寿雒訾揭綦璩洪傅赖萧阎钮滑荀羿汲邴糜弓隗宓郗仰暴束怀鄂咸籍苍贡逄扶堵宰郦濮郏习宦鱼慎庾步弘匡殳沃蔚越夔须巢蒯竺权桓贝应荣谈关查危韶容牧党昌幸居衡都禄隆师融乜养丰红益练郇佴闾臧糜邗邓阴苻蓬宿訾晋扬冶那乐原司双欧官';

/**
 * Surnames that are also common words (`和`, `由`, `向`, `党`, `都`): a name with
 * one needs firm evidence on both sides (an office before it, a verb after it).
 */
export const WEAK_SURNAMES = '和由向项单席时能从才种门水东信国广利相后公区全常平路花春秋冬雪云风雨海洋强伟军关查危容牧荣谈党昌幸居衡都禄隆师融养丰红益练原司双乐那官晋阴宿扬';

/** Two-character surnames. */
export const COMPOUND_SURNAMES = [
  '欧阳', '司马', '上官', '诸葛', '东方', '皇甫', '尉迟', '公孙', '长孙', '宇文', '司徒', '夏侯', '慕容', '令狐', '端木', '南宫', '澹台', '钟离', '百里', '呼延', '独孤', '轩辕',
  '申屠', '闻人', '万俟', '西门', '东郭', '公冶', '太叔', '宗政', '濮阳', '淳于', '单于', '赫连', '左丘', '梁丘', '巫马', '拓跋',
];

/**
 * Characters of transliterated foreign names (`奥巴马`, `克里斯·莫瑞斯`, `阿特金森`):
 * a run of them, with strong evidence around it, is a name.
 */
export const TRANSLIT =
  '阿埃艾爱安昂奥巴拜班邦保贝本比彼毕别波伯博布查达戴丹道德迪蒂丁杜敦多厄恩尔法凡范菲费芬丰佛夫弗福盖甘冈高戈哥格根古瓜哈海汉豪赫亨洪胡华怀霍基吉纪加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里利莉丽列林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密明摩莫墨默姆穆拿纳娜奈南内尼妮涅宁纽努诺欧帕潘庞佩彭皮平普奇齐契乔切琼丘屈萨塞赛桑瑟森沙莎善尚舍圣施什史舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温文翁沃乌武西希锡夏谢辛休修徐雅亚延扬耶叶伊依尤于约詹兹佐泽卓茨科拉瑞娅奥朗';

/** The dots that join the parts of a transliterated name. */
export const NAME_DOTS = '·•・‧';
