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
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔汤常温康施文牛樊葛邢安齐易乔伍庞颜倪庄聂章鲁岳翟殷詹申欧耿兰焦俞左柳甘祝包宁尚符舒阮柯纪梅童凌毕季裴霍涂成苗谷盛曲翁冉骆蓝路游辛靳管柴蒙鲍华喻祁蒲房滕屈饶艾尤牟穆卓古吉缪简车芦麦褚娄窦戚岑景宫费卜冷晏卫米柏宗瞿桂全佟臧闵苟邬卞姬仇栾隋刁沙巫寇桑郎甄丛仲虞敖巩佘池麻苑迟邝封鞠惠荆冀郁胥储栗燕楚鄢谌奚皮粟冼蔺楼闻厉伊仝满郜阚帅屠朴盖廉禹祖漆狄芮扈晁阙浦戈伏鹿薄邸雍辜裘亓邰赫杭况逯茹亢嵇湛戎勾茅於檀昝缑寿雒訾揭綦璩洪傅赖萧阎钮滑荀羿汲邴糜弓隗宓郗仰暴束怀鄂咸籍苍贡逄扶堵宰郦濮郏习宦鱼慎庾步弘匡殳沃蔚越夔须巢蒯竺权桓贝应荣谈关查危韶容牧党昌幸居衡都禄隆师融乜养丰红益练郇佴闾臧糜邗邓阴苻蓬宿訾晋扬冶那乐原司双欧官边';

/**
 * Surnames that are also common words (`和`, `由`, `向`, `党`, `都`): a name with
 * one needs firm evidence on both sides (an office before it, a verb after it).
 */
export const WEAK_SURNAMES = '和由向项单席时能从才种门水东信国广利相后公区全常平路花春秋冬雪云风雨海洋强伟军关查危容牧荣谈党昌幸居衡都禄隆师融养丰红益练原司双乐那官晋阴宿扬开宣解连揭';

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
  '阿埃艾爱安昂奥巴拜班邦保贝本比彼毕别波伯博布查达戴丹道德迪蒂丁杜敦多厄恩尔法凡范菲费芬丰佛夫弗福盖甘冈高戈哥格根古瓜哈海汉豪赫亨洪胡华怀霍基吉纪加贾杰捷金卡凯坎康考柯科克肯库夸奎昆拉莱赖兰朗劳勒雷蕾黎里利莉丽列林琳卢鲁路伦罗洛马玛迈麦曼梅门蒙米密明摩莫墨默姆穆拿纳娜奈南内尼妮涅宁纽努诺欧帕潘庞佩彭皮平普奇齐契乔切琼丘屈萨塞赛桑瑟森沙莎善尚舍圣施什史舒斯松苏索塔泰坦汤唐特提图托瓦万旺威韦维温文翁沃乌武西希锡夏谢辛休修徐雅亚延扬耶叶伊依尤于约詹兹佐泽卓茨科拉瑞娅奥朗顿登滕瑙茹绍扎策岑措贡缪斐';

/** The dots that join the parts of a transliterated name. */
export const NAME_DOTS = '·•・‧';

/**
 * Characters common in Chinese given names (general frequency knowledge, no
 * one's name): where the words around a name say little, a reading made of
 * these is the likelier one (`柯鹏|密谋`, not `柯鹏密|谋`).
 */
export const GIVEN_CHARS =
  '伟芳娜秀敏静丽强磊军洋勇艳杰娟涛明超霞平刚桂英华玉兰文斌宇浩凯健俊帆帅旭宁龙林欣佳鹏飞雪梅丹玲萍红燕彬鑫晨辉波峰亮成东海建国民永志新光春金小晓婷莉琳慧倩瑶怡雯颖晶蕾璐露媛婕薇琦琪茜菲岩松柏森鸿博睿哲涵泽轩昊然翔毅鸣锋铭嘉德福荣昌盛兴旺祥瑞贵康安乐顺庆喜泰宏伦家振天立力忠义礼智信仁达远思学云山江河川石坤培宝珍珠琴诗锦绣雅清洁悦欢朗阳晖耀彩虹艺韵馨香芬芝荷莲菊竹樱柳桃杏梦婉娇姗姝妍婵嫣娥妹姣翠凤鹃莺鹤彪虎豹骏驰腾跃奇卓越群豪雄壮威武锐剑岭峻崇嵩岚峥嵘岳昆仑衡恒久长广厚坚诚朴善美纯冰霖霏霓晴曦辰灿炜炳烨焕熙照昭曙昕晞昀晗晟昱晔暄煦桐楠樟桦杉枫杨槐棠梓楷范章翼鹄凰麟骐骥驹鹿雁鸥鹭鸾雀鹊鸽才聪捷灵巧念孝廉勤俭宽容谦让恭敬友睦进步繁富卫兵栋梁贤良淑惠娴贞珊瑚琼琅珑瑾瑜璋璇璞瑄琛琨瑛琰琮玮珂珏珩祯祺禧禄祉弘淼渊源泉泓澄湛沛润澜潮汇溪潭洲岛峦嶂碧青蓝紫彤赤朱银铜钢钦钧铎钰鉴键景晋劲京经靖玖举巨聚君均浚竣郡正中少士世仕兆元亨利吉意秋冬夏雨霜电风月星日彦宾滨丙秉昶畅朝承城程传淳丛存道迪典定斗端敦多尔凡方斐丰佛夫甫高戈革歌格庚耿功珙贡谷固冠归果含汉翰杭航皓禾和合赫洪怀徽甲姜蛟今谨精井镜九卡开柯克阔雷黎理连凌隆鲁路纶罗洛曼茂萌蒙默木慕凝佩品溥启起乾潜乔卿求全任若尚绍升生胜圣实寿书舒树双舜朔斯颂素肃坦滔添田铁庭廷通童图拓万维蔚闻沃舞希显献向效笑心修萱勋恂逊亚延扬尧业叶伊依仪宜亦奕益谊莹影咏优悠佑羽育煜裕毓园苑芸允蕴增展占彰真征政致钟舟子宗祖尊左';
