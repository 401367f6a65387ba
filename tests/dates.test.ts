import { describe, expect, it } from 'vitest';
import { findDates, resolveDates } from '../src/extract/dates.js';
import { fold } from '../src/text/normalize.js';
import { cleanLine } from '../src/text/lines.js';

/** Dates of one line of text, with years settled against a masthead. */
function dates(text: string, ctx: { baseYear: number | null; anchor: string | null } = { baseYear: null, anchor: null }) {
  const piece = cleanLine(text, 0, text.length);
  return resolveDates(piece, findDates(fold(piece.text)), ctx, { year: null }).map((d) => `${d.text} ${d.start}/${d.end} ${d.year}`);
}

describe('date mentions', () => {
  it('reads day precision with and without year, spaced and full-width digits', () => {
    expect(dates('2023年7月26日，6月16日')).toEqual(['2023年7月26日 2023-07-26/2023-07-26 explicit', '6月16日 2023-06-16/2023-06-16 inferred']);
    expect(dates('8 月 18 日')).toEqual(['8月18日 --08-18/--08-18 unknown']);
    expect(dates('２０２３年１０月８日')).toEqual(['２０２３年１０月８日 2023-10-08/2023-10-08 explicit']);
  });

  it('reads Chinese numerals', () => {
    expect(dates('二〇二三年十月二十六日、十一月三日')).toEqual([
      '二〇二三年十月二十六日 2023-10-26/2023-10-26 explicit',
      '十一月三日 2023-11-03/2023-11-03 inferred',
    ]);
    expect(dates('三月十日')).toEqual(['三月十日 --03-10/--03-10 unknown']);
  });

  it('finds a date whose year and month stand seven characters before its 月, after a long stretch with no 月', () => {
    const filler = '东岭大学与南港集团座谈交流，'.repeat(30);
    expect(dates(`${filler}二〇二四年十二月三日，${filler}2024年11月5日，十二月九日`)).toEqual([
      `二〇二四年十二月三日 2024-12-03/2024-12-03 explicit`,
      `2024年11月5日 2024-11-05/2024-11-05 explicit`,
      `十二月九日 2024-12-09/2024-12-09 inferred`,
    ]);
    // A 月 with no date before it does not hide the one after it.
    expect(dates('本月工作要点：3月8日')).toEqual(['3月8日 --03-08/--03-08 unknown']);
  });

  it('reads ranges within and across months and years', () => {
    expect(dates('4月21日至23日')).toEqual(['4月21日至23日 --04-21/--04-23 unknown']);
    expect(dates('9月28日至10月2日')).toEqual(['9月28日至10月2日 --09-28/--10-02 unknown']);
    expect(dates('5月6日—8日')).toEqual(['5月6日—8日 --05-06/--05-08 unknown']);
    expect(dates('4月21-23日')).toEqual(['4月21-23日 --04-21/--04-23 unknown']);
    expect(dates('12月30日至1月2日', { baseYear: 2023, anchor: null })).toEqual(['12月30日至1月2日 2023-12-30/2024-01-02 inferred']);
    expect(dates('2023年12月30日至2024年1月2日')).toEqual(['2023年12月30日至2024年1月2日 2023-12-30/2024-01-02 explicit']);
    expect(dates('12月30日至次年1月2日', { baseYear: 2023, anchor: null })).toEqual(['12月30日至次年1月2日 2023-12-30/2024-01-02 inferred']);
  });

  it('reads day lists and numeric forms', () => {
    expect(dates('10月23日、29日')).toEqual(['10月23日 --10-23/--10-23 unknown', '29日 --10-29/--10-29 unknown']);
    expect(dates('2023-11-03 2023/11/05 2023.11.07')).toEqual([
      '2023-11-03 2023-11-03/2023-11-03 explicit',
      '2023/11/05 2023-11-05/2023-11-05 explicit',
      '2023.11.07 2023-11-07/2023-11-07 explicit',
    ]);
  });

  it('finds no dates in bare years, relative words, lost months, numbers and times', () => {
    for (const t of ['2023年', '2019-2022 年', '今年', '近日', '上月28日', '19日', '108年度', '1024日', '四点建议', '12，6月', '14:30', '2.7万平方米', '2月30日', '13月1日', '1至3月']) {
      expect(dates(t), t).toEqual([]);
    }
  });

  it('takes the year from the record first, then the masthead, rolling back past 62 days', () => {
    const piece = cleanLine('2022年8月12日，9月1日', 0, 16);
    const found = resolveDates(piece, findDates(fold(piece.text)), { baseYear: 2023, anchor: '2023-10-26' }, { year: null });
    expect(found.map((d) => d.start)).toEqual(['2022-08-12', '2022-09-01']);
    expect(dates('12月28日', { baseYear: 2024, anchor: '2024-01-10' })).toEqual(['12月28日 2023-12-28/2023-12-28 inferred']);
    expect(dates('3月1日', { baseYear: 2024, anchor: '2024-01-10' })).toEqual(['3月1日 2024-03-01/2024-03-01 inferred']);
    expect(dates('3月15日', { baseYear: 2024, anchor: '2024-01-10' })).toEqual(['3月15日 2023-03-15/2023-03-15 inferred']);
  });
});

describe('the masthead year a date borrows', () => {
  it('is the issue year, except for an issue printed in January or February of the next year', async () => {
    const { extractBriefing } = await import('../src/index.js');
    const starts = (text: string) => extractBriefing(text).records.map((r) => r.date?.start);
    const items = '1.甲\n12月28日，东岭大学与南港集团签约。\n2.乙\n1月3日，东岭大学与西川市签约。\n';
    expect(starts(`合作简报\n〔2023〕第12期\n东岭大学合作处  2024年1月5日\n${items}`)).toEqual(['2023-12-28', '2024-01-03']);
    // A date later in the next year (a web page's publication line, say) does not move the year.
    expect(starts(`合作简报\n〔2023〕第12期\n东岭大学合作处  2024年9月5日\n${items}`)).toEqual(['2023-12-28', '2023-01-03']);
    expect(starts(`合作简报\n〔2023〕第12期\n${items}`)).toEqual(['2023-12-28', '2023-01-03']);
  });
});
