import { describe, expect, it } from 'vitest';
import { substringDistance } from '../../src/thai/distance.js';

describe('substringDistance: how far a word is from occurring in a text', () => {
  it('is 0 for a word the text holds, anywhere in it', () => {
    expect(substringDistance('ผู้รับผิดชอบ', 'หน่วยงานผู้รับผิดชอบหลัก')).toBe(0);
  });
  it('counts OCR misreadings inside the text: ผู้รับผิดชอบ read "ผู้รับดซอบ" is three edits (ผิ → ด, ช → ซ)', () => {
    expect(substringDistance('ผู้รับผิดชอบ', 'ผู้รับดซอบ')).toBe(3);
    expect(substringDistance('ระยะเวลา', 'xxระยะเวลาyy')).toBe(0);
    expect(substringDistance('ระยะเวลา', 'xxระยเวลาyy')).toBe(1);
  });
  it('is the word length against an empty text', () => {
    expect(substringDistance('กอง', '')).toBe(3);
  });
});
