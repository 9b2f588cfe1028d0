/**
 * Responsible units from a responsible cell: "- สำนักปลัดฯ - กองคลัง",
 * "สำนักปลัด / ทุกกอง", "เจ้าพนักงานธุรการ นิติกร หัวหน้าสำนักปลัด ปลัด",
 * "ทุกส่วน ราชการ" (one unit, wrapped). Explicit separators (paragraphs,
 * bullets, slashes, commas, "และ") always split; a plain space splits only
 * where a new unit name starts after it, so a space left by wrapping
 * ("ทุกส่วน ราชการ") is closed up instead.
 */

/** Words that start the name of a unit or position in Thai local government. */
const UNIT_STARTS = [
  'สำนัก', 'กอง', 'งาน', 'ฝ่าย', 'ส่วน', 'ศูนย์', 'หน่วย', 'กลุ่ม', 'โรงเรียน', 'สถานี',
  'ทุก', 'หัวหน้า', 'ผู้อำนวยการ', 'ผอ.', 'ผู้บริหาร', 'ผู้บังคับบัญชา', 'นายก', 'รองนายก', 'ปลัด', 'รองปลัด',
  'เลขานุการ', 'นัก', 'เจ้าพนักงาน', 'เจ้าหน้าที่', 'นิติกร', 'พนักงาน', 'บุคลากร', 'ครู', 'คณะ', 'คณะกรรมการ',
  'ภารกิจ', 'ข้าราชการ', 'ลูกจ้าง', 'สมาชิก', 'ประธาน', 'เทศบาล', 'องค์การ',
];

/** List marks before each unit of a list in one cell: bullets and arrows, or numbers ("๑.", "2)", "(3)"). */
const BULLETS = '•·➢►▶▸▪●○◦■□❖✓✔';
const NUMBER_MARK = '(?:^|\\s)\\(?[0-9๐-๙]{1,2}[.)](?=\\s|[\\u0e00-\\u0e7f])';

/** Explicit separators; a glued "และ" separates when a unit name follows it ("สำนักปลัดและนิติกร"). */
const EXPLICIT = new RegExp(
  `\\s*(?:\\n|\\r|\\/|,|;|、|\\s[-–—]\\s|^[-–—]\\s*|\\s*และ\\s*(?=${UNIT_STARTS.map((w) => w.replace('.', '\\.')).join('|')})|[${BULLETS}]|${NUMBER_MARK})\\s*`,
);

/** Marks left at the start of a piece. */
const LEADING = new RegExp(`^[-–—*\\s${BULLETS}]+`);

/** The body a title belongs to, written after it: "นายก อบต.", "ปลัด อบต.". */
const OF_BODY = /^(อบต\.|อบจ\.|ทต\.|ทม\.|ทน\.)$/;
/** The kind of body closing a unit's name after a wrap: "สำนักปลัด" / "เทศบาล". */
const BODY_SUFFIX = /^(เทศบาล|องค์การบริหารส่วนตำบล|องค์การบริหารส่วนจังหวัด)$/;

/** Bare titles that need the unit after them: "ผู้อำนวยการ กองคลัง" is one position. */
const NEEDS_UNIT = new Set(['หัวหน้า', 'ผู้อำนวยการ', 'ผอ.', 'รอง', 'ผู้ช่วย']);



function startsUnit(s: string): boolean {
  return UNIT_STARTS.some((w) => s.startsWith(w));
}

/** Length of the longest unit-name start that `s` begins with (0 when none). */
function unitStartLength(s: string): number {
  return UNIT_STARTS.reduce((n, w) => (s.startsWith(w) && w.length > n ? w.length : n), 0);
}

/** Split one piece at spaces that start a new unit; close up the other spaces when Thai is on both sides. */
/** A title with only the kind of unit after it ("หัวหน้าสำนัก", "ผู้อำนวยการกอง") still needs the unit's name. */
const INCOMPLETE = /^(?:(?:หัวหน้า|ผู้อำนวยการ|ผอ\.|รอง|ผู้ช่วย)(?:สำนัก|กอง|ฝ่าย|งาน|ส่วน)?(?:การ)?|(?:สำนัก|กอง|ฝ่าย|งาน|ส่วน)(?:การ)?|ศูนย์|หน่วย|กลุ่ม|ทุก)$/;

/** A name cut after the kind of unit it belongs to ("งานประชาสัมพันธ์สำนัก" / "ปลัด"). */
const ENDS_WITH_KIND = /^(?!ทุก).{3,}(สำนัก|กอง|ฝ่าย)$/;

function thaiBoth(a: string, b: string): boolean {
  return /[\u0e00-\u0e7f]$/.test(a) && /^[\u0e00-\u0e7f]/.test(b);
}

/**
 * Split one piece at spaces that start a new unit; close up the other spaces
 * when Thai is on both sides. A fragment that is not a unit start but makes
 * one with the next word ("เจ้า" + "พนักงานพัสดุ", a wrap) joins forward.
 */
function splitAtUnitStarts(piece: string): string[] {
  const words = piece.split(/\s+/).filter(Boolean);
  const merged: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (next && !startsUnit(w) && !OF_BODY.test(next) && thaiBoth(w, next) && unitStartLength(w + next) > w.length) {
      words[i + 1] = w + next;
      continue;
    }
    merged.push(w);
  }
  const out: string[] = [];
  for (const w of merged) {
    const last = out[out.length - 1];
    if (last === undefined) out.push(w);
    else if (OF_BODY.test(w)) out[out.length - 1] = `${last} ${w}`;
    else if (BODY_SUFFIX.test(w)) out[out.length - 1] = last + w;
    else if (startsUnit(w) && !NEEDS_UNIT.has(last) && !INCOMPLETE.test(last) && !ENDS_WITH_KIND.test(last)) out.push(w);
    else if (thaiBoth(last, w)) out[out.length - 1] = last + w;
    else out[out.length - 1] = `${last} ${w}`;
  }
  return out;
}

export function splitResponsible(cellParagraphs: string[] | string): string[] {
  const paragraphs = typeof cellParagraphs === 'string' ? [cellParagraphs] : cellParagraphs;
  const units: string[] = [];
  // a unit's kind alone ("งาน", "งานการ") ending a line the PDF took for a paragraph of its own: its name follows
  let held = '';
  for (const p of paragraphs) {
    for (const piece of p.split(EXPLICIT)) {
      const t = piece.replace(LEADING, '').replace(/(?<![\u0e01-\u0e2e]\.[\u0e01-\u0e2e]{0,2}|อบ[ตจ]|ท[ตมน])[\s.]+$/, '').trim();
      if (!t) continue;
      const split = splitAtUnitStarts(held === '' ? t : `${held} ${t}`);
      held = '';
      if (split.length > 0 && INCOMPLETE.test(split[split.length - 1]!)) held = split.pop()!;
      for (const u of split) if (u && !units.includes(u)) units.push(u);
    }
  }
  if (held !== '' && !units.includes(held)) units.push(held);
  return units;
}
