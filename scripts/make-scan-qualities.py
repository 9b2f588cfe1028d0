#!/usr/bin/env python3
"""Scans in several qualities from one text-layer PDF (called by
scripts/make-scan-fixtures.sh --bench-q; stdlib only, the pixels are
ImageMagick's work).

    make-scan-qualities.py TEXT_PDF OUT_ROOT STEM SEED QUALITY...

For every page the text PDF is rendered once at 300 dpi (pdftoppm, grey);
what a scanner and an office add is then drawn with ImageMagick, seeded, so
the same call always gives the same pixels:

  q300     300 dpi, clean (JPEG 92, ±0.3° skew); first and last page a
           colour scan carrying a red round stamp (ring text, emblem) and a
           blue handwritten-like signature over text and table rules, the
           other pages grey (a scanner's automatic colour detection)
  q300g    the same pages all grey (Rec.601 luma): the stamp is mid-grey,
           the signature dark grey
  q200     "office": 200 dpi grey, slight blur, JPEG 75, skew within ±1°
  q150     150 dpi grey, blur, strong sensor noise, grey paper, JPEG 45, ±1°
  colour   200 dpi 24-bit colour JPEG 80 on a tinted paper with chroma noise,
           stamp and signature on the first and last page, ±0.7°
  g4       300 dpi 1-bit CCITT G4 (thresholded at 55 % from q300g's pages, keeping LibreOffice's grey (50 %) rules; the
           mid-grey stamp comes out as a speckled ring), ±0.5°

Each quality goes to OUT_ROOT/QUALITY/STEM.pdf (image-only PDF made by
img2pdf, no text layer), next to STEM.text.pdf (the text version) and
STEM.pN.txt (pdftotext -raw of page N: what a perfect OCR would read).
"""
import math
import os
import random
import shutil
import subprocess
import sys
import tempfile

CONVERT = '/usr/bin/convert' if os.path.exists('/usr/bin/convert') else 'convert'
FONT = '/usr/share/fonts/truetype/tlwg/Garuda.ttf'
RED = (228, 62, 80)      # stamp-pad red: Rec.601 luma ≈ 118, a mid grey in a grey scan
BLUE = (28, 52, 178)     # ballpoint blue
RING_TEXTS = [
    'องค์การบริหารส่วนตำบลหนองบัวทอง * อำเภอเมือง *',
    'เทศบาลตำบลบ้านใหม่สามัคคี * จังหวัดนครสวรรค์ *',
    'สำนักงานสาธารณสุขอำเภอท่าเรือ * งานธุรการ *',
]
CENTRE_TEXTS = ['สำนักปลัด', 'งานสารบรรณ', 'กองคลัง']

QUALITIES = {
    # dpi, colour pages ('ends' = first and last, 'all', 'none'), stamps, skew bound, encode
    'q300': dict(dpi=300, colour='ends', stamps=True, skew=0.3, blur=0.35, noise=0.08, jpeg=92),
    'q300g': dict(dpi=300, colour='none', stamps=True, skew=0.3, blur=0.35, noise=0.08, jpeg=92),
    'q200': dict(dpi=200, colour='none', stamps=False, skew=1.0, blur=0.7, noise=0.12, jpeg=75),
    'q150': dict(dpi=150, colour='none', stamps=False, skew=1.0, blur=0.5, noise=0.4, jpeg=45, paper=True),
    'colour': dict(dpi=200, colour='all', stamps=True, skew=0.7, blur=0.5, noise=0.15, jpeg=80, tint=True),
    'g4': dict(dpi=300, colour='none', stamps=True, skew=0.5, blur=0.4, noise=0.0, g4=True),
}


def run(*args):
    subprocess.run([str(a) for a in args], check=True)


def rgb(c):
    return 'rgb(%d,%d,%d)' % c


def make_stamp(path, rnd):
    """A round rubber stamp, 300 dpi, red on transparent: two rings, ring text, an emblem, centre text."""
    size = rnd.randint(470, 540)  # ≈ 4–4.6 cm
    r = size // 2
    tmp = path + '.ring.png'
    text = rnd.choice(RING_TEXTS)
    # the ring text: a strip bent into a full circle (ImageMagick's Arc distortion)
    run(CONVERT, '-background', 'none', '-fill', rgb(RED), '-font', FONT, '-pointsize', 40,
        'label:' + text, '-virtual-pixel', 'transparent',
        '-distort', 'Arc', '355 %d %d %d' % (rnd.randint(0, 359), r - 22, r - 78), tmp)
    cx = cy = r
    emblem = []
    # a crude emblem: a star of spikes round a disc
    spikes = 9
    for k in range(spikes * 2):
        a = math.pi * k / spikes
        rr = 62 if k % 2 == 0 else 30
        emblem.append('%d,%d' % (cx + rr * math.sin(a), cy - 28 - rr * math.cos(a)))
    run(CONVERT, '-size', '%dx%d' % (size, size), 'xc:none',
        tmp, '-gravity', 'center', '-composite', '-gravity', 'northwest',
        '-fill', 'none', '-stroke', rgb(RED), '-strokewidth', 9,
        '-draw', 'circle %d,%d %d,%d' % (cx, cy, cx, 7),
        '-strokewidth', 4, '-draw', 'circle %d,%d %d,%d' % (cx, cy, cx, 86),
        '-stroke', 'none', '-fill', rgb(RED), '-draw', 'polygon ' + ' '.join(emblem),
        '-font', FONT, '-pointsize', 34, '-gravity', 'center',
        '-annotate', '+0+62', rnd.choice(CENTRE_TEXTS),
        # uneven ink: the alpha multiplied by a blurred noise field
        '(', '-size', '%dx%d' % (size, size), 'xc:gray70', '-seed', rnd.randint(1, 10**6),
        '-attenuate', 3, '+noise', 'Uniform', '-blur', '0x3', '-level', '10%,90%', ')',
        '-compose', 'Multiply', '-channel', 'A', '-composite', '+channel',
        '-background', 'none', '-rotate', rnd.uniform(-25, 25), path)
    os.remove(tmp)
    return size


def signature_draw(rnd, x0, y0):
    """A handwritten-like signature: a cursive polyline (loops on a drifting baseline) and an underline flourish."""
    pts = []
    w = rnd.randint(520, 720)
    loops = rnd.randint(6, 10)
    ph = [rnd.uniform(0, 6.28) for _ in range(3)]
    n = 400
    for i in range(n + 1):
        t = i / n
        a = 2 * math.pi * loops * t
        x = x0 + w * t + 38 * math.cos(a + ph[0]) * (0.6 + 0.4 * math.sin(3 * t + ph[1]))
        y = y0 - 55 * math.sin(a) * (0.5 + 0.5 * math.sin(2.3 * math.pi * t + ph[2])) - 40 * t
        pts.append('%.1f,%.1f' % (x, y))
    flourish = []
    for i in range(121):
        t = i / 120
        flourish.append('%.1f,%.1f' % (x0 - 40 + (w + 120) * t, y0 + 45 + 25 * math.sin(math.pi * t) - 30 * t))
    return ['-fill', 'none', '-stroke', rgb(BLUE), '-strokewidth', 5, '-draw', 'polyline ' + ' '.join(pts),
            '-strokewidth', 4, '-draw', 'polyline ' + ' '.join(flourish), '-stroke', 'none']


def marks_for_page(rnd, tmp, page_w, page_h, page_no):
    """ImageMagick arguments that put a stamp and a signature on a 300 dpi page (over the text and rules)."""
    stamp = os.path.join(tmp, 'stamp-%d.png' % page_no)
    size = make_stamp(stamp, rnd)
    # the stamp overlaps the text block: anywhere in the middle band of the page
    sx = int(page_w * rnd.uniform(0.35, 0.75)) - size // 2
    sy = int(page_h * rnd.uniform(0.25, 0.7)) - size // 2
    gx = sx + int(size * rnd.uniform(0.3, 0.7))
    gy = sy + int(size * rnd.uniform(0.55, 0.9))
    return ([stamp, '-geometry', '+%d+%d' % (sx, sy), '-compose', 'Multiply', '-composite', '-compose', 'Over', '+geometry']
            + signature_draw(rnd, gx, gy))


def main():
    text_pdf, out_root, stem, seed = sys.argv[1:5]
    qualities = sys.argv[5:] or list(QUALITIES)
    seed = int(seed)
    tmp = tempfile.mkdtemp(prefix='scanq-')
    try:
        run('pdftoppm', '-r', 300, '-gray', text_pdf, os.path.join(tmp, 'pg'))
        pgms = sorted(f for f in os.listdir(tmp) if f.startswith('pg-') and f.endswith('.pgm'))
        npages = len(pgms)
        for q in qualities:
            spec = QUALITIES[q]
            out = os.path.join(out_root, q)
            os.makedirs(out, exist_ok=True)
            # one generator per (stem, quality), seeded: the same call gives the same scan
            rnd = random.Random('%s/%d/%s' % (stem, seed, q if q not in ('q300g', 'g4') else 'q300'))
            files = []
            for i, pgm in enumerate(pgms):
                page = i + 1
                with open(os.path.join(tmp, pgm), 'rb') as f:
                    head = f.read(64).split()
                page_w, page_h = int(head[1]), int(head[2])
                ends = page == 1 or page == npages
                colour = spec['colour'] == 'all' or (spec['colour'] == 'ends' and ends)
                angle = rnd.uniform(-spec['skew'], spec['skew'])
                noise_seed = rnd.randint(1, 10**6)
                marks = marks_for_page(rnd, tmp, page_w, page_h, page) if spec['stamps'] and ends else []
                args = [CONVERT, os.path.join(tmp, pgm)]
                if marks or colour:
                    args += ['-colorspace', 'sRGB'] + marks
                if not colour:
                    args += ['-grayscale', 'Rec601Luma']
                if spec.get('tint'):
                    args += ['(', '+clone', '-fill', 'rgb(250,245,232)', '-colorize', '100', ')',
                             '-compose', 'Multiply', '-composite', '-compose', 'Over', '+geometry']
                if spec['dpi'] != 300:
                    args += ['-resize', '%.4f%%' % (100 * spec['dpi'] / 300)]
                args += ['-background', 'white', '-rotate', '%.3f' % angle, '+repage']
                args += ['-blur', '0x%s' % spec['blur']]
                if spec['noise'] > 0:
                    args += ['-seed', noise_seed, '-attenuate', spec['noise'], '+noise', 'Gaussian']
                if spec.get('paper'):
                    args += ['-level', '0%,100%,0.9', '+level', '4%,97%']
                if spec.get('g4'):
                    dst = os.path.join(tmp, '%s-%s-%d.tif' % (q, stem, page))
                    args += ['-threshold', '55%', '-type', 'bilevel', '-compress', 'Group4',
                             '-define', 'tiff:rows-per-strip=100000']
                else:
                    dst = os.path.join(tmp, '%s-%s-%d.jpg' % (q, stem, page))
                    args += ['-type', 'TrueColor'] if colour else ['-colorspace', 'Gray']
                    args += ['-quality', spec['jpeg'], '-sampling-factor', '2x2,1x1,1x1']
                args += ['-strip', '-density', spec['dpi'], '-units', 'PixelsPerInch', dst]
                run(*args)
                files.append(dst)
                run('pdftotext', '-f', page, '-l', page, '-raw', '-enc', 'UTF-8', text_pdf,
                    os.path.join(out, '%s.p%d.txt' % (stem, page)))
            run('img2pdf', '--nodate', '--imgsize', '%ddpi' % spec['dpi'], '-o', os.path.join(out, stem + '.pdf'), *files)
            shutil.copyfile(text_pdf, os.path.join(out, stem + '.text.pdf'))
            for f in files:
                os.remove(f)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == '__main__':
    main()
