/**
 * One instance of each class extraction makes per document or record is held
 * (src/text/shapes.ts), so that a full collection between documents does not
 * free the class's map and throw away the optimised code built on it.
 */
import { describe, expect, it } from 'vitest';
import { extractBriefing } from '../src/core.js';
import { keptShapes } from '../src/text/shapes.js';

describe('held shapes', () => {
  it('holds one instance of every per-document and per-record class once the library is loaded', () => {
    const names = keptShapes().map((o) => o.constructor.name);
    for (const c of ['Piece', 'PieceBuilder', 'LineTable', 'ParagraphQueue', 'ItemReader', 'OrgText', 'PartyReader', 'PrintedNames', 'CharScan', 'MentionMarks', 'SideSet', 'Glosses']) {
      expect(names.filter((n) => n === c)).toHaveLength(1);
    }
  });

  it('holds no more as documents are extracted (a held instance is made once, not per document)', () => {
    const before = keptShapes().length;
    for (let k = 0; k < 3; k++) extractBriefing(`东岭大学工作简报\n\n${k + 1}月8日，东岭大学与南港市人民政府签署战略合作协议，校长王明出席。\n`);
    expect(keptShapes().length).toBe(before);
  });
});
