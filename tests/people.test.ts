/**
 * The forms of the people issue (issue 13), on sentences of our own about
 * invented people: names and titles asserted exactly, negatives included.
 */
import { describe, expect, it } from 'vitest';
import { extractBriefing } from '../src/core.js';

/** The people of a one-record text as `title name` (∅ for no title). */
function people(text: string): string[] {
  const doc = extractBriefing(text);
  expect(doc.records).toHaveLength(1);
  return doc.records[0]!.people.map((p) => `${p.title ?? '∅'} ${p.name}`);
}

describe('1. an office or honorific after the name', () => {
  it('is evidence of a name; the title stays what is printed before it', () => {
    expect(people('苗立新主席在会上讲话。')).toEqual(['∅ 苗立新']);
    expect(people('会后，柯远航院长带领师生参观了实验室。')).toEqual(['∅ 柯远航']);
    expect(people('骆晓燕教授介绍了项目进展。')).toEqual(['∅ 骆晓燕']);
    expect(people('东岭大学校长祁文博先生出席。')).toEqual(['东岭大学校长 祁文博']);
  });
});

describe('2. offices by their morphology', () => {
  it('reads offices no list holds', () => {
    expect(people('南港国副总理阿尔诺·韦斯会见了代表团。')).toEqual(['南港国副总理 阿尔诺·韦斯']);
    expect(people('北湖区教育局一级巡视员詹一鸣出席活动。')).toEqual(['北湖区教育局一级巡视员 詹一鸣']);
    expect(people('东岭大学教务长蓝海鹰主持会议。')).toEqual(['东岭大学教务长 蓝海鹰']);
    expect(people('海川集团首席设计师卜青云介绍了方案。')).toEqual(['海川集团首席设计师 卜青云']);
  });
});

describe('3. what follows a name', () => {
  it('takes a time, an adverb, a verb of telling', () => {
    expect(people('部长伍思远16日在南港表示，双方将加强合作。')).toEqual(['部长 伍思远']);
    expect(people('邢立秋今天下午来到东岭大学。')).toEqual(['∅ 邢立秋']);
    expect(people('据介绍，戚明哲曾多次到访南港。')).toEqual(['∅ 戚明哲']);
    expect(people('滕晓鸥告诉记者，合作进展顺利。')).toEqual(['∅ 滕晓鸥']);
  });
});

describe('4. names away from a clause head', () => {
  it('reads names in a list closed by 等', () => {
    expect(people('大会授予芮晓光、龚雨晴等20名个人“优秀校友”称号。')).toEqual(['∅ 芮晓光', '∅ 龚雨晴']);
    expect(people('双方为柏文涛、邬佳琪等10位学生颁发了奖学金。')).toEqual(['∅ 柏文涛', '∅ 邬佳琪']);
  });
});

describe('5. name shapes', () => {
  it('reads uncommon surnames, compound surnames and dotted names', () => {
    expect(people('东岭大学副校长荣思齐、谈一帆出席。')).toEqual(['东岭大学副校长 荣思齐', '东岭大学副校长 谈一帆']);
    expect(people('南港市市长欧阳明远会见了来宾。')).toEqual(['南港市市长 欧阳明远']);
    expect(people('北欧理工学院院长安德斯·尼尔松在签约前致辞。')).toEqual(['北欧理工学院院长 安德斯·尼尔松']);
  });

  it('has no name in a surname with 先生, a theory named after a person, a byline', () => {
    expect(people('王先生表示，合作很有意义。')).toEqual([]);
    expect(people('会议深入学习邓小平理论和重要讲话精神。')).toEqual([]);
    expect(people('东岭日报讯（记者 韩晓东 通讯员 米乐）6月3日，东岭大学与南港市签署合作协议。')).toEqual([]);
  });
});

describe('6. a failed name does not end a list', () => {
  it('goes on past an item that is no name', () => {
    expect(people('出席仪式的有东岭大学校长郁新华，南港市副市长封立、海川集团董事长甄远。')).toEqual([
      '东岭大学校长 郁新华',
      '南港市副市长 封立',
      '海川集团董事长 甄远',
    ]);
  });
});

describe('7. titles start where the office starts', () => {
  it('not at the clause start', () => {
    expect(people('旁边那位是海川集团经理仲夏。')).toEqual(['海川集团经理 仲夏']);
    expect(people('我们首先掌声有请蓝岸科技总监车一鸣。')).toEqual(['蓝岸科技总监 车一鸣']);
    expect(people('记者致电星港物流公司副总经理管晓宁。')).toEqual(['星港物流公司副总经理 管晓宁']);
  });

  it('never across another person', () => {
    expect(people('郁校长(左二)和南港大学党委书记尚元出席。')).toEqual(['南港大学党委书记 尚元']);
  });

  it('keeps a leading function character that belongs to the name', () => {
    expect(people('同济理工大学党委书记齐远出席。')).toEqual(['同济理工大学党委书记 齐远']);
    expect(people('东岭大学对外联络处处长甘露主持。')).toEqual(['东岭大学对外联络处处长 甘露']);
  });
});

describe('roles by their ending', () => {
  it('reads a role word before a name (…员, …师, …家, …者, …官, …客)', () => {
    expect(people('南港社区调解员蒲秋月多次上门。')).toEqual(['南港社区调解员 蒲秋月']);
    expect(people('球队体能师范立群介绍了训练计划。')).toEqual(['球队体能师 范立群']);
    expect(people('著名鉴赏家葛一舟认为这件作品很珍贵。')).toEqual(['著名鉴赏家 葛一舟']);
    expect(people('东岭机场签证官岑晓天表示欢迎。')).toEqual(['东岭机场签证官 岑晓天']);
  });

  it('reads no role in words that end so and are none', () => {
    expect(people('把温暖送到千家万户。')).toEqual([]);
    expect(people('石家庄市住房保障局副局长柴明出席。')).toEqual(['石家庄市住房保障局副局长 柴明']);
    expect(people('公司在商谈转化事宜。')).toEqual([]);
  });
});

describe('where a three-character reading ends', () => {
  it('leaves an adverb or a verb after a two-character name to the clause', () => {
    expect(people('海川集团主管韩彬却认为价格偏高。')).toEqual(['海川集团主管 韩彬']);
    expect(people('南港队主帅罗伦继续留在场边指挥。')).toEqual(['南港队主帅 罗伦']);
    expect(people('市场成交量继续上涨。')).toEqual([]);
  });

  it('keeps a character that opens words when punctuation follows it', () => {
    expect(people('东岭商会秘书长吴中一：今年市场平稳。')).toEqual(['东岭商会秘书长 吴中一']);
  });

  it('reads the surname again with an honorific as the same person addressed', () => {
    expect(people('星港留学中心总监孙晶孙女士介绍了情况。')).toEqual(['星港留学中心总监 孙晶']);
    expect(people('蓝岸科技主任程晓林教授介绍了情况。')).toEqual(['蓝岸科技主任 程晓林']);
  });
});

describe('transliterations and roles of people', () => {
  it('reads transliterations ending in the usual characters (…顿, …登, …斐)', () => {
    expect(people('北陆国总统阿什顿19日宣布将出席论坛。')).toEqual(['北陆国总统 阿什顿']);
    expect(people('今年阿什顿总统将访问东岭。')).toEqual(['∅ 阿什顿']);
  });

  it('reads roles ending in 人 that name a person (发明人, 创办人, 召集人)', () => {
    expect(people('据悉，拼音输入法发明人孙立民教授领导的公司上市。')).toEqual(['拼音输入法发明人 孙立民']);
    expect(people('东岭读书会召集人邝雨桐主持。')).toEqual(['东岭读书会召集人 邝雨桐']);
  });
});

describe('words around a name that looked like something else', () => {
  it('reads 家 after a surname that follows an office as a given name, not a role', () => {
    expect(people('南港航运集团总裁魏家福11月曾表示，航线将增加。')).toEqual(['南港航运集团总裁 魏家福']);
  });

  it('takes a coverb whose clause has a verb even before a word opening with a transliteration character', () => {
    expect(people('此后，祁明渝向多家媒体表示，合作顺利。')).toEqual(['∅ 祁明渝']);
  });

  it('takes a weekday or 公布 after a name', () => {
    expect(people('南港队主帅布朗周二对记者说，球队状态很好。')).toEqual(['南港队主帅 布朗']);
    expect(people('北湖队主教练勒夫公布了名单。')).toEqual(['北湖队主教练 勒夫']);
  });
});

describe('a name as the owner of a thing a verb takes', () => {
  it('reads a name with its office after a verb that takes things (落实…讲话精神)', () => {
    expect(people('会上，双方表示要贯彻落实宁近平总书记重要讲话精神。')).toEqual(['∅ 宁近平']);
  });

  it('reads none where no office follows', () => {
    expect(people('双方取得丰硕成果。')).toEqual([]);
  });
});

describe('长 that opens an adjective', () => {
  it('ends no office in 长期, 长远 (区长期以来 is no 区长)', () => {
    expect(people('王明对石湾区长期以来的支持表示感谢。')).toEqual(['∅ 王明']);
  });
});

describe('offices joined to one person', () => {
  it('reads an office before 及 as one more office of the person, and a surname with an office as no name', () => {
    expect(people('东岭大学校长及讲席教授梅文昌出席。')).toEqual(['东岭大学校长及讲席教授 梅文昌']);
    expect(people('会上，沈校长和南港大学党委书记刘春华女士签署协议。')).toEqual(['南港大学党委书记 刘春华']);
    expect(people('东岭大学副校长李华和南港市副市长王明出席。')).toEqual(['东岭大学副校长 李华', '南港市副市长 王明']);
  });
});

describe('a title over several units', () => {
  it('joins a unit with a bracketed second name to the office after the next one', () => {
    expect(people('东岭大学社会合作处（技术转移中心）、乡村发展研究院处长谈一平出席。')).toEqual(['东岭大学社会合作处（技术转移中心）、乡村发展研究院处长 谈一平']);
    expect(people('东岭大学校长李华（右）、南港市副市长王明出席。')).toEqual(['东岭大学校长 李华', '南港市副市长 王明']);
  });
});

describe('an adverb that is also a surname', () => {
  it('opens no name before a verb, so an honorific before it stays with the name before', () => {
    expect(people('会后，郑一鸣先生曾说：合作很有意义。')).toEqual(['∅ 郑一鸣']);
    expect(people('校长都说：这次合作很有意义。')).toEqual([]);
    expect(people('东岭大学副校长曾庆远讲话。')).toEqual(['东岭大学副校长 曾庆远']);
  });
});

describe('当 opening a clause', () => {
  it('is a word after which a name begins, unlike 相当 or 适当', () => {
    expect(people('当柏思远教授介绍完项目时，全场响起掌声。')).toEqual(['∅ 柏思远']);
    expect(people('这套方案相当高明，双方都表示赞同。')).toEqual([]);
  });
});

describe('a name right after a unit with a one-character ending', () => {
  it('is read when a three-character name has its office after it', () => {
    expect(people('南港市财政局龚立平副局长出席了签约仪式。')).toEqual(['∅ 龚立平']);
    expect(extractBriefing('南港市财政局龚立平副局长出席了签约仪式。').records[0]!.people[0]!.via).toBe('unit-member');
  });
  it('is not read with no office after it, nor as two characters (a noun of the office)', () => {
    expect(people('南港市财政局龚立平出席了签约仪式。')).toEqual([]);
    expect(people('组委会邀请了北湖组委景观设计师出席。')).toEqual([]);
  });
});

describe('an office that a transliterated name follows', () => {
  it('belongs to that name, so the transliteration before the office is a place', () => {
    expect(people('东岭大学校长祁文博会见塔里亚纳议长维拉克拉斯时表示，双方合作潜力很大。')).toEqual(['东岭大学校长 祁文博', '塔里亚纳议长 维拉克拉斯']);
    expect(people('塔里亚纳总统维拉克拉斯12日会见了东岭大学代表团。')).toEqual(['塔里亚纳总统 维拉克拉斯']);
  });
});
