#!/usr/bin/env bash
# Builds fixtures/sample/ita-reports.zip, the archive the README's first
# command runs on: a text-layer PDF, a scanned PDF (no text layer: OCR), a
# DOCX and a text file, in per-year/per-organisation folders with Thai names
# (UTF-8 flagged entries), the way reports are downloaded.
#   003 text PDF (fixtures/pdf/003.pdf), 001 page-1 scan
#   (fixtures/scans/001-scan.pdf), 004 DOCX (fixtures/docx/), 000 text.
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
python3 - "$ROOT" <<'PY'
import sys, zipfile, time
root = sys.argv[1]
entries = [
    ('2567/อบต.คลองประสัก/รายงานผลการดำเนินการ.pdf', 'fixtures/pdf/003.pdf'),
    ('2566/อบต.ดงมะไฟ/รอบ6เดือน-สแกน.pdf', 'fixtures/scans/001-scan.pdf'),
    ('2566/อบต.บ้านหม้อ/รายงานผลการดำเนินงาน.docx', 'fixtures/docx/004_d0cc15d3996b9fea.docx'),
    ('2568/ทต.บ่อพลับ/รายงานผล.txt', 'fixtures/corpus/000_12d03613c0e47b57.txt'),
]
with zipfile.ZipFile(f'{root}/fixtures/sample/ita-reports.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for name, src in entries:
        info = zipfile.ZipInfo(name, date_time=(2026, 11, 23, 12, 0, 0))
        info.compress_type = zipfile.ZIP_DEFLATED
        info.flag_bits |= 0x800  # UTF-8 names
        z.writestr(info, open(f'{root}/{src}', 'rb').read())
PY
ls -l "$ROOT/fixtures/sample/ita-reports.zip"
