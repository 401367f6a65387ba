/**
 * orgType keeps its answers by name; a user lexicon taken in afterwards must
 * still decide the type of a name asked before (this file's process takes one).
 */
import { describe, expect, it } from 'vitest';
import { orgType } from '../src/extract/organizations.js';
import { applyLexicon } from '../src/lexicon/user.js';

describe('orgType and a user lexicon', () => {
  it('answers from the lexicon for a name typed before it was taken in', () => {
    expect(orgType('南港创新港')).toBe('other');
    expect(orgType('南港创新港')).toBe('other');
    expect(orgType('东岭大学')).toBe('university');
    applyLexicon({ units: [{ word: '创新港', type: 'research' }] });
    expect(orgType('南港创新港')).toBe('research');
    expect(orgType('东岭大学')).toBe('university');
  });
});
