/**
 * Markdown as converters write it (pandoc's Markdown of a DOCX): paragraphs
 * and list items wrapped at 72 columns, hard breaks as a trailing
 * backslash, punctuation escaped, an en dash written "--".
 */
import { describe, expect, it } from 'vitest';
import type { Block } from '../../src/model/blocks.js';
import { readText } from '../../src/readers/text.js';

const texts = (blocks: Block[]): string[] => blocks.map((b) => (b as { text: string }).text);

// pandoc 2.17 `-f docx -t markdown` of a numbered paragraph with line breaks (a layout bench document)
const LIST = [
  '1.  การปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลาที่กำหนด',
  '    มีความเท่าเทียมไม่เลือกปฏิบัติ\\',
  '    ประเด็นที่ต้องพัฒนา: ข้อ o๒๓',
  '    ผู้รับบริการบางรายเห็นว่าเจ้าหน้าที่ให้บริการล่าช้า\\',
  '    ห้วงเวลา: ๑ เม.ย. ๒๕๖๘ -- ๓๐ ก.ย. ๒๕๖๘\\',
  '    ผู้รับผิดชอบ: กองการศึกษา ทุกส่วนราชการ',
  '',
  '2.  จัดทำคู่มือ\\-แนวทาง',
  '',
].join('\n');

describe('Markdown paragraphs', () => {
  it('joins a wrapped paragraph and list item, breaks at a trailing backslash, undoes escapes and reads "--" as an en dash', () => {
    expect(texts(readText(LIST, 'markdown').blocks)).toEqual([
      '1. การปฏิบัติหรือให้บริการแก่บุคคลภายนอกเป็นไปตามขั้นตอนและระยะเวลาที่กำหนด มีความเท่าเทียมไม่เลือกปฏิบัติ',
      'ประเด็นที่ต้องพัฒนา: ข้อ o๒๓ ผู้รับบริการบางรายเห็นว่าเจ้าหน้าที่ให้บริการล่าช้า',
      'ห้วงเวลา: ๑ เม.ย. ๒๕๖๘ – ๓๐ ก.ย. ๒๕๖๘',
      'ผู้รับผิดชอบ: กองการศึกษา ทุกส่วนราชการ',
      '2. จัดทำคู่มือ-แนวทาง',
    ]);
  });

  it('keeps a heading, a new list item and a line after a blank line apart', () => {
    const md = '## ส่วนที่ ๑\nมาตรการที่หนึ่ง\nต่อบรรทัด\n- ข้อย่อย\n\nย่อหน้าใหม่\n';
    expect(texts(readText(md, 'markdown').blocks)).toEqual(['ส่วนที่ ๑', 'มาตรการที่หนึ่ง ต่อบรรทัด', '- ข้อย่อย', 'ย่อหน้าใหม่']);
  });

  it('keeps each line of plain text a paragraph of its own', () => {
    expect(texts(readText('มาตรการที่หนึ่ง\nต่อบรรทัด\n', 'text').blocks)).toEqual(['มาตรการที่หนึ่ง', 'ต่อบรรทัด']);
  });

  it('joins plain text wrapped at 72 columns (pandoc -t plain) where the next word would not have fitted, and keeps a short line ending a paragraph apart', () => {
    // pandoc 2.17 `-t plain` of a layout bench document's heading and introduction
    const plain = [
      'องค์การบริหารส่วนตำบลบ้านหมอ',
      '',
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ',
      'ประจำปีงบประมาณ พ.ศ. 2566 องค์การบริหารส่วนตำบลบ้านหมอ ได้คะแนน 93.58',
      'คะแนน จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส',
      'ดังนี้',
      'ผู้รับผิดชอบ: กองคลัง',
      'ห้วงเวลา: ทุกไตรมาส',
      '',
    ].join('\n');
    expect(texts(readText(plain, 'text').blocks)).toEqual([
      'องค์การบริหารส่วนตำบลบ้านหมอ',
      'จากผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ประจำปีงบประมาณ พ.ศ. 2566 องค์การบริหารส่วนตำบลบ้านหมอ ได้คะแนน 93.58 คะแนน จึงได้กำหนดมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ดังนี้',
      // "ดังนี้" is short: the next line's first word would have fitted after it, so it ended its paragraph
      'ผู้รับผิดชอบ: กองคลัง',
      'ห้วงเวลา: ทุกไตรมาส',
    ]);
  });

  it('keeps plain text whose lines run past any wrap width one paragraph a line', () => {
    const long = 'ก'.repeat(120);
    expect(texts(readText(`${long}\nต่อบรรทัด\n`, 'text').blocks)).toEqual([long, 'ต่อบรรทัด']);
  });
});

describe('Markdown emphasis', () => {
  it('takes single-star emphasis off labels and words, keeps a bullet star and a lone star', () => {
    const md = ['1. **มาตรการลดขั้นตอน** (ข้อ I1)', '   - *ระยะเวลา* : ตุลาคม 2567', '   - *ผู้รับผิดชอบ*: กองคลัง *ทุกฝ่าย*', '* รายการ', '', 'หมายเหตุ ๕* คือ'].join('\n');
    expect(texts(readText(md, 'markdown').blocks)).toEqual([
      '1. มาตรการลดขั้นตอน (ข้อ I1)',
      '- ระยะเวลา : ตุลาคม 2567',
      '- ผู้รับผิดชอบ: กองคลัง ทุกฝ่าย',
      '* รายการ',
      'หมายเหตุ ๕* คือ',
    ]);
  });
});
