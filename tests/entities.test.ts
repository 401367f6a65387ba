import { describe, expect, it } from 'vitest';
import { extractBriefing, type Record } from '../src/index.js';
import { caseDoc } from './helpers.js';

const doc = caseDoc('entities.txt');
const rec = (i: number): Record => doc.records[i - 1]!;
const people = (r: Record) => r.people.map((p) => [p.name, p.title]);
const parties = (r: Record) => r.parties.map((p) => [p.name, p.type]);

/** Extract a one-record text and return that record. */
function one(text: string): Record {
  const d = extractBriefing(text);
  expect(d.records).toHaveLength(1);
  return d.records[0]!;
}

describe('people', () => {
  it('reads a transliterated name joined by a middle dot, and an office with a bracketed second office', () => {
    const r = one('5月8日，西川市副市长吐尔逊·艾力、东岭大学校长（院长）刘明、副校长帕提古丽·买买提出席签约仪式。');
    expect(people(r)).toEqual([
      ['吐尔逊·艾力', '西川市副市长'],
      ['刘明', '东岭大学校长（院长）'],
      ['帕提古丽·买买提', '副校长'],
    ]);
  });

  it('keeps a title chain joined by 、 and lets a list inherit its office', () => {
    expect(people(rec(1))).toEqual([
      ['钱立新', '西川市委副书记、市长'],
      ['吴志刚', '东岭大学党委书记'],
      ['赵春明', '西川市领导'],
      ['孙立', '西川市领导'],
      ['李文华', '西川市领导'],
      ['黄宁', '东岭大学校领导'],
      ['邓伟', '东岭大学校领导'],
      ['冯雪', '东岭大学副校长'],
    ]);
  });

  it('reports an orphan title and never makes it a person', () => {
    expect(doc.warnings.filter((w) => w.code === 'title-without-name').map((w) => w.message)).toEqual(['a title with no name after it: "南港集团执行总裁、总工程师"']);
    expect(people(rec(3))).toEqual([
      ['刘海', '南港研究院院长'],
      ['吴志刚', null],
    ]);
  });

  it('gives a person named bare in the headline the longest title of any mention', () => {
    const r = rec(6);
    expect(people(r)).toEqual([
      ['周明远', '东岭大学党委副书记、校长'],
      ['孙海平', '南港集团有限公司董事长'],
    ]);
    expect(r.people[0]!.span[0]).toBeLessThan(r.titleSpan![1]); // first mention: the headline
  });

  it('reads names joined by 和 and 与, bare names without a title', () => {
    const r = one('5月6日，学校举行座谈会。东岭大学副校长冯雪、教务处处长严肃和科研处处长柯南出席。冯雪与南港集团代表田甜共同签约。');
    expect(people(r)).toEqual([
      ['冯雪', '东岭大学副校长'],
      ['严肃', '教务处处长'],
      ['柯南', '科研处处长'],
      ['田甜', '南港集团代表'],
    ]);
    const bare = one('5月6日，东岭大学副校长冯雪出席。冯雪与田甜共同为基地揭牌。');
    expect(people(bare)).toEqual([
      ['冯雪', '东岭大学副校长'],
      ['田甜', null],
    ]);
  });

  it('never glues a name to the verb after it, nor cuts a three-character name', () => {
    const r = one('5月6日，东岭大学校长周明远以“开放办学”为题作报告，副校长郑文博主持，院士马於光、卜显和出席。');
    expect(r.people.map((p) => p.name)).toEqual(['周明远', '郑文博', '马於光', '卜显和']);
  });

  it('reads titles in brackets, bare name lists, honorifics after a name, compound surnames', () => {
    expect(people(one('5月6日，张三（东岭大学副校长）介绍了学校情况。'))).toEqual([['张三', '东岭大学副校长']]);
    expect(people(one('5月6日，王五、李四、赵六等领导出席活动。'))).toEqual([
      ['王五', null],
      ['李四', null],
      ['赵六', null],
    ]);
    expect(people(one('5月6日，出席活动的有东山市副市长许丽、东岭大学副校长王刚等。'))).toEqual([
      ['许丽', '东山市副市长'],
      ['王刚', '东岭大学副校长'],
    ]);
    expect(people(one('5月6日，北江大学党委书记蔡文华、校长杨立新院士出席。'))).toEqual([
      ['蔡文华', '北江大学党委书记'],
      ['杨立新', '校长'],
    ]);
    expect(people(one('5月6日，西川市委常委、组织部部长司马长风一行来校交流。'))).toEqual([['司马长风', '西川市委常委、组织部部长']]);
  });

  it('takes host and guest sides of a meeting from their titles', () => {
    const r = one('5月8日，学校党委书记张建国在行政楼会见了来访的东山市委书记李春明一行。');
    expect(people(r)).toEqual([
      ['张建国', '学校党委书记'],
      ['李春明', '东山市委书记'],
    ]);
    expect(parties(r)).toEqual([
      ['学校', 'university'],
      ['东山市委', 'government'],
    ]);
  });

  it('leaves bylines and credit lines out', () => {
    const d = extractBriefing('东岭大学与海川集团签署合作协议\n本报讯（记者 王小明 通讯员 李大力）9月18日，东岭大学校长周明远出席签约仪式。\n撰稿：赵六\n');
    expect(d.records[0]!.people.map((p) => p.name)).toEqual(['周明远']);
  });

  it('matches traditional characters and half-width punctuation, keeping values as printed', () => {
    expect(people(caseDoc('traditional.txt').records[0]!)).toEqual([
      ['吳志剛', '東嶺大學黨委書記'],
      ['周明遠', '校長'],
      ['馮建國', '西川市委書記'],
    ]);
  });
});

describe('parties', () => {
  it('reads sides joined by 先后与 and gives no party for a bare unit word in a title', () => {
    const r = one('4月2日，南湖学院先后与北岭重工股份有限公司、海川电子科技有限公司签署合作协议。北岭市副市长许文会见了学院院长贺明一行。');
    expect(parties(r)).toEqual([
      ['南湖学院', 'university'],
      ['北岭重工股份有限公司', 'enterprise'],
      ['海川电子科技有限公司', 'enterprise'],
      ['北岭市', 'government'],
    ]);
  });

  it('types a university by its final 大学, whatever its name starts with', () => {
    const r = one('6月8日，东岭大学与中国科学院大学签署合作协议。');
    expect(parties(r)).toEqual([
      ['东岭大学', 'university'],
      ['中国科学院大学', 'university'],
    ]);
  });

  it('types a company by its legal form, whatever its name holds', () => {
    const r = one('6月8日，东岭大学与华中智能制造研究院（武汉）有限公司签署技术服务合同。');
    expect(parties(r)).toEqual([
      ['东岭大学', 'university'],
      ['华中智能制造研究院（武汉）有限公司', 'enterprise'],
    ]);
    const banks = one('6月3日，东岭大学与中国建设银行股份有限公司西川支行、西川市住房和城乡建设局签署合作协议。');
    expect(parties(banks)).toEqual([
      ['东岭大学', 'university'],
      ['中国建设银行股份有限公司西川支行', 'enterprise'],
      ['西川市住房和城乡建设局', 'government'],
    ]);
    const region = one('6月9日，海纳医药亚太区总监罗芳一行到东岭大学药学院座谈交流。');
    expect(parties(region)).toContainEqual(['海纳医药亚太区', 'enterprise']);
  });

  it('finds the three sides of a signing and their types', () => {
    expect(parties(rec(1))).toEqual([
      ['东岭大学', 'university'],
      ['西川市人民政府', 'government'],
      ['西川高新区管委会', 'government'],
    ]);
  });

  it('finds both sides of a visit: the visitor by its leader\'s title and the places visited (a place named also with its government is that side)', () => {
    expect(parties(rec(2))).toEqual([
      ['东岭大学', 'university'],
      ['北湖区人民政府', 'government'],
      ['临江县', 'government'],
    ]);
    const r = one('3月15日，北湖区人民政府副区长黄立一行来东岭大学化学学院调研。');
    expect(parties(r)).toEqual([
      ['北湖区人民政府', 'government'],
      ['东岭大学化学学院', 'university'],
    ]);
  });

  it('reads an organization name broken by a page break', () => {
    expect(parties(rec(5))).toEqual([
      ['东岭大学', 'university'],
      ['西川市第一人民医院', 'hospital'],
    ]);
  });

  it('does not count organizations only named in an attendee\'s title, nor what is unveiled', () => {
    const r = one('6月1日，东岭大学智能研究院揭牌仪式举行。西川市副市长郑华、南港集团董事长孙海平出席并为研究院揭牌。');
    expect(r.parties).toEqual([]);
    expect(r.institutions.map((i) => i.name)).toEqual(['东岭大学智能研究院']);
  });

  it('gives institutions their own edges: no clause opener or verb before, a quote closed with the name, no verb inside', () => {
    const names = (text: string) => one(text).institutions.map((i) => i.name);
    expect(names('6月1日，这次东岭大学北塘研究院揭牌，标志着合作进入新阶段。')).toEqual(['东岭大学北塘研究院']);
    expect(names('6月2日，双方签约共建北塘果蔬种植“产学研基地”，并将开展培训。')).toEqual(['北塘果蔬种植“产学研基地”']);
    expect(names('6月3日，双方合作共建的东岭大学南港研究院作为“重点平台、科研高地”被列入名单。')).toEqual(['东岭大学南港研究院']);
    expect(names('6月4日，双方将共建一批高水平研究平台。')).toEqual([]);
  });
});

describe('agreements', () => {
  it('gives each agreement its kind by the SCHEMA table', () => {
    expect(rec(3).agreements.map((a) => [a.text, a.kind])).toEqual([
      ['战略合作框架协议', 'strategic'],
      ['共建联合实验室协议', 'co-construction'],
      ['科技成果转化投资协议', 'investment'],
      ['技术服务协议', 'service'],
      ['人才培养合作协议', 'cooperation'],
      ['学生实习意向书', 'other'],
      ['合作备忘录', 'memorandum'],
    ]);
    const framework = one('3月2日，东岭大学与西川市签署校地框架协议，根据协议双方将开展合作。');
    expect(framework.agreements.map((a) => [a.text, a.kind])).toEqual([['校地框架协议', 'framework']]);
  });

  it('counts references back but not a bare 协议', () => {
    const r = one('7月18日，东岭大学与海川银行签署新一轮战略合作协议。按照协议，双方将以新一轮银校合作协议的签署为契机深化合作。');
    expect(r.agreements.map((a) => a.text)).toEqual(['新一轮战略合作协议', '新一轮银校合作协议']);
    const counted = one('6月1日，东岭大学与海川银行签署《合作框架协议》等5项协议，并签订3份技术合同和三方合作协议。');
    expect(counted.agreements.map((a) => a.text)).toEqual(['合作框架协议', '技术合同', '三方合作协议']);
  });

  it('keeps names in book-title marks whole, dashes and dots included', () => {
    const r = one('5月8日，双方签署《东岭大学—南港集团人才培养协议》《西川•北湖产学研合作协议书》。');
    expect(r.agreements.map((a) => [a.text, a.kind])).toEqual([
      ['东岭大学—南港集团人才培养协议', 'other'],
      ['西川•北湖产学研合作协议书', 'cooperation'],
    ]);
  });
});

describe('self-names', () => {
  it('name 学校 after the university a headline opens with, never after a headline that joins two sides', () => {
    const opens = extractBriefing('东岭大学：科技特派员扎根田间\n近年来，学校与西川市农业农村局共建研究院。\n');
    expect(opens.records[0]!.parties.map((p) => [p.name, p.type])).toEqual([
      ['东岭大学', 'university'],
      ['西川市农业农村局', 'government'],
    ]);
    const joins = extractBriefing('学校与南湖大学签署合作协议\n6月1日，学校与南湖大学签署合作协议。\n');
    expect(joins.records[0]!.parties.map((p) => p.name)).toEqual(['学校', '南湖大学']);
  });
});

describe('one side, several names', () => {
  it('lets a headline\'s 学校 give way to the university the body joins to the same partner or opens with', () => {
    const joined = extractBriefing('1.学校与北港银行签署合作协议\n5月15日，由西岭市金融局主办、南湖大学与北港银行联合承办的论坛举行。\n');
    expect(joined.records[0]!.parties.map((p) => p.name)).toEqual(['南湖大学', '北港银行', '西岭市金融局']);
    const opens = extractBriefing('1.学校携手市中心医院共建临床学院\n5月10日上午，南湖大学携手江州市中心医院举行签约仪式。\n');
    expect(opens.records[0]!.parties.map((p) => p.name)).toEqual(['南湖大学', '江州市中心医院']);
    const again = extractBriefing('1.学校与北港银行签署合作协议\n5月15日，学校与北港银行签约，南湖大学校友会参加。\n');
    expect(again.records[0]!.parties.map((p) => p.name)).toContain('学校');
  });

  it('names a side by its full name where both a short and a full form are printed, but keeps distinct units apart', () => {
    const r = one('5月8日，东岭大学与南港集团签署协议。东岭大学与南港集团有限公司、西川市人民政府共建研究院，西川市代表出席。');
    expect(parties(r)).toEqual([
      ['东岭大学', 'university'],
      ['南港集团有限公司', 'enterprise'],
      ['西川市人民政府', 'government'],
    ]);
    const units = one('5月8日，东岭大学管理学院与公共管理学院签署合作协议。');
    expect(units.parties.map((p) => p.name)).toEqual(['东岭大学管理学院', '公共管理学院']);
  });
});

describe('visits', () => {
  it('takes the side that sends people on a visit, but never cuts a department name at 组织部', () => {
    const sends = one('5月3日，南湖大学农学院选派专家赴北塘镇指导春耕。');
    expect(parties(sends)).toEqual([
      ['南湖大学农学院', 'university'],
      ['北塘镇', 'government'],
    ]);
    const dept = one('5月4日，学校党委组织部赴东川县调研。');
    expect(dept.parties.map((p) => p.name)).toEqual(['学校党委组织部', '东川县']);
  });

  it('types a place visited by its bare name as a locality', () => {
    const r = one('5月6日，东岭大学副校长冯雪带队赴临溪、北塘调研。');
    expect(parties(r)).toEqual([
      ['东岭大学', 'university'],
      ['临溪', 'government'],
      ['北塘', 'government'],
    ]);
  });

  it('takes host and guest of a reception', () => {
    const r = one('12月12日，学校分两批次接待西川县考察团，双方开展交流。');
    expect(parties(r)).toEqual([
      ['学校', 'university'],
      ['西川县', 'government'],
    ]);
  });
});
