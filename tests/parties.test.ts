/**
 * The eight forms of the parties issue (issue 11), each on sentences of our own
 * about invented places and universities, each asserting the exact parties
 * (name, type) and, where it tells, the rule that found them.
 */
import { describe, expect, it } from 'vitest';
import { extractBriefing } from '../src/core.js';

/** The parties of a one-record text as `name type`. */
function parties(text: string): string[] {
  const doc = extractBriefing(text);
  expect(doc.records).toHaveLength(1);
  return doc.records[0]!.parties.map((p) => `${p.name} ${p.type}`);
}
function vias(text: string): string[] {
  return extractBriefing(text).records[0]!.parties.map((p) => `${p.name} ${p.via}`);
}

describe('1. the left edge of a name', () => {
  it('stops at a verb, a time, a person, a dateline', () => {
    expect(parties('会上，林默指出东岭大学与南港市的合作成效明显，双方签署了战略合作协议。')).toEqual(['东岭大学 university', '南港市 government']);
    expect(parties('2019年星河学院与柳岸县教育局签署合作协议。')).toEqual(['星河学院 university', '柳岸县教育局 government']);
    expect(parties('周宁院长带领管理学院师生赴海川集团有限公司调研，双方签署实习基地协议。')).toEqual(['管理学院 university', '海川集团有限公司 enterprise']);
    expect(parties('新华社南港6月1日电 东岭大学与南港市人民政府1日签署全面合作协议。')).toEqual(['东岭大学 university', '南港市人民政府 government']);
  });

  it('reads the particle 所 and the 的 of a verb as no part of a name', () => {
    expect(parties('会上，王明对当前正在推进的东岭大学与南港市所进行的产业合作情况进行了介绍。')).toEqual(['东岭大学 university', '南港市 government']);
    expect(parties('东岭大学与南港市气象研究所签署合作协议。')).toEqual(['东岭大学 university', '南港市气象研究所 research']);
  });

  it('lets a joined subject through a 由 construction', () => {
    expect(parties('北塘海洋研究院由东岭大学与北塘市人民政府共建，6月3日揭牌。')).toEqual(['东岭大学 university', '北塘市人民政府 government']);
  });
});

describe('2. endings beyond the usual', () => {
  it('reads offices, departments and trades as names', () => {
    expect(parties('5月8日，东岭大学科研处与海川药业股份有限公司签订技术合作协议。')).toEqual(['东岭大学科研处 university', '海川药业股份有限公司 enterprise']);
    expect(parties('6月2日，南港市科技局与西岭职院签署合作协议。')).toEqual(['南港市科技局 government', '西岭职院 university']);
  });

  it('maps a short form to the full name printed', () => {
    expect(parties('东岭理工大学与北塘市人民政府签署合作协议。会上，东岭理工与北塘市商定共建研究院。')).toEqual(['东岭理工大学 university', '北塘市人民政府 government']);
  });

  it('parts an unknown short form from the name read back through its 与, where the full name is printed', () => {
    expect(parties('6月3日，由南工与北沙市合作共建的南屿工业大学北沙研究院正式启用。')).toEqual(['南屿工业大学 university', '北沙市 government']);
    // No name printed that 化学 stands for: one name.
    expect(parties('6月3日，化学与化工学院与北沙市化学研究所签署合作协议。')).toEqual(['化学与化工学院 university', '北沙市化学研究所 research']);
  });
});

describe('3. apposition lists', () => {
  it('takes the sides listed after a partner noun and a colon', () => {
    expect(parties('东岭大学与多家企业签署协议，本次签约的合作企业包括：海川集团、蓝岸科技有限公司、北辰电子股份有限公司以及星港物流集团。')).toEqual([
      '东岭大学 university',
      '海川集团 enterprise',
      '蓝岸科技有限公司 enterprise',
      '北辰电子股份有限公司 enterprise',
      '星港物流集团 enterprise',
    ]);
  });

  it('does not emit a generic plural', () => {
    expect(parties('南港大学与内地12所大学签署合作备忘录。')).toEqual(['南港大学 university']);
  });
});

describe('4. self-references', () => {
  it('go to the home side printed in full', () => {
    expect(parties('东岭大学与西川市人民政府签署合作协议\n6月3日，我校与西川市人民政府签署战略合作协议。学校将发挥学科优势。')).toEqual(['东岭大学 university', '西川市人民政府 government']);
  });

  it('name 我院 by the one college the item prints, not by a unit of its own or a list', () => {
    expect(parties('6月5日，韩立院长带领海洋工程学院相关专业负责人一行到访北塘港务集团。我院与北塘港务集团签署产学研合作协议。')).toEqual(['北塘港务集团 enterprise', '海洋工程学院 university']);
    expect(parties('6月5日，我院与北塘港务集团签署合作协议，我院测控工程学院将派出教师。')).toEqual(['我院 university', '北塘港务集团 enterprise']);
  });
});

describe('5. one side, several names', () => {
  it('merges a place, its party committee and its government under the name printed in the strongest role', () => {
    // The side is named as first printed in its role (SCHEMA), not by a fuller name printed elsewhere.
    expect(parties('6月5日，东岭大学与柳岸市签署合作协议。柳岸市人民政府将提供政策支持。')).toEqual(['东岭大学 university', '柳岸市 government']);
    expect(parties('6月5日，柳岸市委、柳岸市人民政府与东岭大学签署战略合作协议。')).toEqual(['柳岸市人民政府 government', '东岭大学 university']);
  });

  it('takes a bare place for the one government side of a level printed without its place', () => {
    expect(parties('昨日，市政府与东岭大学全面合作协议签约仪式在东岭大学举行。临州与东岭大学将进一步深化合作。')).toEqual(['市政府 government', '东岭大学 university']);
  });

  it('merges a county of one character with its government, and reads no side in a generic unit of the school', () => {
    expect(parties('11月3日，我校与禾县人民政府签署战略合作协议。我校二级学院负责人分别与禾县相关部门负责人签订项目协议。')).toEqual(['我校 university', '禾县人民政府 government']);
  });
});

describe('6. attendees are no parties', () => {
  it('leaves out the units of people who attend', () => {
    expect(parties('7月1日，东岭大学与海川集团签署校企合作协议。材料学院、理学院等单位教授代表参加签约仪式。')).toEqual(['东岭大学 university', '海川集团 enterprise']);
  });

  it('leaves out the units in the titles of people met', () => {
    expect(parties('7月2日，北塘市市长韩冰一行到访东岭大学。东岭大学校长周宁、南港市科技局局长吴桐会见了来宾。')).toEqual(['北塘市 government', '东岭大学 university']);
  });
});

describe('7. visits', () => {
  it('reads 到访, 参观, 考察 with their object', () => {
    expect(vias('5月9日，西川市副市长林默一行到访东岭大学，双方座谈交流。')).toEqual(['西川市 visit', '东岭大学 visit']);
    expect(parties('5月10日，东岭大学代表团参观了海川集团有限公司的展馆，并与企业座谈。')).toEqual(['东岭大学 university', '海川集团有限公司 enterprise']);
  });

  it('reads the visiting university out of a 大学校董会 title', () => {
    expect(parties('6月8日，西川市市长林默会见南港科技大学校董会主席程远一行，双方签署合作协议。')).toEqual(['西川市 government', '南港科技大学 university']);
  });

  it('keeps a visited place with its bracket', () => {
    expect(parties('6月6日，东岭大学赴柳岸市(北塘县)考察，双方签署合作协议。')).toEqual(['东岭大学 university', '柳岸市(北塘县) government']);
  });
});

describe('8. sides printed only in an agreement name', () => {
  it('reads the sides from the agreement', () => {
    expect(vias('会上，双方签署了《南港市人民政府、东岭大学战略合作协议》。')).toEqual(['南港市人民政府 agreement-name', '东岭大学 agreement-name']);
  });
});

describe('sides named in many clauses', () => {
  it('finds a self-reference\'s partner among more groups than a short list holds', async () => {
    const { canonicalSides } = await import('../src/extract/sides.js');
    type Draft = Parameters<typeof canonicalSides>[0][number];
    let at = 0;
    const draft = (name: string, type: Draft['type'], group: number): Draft => ({ name, type, span: [at, at + name.length], via: 'signing', at: at++, group, short: false });
    // 我校 signs in thirteen clauses, the first with 海川集团; 东岭大学 signs with 海川集团 elsewhere: 我校 is 东岭大学.
    const drafts = Array.from({ length: 13 }, (_, g) => draft('我校', 'university', g + 1));
    // 南屿大学 signs with 西川市: not 我校's partner's partner, so only the groups tell the two universities apart.
    drafts.push(draft('海川集团', 'enterprise', 1), draft('海川集团', 'enterprise', 40), draft('东岭大学', 'university', 40), draft('南屿大学', 'university', 60), draft('西川市', 'government', 60));
    const sides = canonicalSides(drafts, { home: null, printed: { all: () => [] } });
    expect(sides.map((p) => `${p.name} ${p.type}`)).toEqual(['东岭大学 university', '海川集团 enterprise', '南屿大学 university', '西川市 government']);
  });
});
