#!/usr/bin/env python3
"""Render a corpus text file (tab tables, <p>/<b> cells, ## and ** headings) as a plain HTML page,
the way a report would look in Word: used to make the DOCX fixtures with LibreOffice
(scripts/make-docx-fixtures.sh). Independent of the library's own readers on purpose."""
import html, re, sys

def cell(c):
    c = c.strip()
    if '<p>' in c:
        parts = [p.strip() for p in re.split(r'</?p>', c) if p.strip()]
        return ''.join(f'<p>{p}</p>' for p in parts)
    return f'<p>{c}</p>' if c else ''

def main(src, dst):
    lines = open(src, encoding='utf-8').read().split('\n')
    out = ['<!DOCTYPE html><html><head><meta charset="utf-8"><style>body{font-family:"TH Sarabun New","Garuda","Loma",sans-serif;font-size:12pt} table{border-collapse:collapse} td{border:1px solid #000;vertical-align:top}</style></head><body>']
    in_table = False
    for line in lines:
        if '\t' in line:
            if not in_table:
                out.append('<table border="1" cellspacing="0" cellpadding="4">'); in_table = True
            out.append('<tr>' + ''.join(f'<td>{cell(c)}</td>' for c in line.split('\t')) + '</tr>')
            continue
        if in_table and line.strip() == '':
            continue  # blank lines between table lines: same table (page break in the original)
        if in_table:
            out.append('</table>'); in_table = False
        t = line.strip()
        if not t or re.fullmatch(r'-{3,}', t):
            continue
        m = re.match(r'^(#{1,6})\s+(.*)$', t)
        if m:
            n = len(m.group(1)); out.append(f'<h{n}>{m.group(2)}</h{n}>'); continue
        t = re.sub(r'\*\*(.+?)\*\*', r'<b>\1</b>', t)
        out.append(f'<p>{t}</p>')
    if in_table:
        out.append('</table>')
    out.append('</body></html>')
    open(dst, 'w', encoding='utf-8').write('\n'.join(out))

if __name__ == '__main__':
    main(sys.argv[1], sys.argv[2])
