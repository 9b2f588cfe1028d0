/**
 * Province and district checked against the real list (77 provinces and their
 * districts, generated from thai-address-database): header lines as real
 * reports write them, and fragments that must never become a province.
 */
import { describe, it, expect } from 'vitest';
import { findOrganization, recogniseHeader, type TextLine } from '../../src/ita/header.js';
import { districtsOf, isProvince, placeOf } from '../../src/ita/places.js';
import { DISTRICTS_BY_PROVINCE, THAI_ADMIN_SOURCE } from '../../src/ita/_thai-admin.generated.js';
import type { Diagnostic } from '../../src/model/schema.js';

const lines = (...xs: string[]): TextLine[] => xs.map((text, i) => ({ text, source: { page: null, line: i + 1 } }));

describe('the generated list', () => {
  it('has the 77 provinces, Bangkok and its 50 เขต, and the districts of each', () => {
    expect(THAI_ADMIN_SOURCE).toBe('thai-address-database@0.0.30');
    expect(Object.keys(DISTRICTS_BY_PROVINCE)).toHaveLength(77);
    expect(districtsOf('กรุงเทพมหานคร')).toHaveLength(50);
    expect(districtsOf('กระบี่')).toContain('เมืองกระบี่');
    expect(districtsOf('บึงกาฬ')).toContain('เซกา'); // the newest province (2011)
    expect(districtsOf('ขอนแก่น')).toHaveLength(26); // เวียงเก่า (2007) added to the package's list
    expect(Object.values(DISTRICTS_BY_PROVINCE).flat()).toHaveLength(928); // 878 อำเภอ and 50 เขต
    expect(isProvince('นครปฐม')).toBe(true);
    expect(isProvince('เมือง')).toBe(false);
  });
});

describe('placeOf: real forms', () => {
  it.each([
    ['อำเภอเมืองนครปฐม จังหวัดนครปฐม', 'เมืองนครปฐม', 'นครปฐม'],
    ['อำเภอทรายมูล จังหวัดยโสธร', 'ทรายมูล', 'ยโสธร'],
    ['อ.พุนพิน จ.สุราษฎร์ธานี', 'พุนพิน', 'สุราษฎร์ธานี'],
    ['อ. ภูเวียง จ. ขอนแก่น', 'ภูเวียง', 'ขอนแก่น'],
    // the short form of the seat district
    ['องค์การบริหารส่วนตำบลคลองประสัก อำเภอเมือง จังหวัดกระบี่', 'เมืองกระบี่', 'กระบี่'],
    // words glued after the name (no spaces in Thai)
    ['เทศบาลตำบลหนองหาร อำเภอสันทรายจังหวัดเชียงใหม่ประจำปีงบประมาณ ๒๕๖๘', 'สันทราย', 'เชียงใหม่'],
    // Bangkok: no จังหวัด, districts are เขต
    ['สำนักงานเขตบางรัก กรุงเทพมหานคร', 'บางรัก', 'กรุงเทพมหานคร'],
    ['เขตจตุจักร กรุงเทพฯ', 'จตุจักร', 'กรุงเทพมหานคร'],
  ])('%s', (head, district, province) => {
    const p = placeOf(head, null);
    expect([p.district, p.province, p.diagnostics]).toEqual([district, province, []]);
  });

  it('gives a provincial administration its own province', () => {
    expect(placeOf('องค์การบริหารส่วนจังหวัดลำปาง', { name: 'องค์การบริหารส่วนจังหวัดลำปาง', kind: 'องค์การบริหารส่วนจังหวัด' }).province).toBe('ลำปาง');
  });
});

describe('placeOf: one OCR slip', () => {
  it.each([
    // a tone mark read as another, a vowel lost, a letter misread
    ['อำเภอเมือง จังหวัดกระบื่', 'เมืองกระบี่', 'กระบี่', 'จังหวัดกระบื่'],
    ['อำเภอพุนพิน จังหวัดสุราษฎร์ธานิ', 'พุนพิน', 'สุราษฎร์ธานี', 'จังหวัดสุราษฎร์ธานิ'],
    ['อำเภอกระทุ่มแบบ จังหวัดสมุทรสาคร', 'กระทุ่มแบน', 'สมุทรสาคร', 'อำเภอกระทุ่มแบบ'],
  ])('%s: the real names, with PLACE_NAME_FUZZY', (head, district, province, raw) => {
    const p = placeOf(head, null);
    expect([p.district, p.province]).toEqual([district, province]);
    expect(p.diagnostics.map((d) => [d.code, d.severity, d.actual])).toEqual([['PLACE_NAME_FUZZY', 'info', raw]]);
  });

  it('not in short names, nor where two names are as close', () => {
    // ตาก (3 letters) is never guessed from "ตาด"; no district is guessed without a province
    expect(placeOf('จังหวัดตาดี', null).province).toBeNull();
    expect(placeOf('อำเภอกระทุ่มแบบ', null).district).toBeNull();
  });
});

describe('placeOf: fragments that are not places', () => {
  it.each([
    // a sentence fragment after จังหวัด, a misspelt province, a made-up one
    ['ได้รับการประเมินจากคณะกรรมการจังหวัดประชุมพิจารณาแล้ว', 'จังหวัดประชุมพิจารณาแล้ว'],
    ['อำเภอเมือง จังหวัดสุวรรณเขต', 'จังหวัดสุวรรณเขต'],
    ['จ.สุวรรณภูมิ', 'จ.สุวรรณภูมิ'],
  ])('%s: province null, PROVINCE_UNKNOWN with the raw phrase', (head, raw) => {
    const p = placeOf(head, null);
    expect(p.province).toBeNull();
    expect(p.diagnostics.filter((d) => d.code === 'PROVINCE_UNKNOWN').map((d) => d.actual)).toEqual([raw]);
  });

  it('words that only follow จังหวัด in passing raise nothing', () => {
    expect(placeOf('ประสานงานกับหน่วยงานระดับจังหวัดและทุกจังหวัดในภาค', null)).toEqual({ district: null, province: null, diagnostics: [] });
  });

  it('a district that is not in the stated province is left null, with DISTRICT_UNKNOWN', () => {
    const p = placeOf('อำเภอสันทราย จังหวัดกระบี่', null);
    expect([p.district, p.province]).toEqual([null, 'กระบี่']);
    expect(p.diagnostics.map((d) => [d.code, d.actual])).toEqual([['DISTRICT_UNKNOWN', 'อำเภอสันทราย']]);
  });

  it('with no province, a real district of some province is kept; "อำเภอเมือง" alone is not one', () => {
    expect(placeOf('อำเภอภูเวียง', null)).toMatchObject({ district: 'ภูเวียง', province: null });
    expect(placeOf('อำเภอเมือง', null)).toMatchObject({ district: null, province: null });
  });

  it('"ในเขตเทศบาล" outside Bangkok is no district', () => {
    expect(placeOf('ประชาชนในเขตเทศบาล จังหวัดลำปาง', null)).toEqual({ district: null, province: 'ลำปาง', diagnostics: [] });
  });
});

describe('in the header', () => {
  it('never emits a fragment as a province, and says where the phrase was', () => {
    const diags: Diagnostic[] = [];
    // the old reading gave province "แจ้งผลการประเมิน"
    const org = findOrganization(lines('เทศบาลตำบลบางปลา', 'ตามที่คณะกรรมการจังหวัดแจ้งผลการประเมิน'), diags);
    expect(org).toEqual({ name: 'เทศบาลตำบลบางปลา', kind: 'เทศบาลตำบล', district: null, province: null });
    expect(diags.map((d) => [d.code, d.actual, d.source?.line])).toEqual([['PROVINCE_UNKNOWN', 'จังหวัดแจ้งผลการประเมิน', 2]]);
  });

  it('passes its diagnostics on with the header', () => {
    const h = recogniseHeader(lines('องค์การบริหารส่วนตำบลนาดี อำเภอนาดี จังหวัดปราจีนบุรี'));
    expect(h.organization).toMatchObject({ district: 'นาดี', province: 'ปราจีนบุรี' });
    expect(h.placeDiagnostics).toEqual([]);
  });

  it.each([
    ['อบต.ท่าข้าม อ.พุนพิน จ.สุราษฎร์ธานี', 'องค์การบริหารส่วนตำบล', 'องค์การบริหารส่วนตำบลท่าข้าม'],
    ['ทม.บ้านไผ่ อำเภอบ้านไผ่ จังหวัดขอนแก่น', 'เทศบาลเมือง', 'เทศบาลเมืองบ้านไผ่'],
    ['ทน.อ้อมน้อย อำเภอกระทุ่มแบน จังหวัดสมุทรสาคร', 'เทศบาลนคร', 'เทศบาลนครอ้อมน้อย'],
    ['ทต.หนองหาร อำเภอสันทราย จังหวัดเชียงใหม่', 'เทศบาลตำบล', 'เทศบาลตำบลหนองหาร'],
    ['อบจ.สกลนคร', 'องค์การบริหารส่วนจังหวัด', 'องค์การบริหารส่วนจังหวัดสกลนคร'],
    ['สำนักงานเขตบางรัก กรุงเทพมหานคร', 'other', 'สำนักงานเขตบางรัก กรุงเทพมหานคร'],
  ])('kind from the name: %s', (line, kind, name) => {
    expect(findOrganization(lines(line))).toMatchObject({ kind, name });
  });
});
