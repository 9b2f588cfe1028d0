/**
 * Generated documents as text (the converters' form the text reader takes:
 * tables as tab-separated lines, several paragraphs in a cell as <p>…</p>,
 * bold headings as **…**, a page break as a blank line) and as HTML
 * (tables with rowspan/colspan and <th> header rows, <br> inside cells).
 */
import type { GBlock, GCell, GRow } from './types.js';

function textCell(c: GCell | null): string {
  if (!c || c.lines.length === 0) return '';
  const t = c.lines.length === 1 ? c.lines[0]! : c.lines.map((l) => `<p>${l.replace(/&/g, '&amp;')}</p>`).join('');
  return c.bold ? `**${t}**` : t;
}

export function writeText(blocks: GBlock[]): string {
  const out: string[] = [];
  for (const b of blocks) {
    if (b.t === 'page') out.push('');
    else if (b.t === 'line') out.push(b.bold ? `**${b.text}**` : b.text, '');
    else if (b.t === 'list') {
      // as a converter writes an ordered list: the number, then the item's further lines indented
      b.items.forEach((lines, i) => out.push(`${b.start + i}. ${lines[0] ?? ''}`, ...lines.slice(1).map((l) => `    ${l}`), ''));
    } else {
      out.push(...b.rows.map((r) => r.cells.map(textCell).join('\t')), '');
    }
  }
  return `${out.join('\n').replace(/\n{3,}/g, '\n\n')}\n`;
}

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function htmlCell(c: GCell, header: boolean, valign?: 'middle' | 'top'): string {
  const tag = header ? 'th' : 'td';
  const attrs = `${c.rowSpan && c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}${c.colSpan && c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}`;
  const body = c.lines.map(esc).join('<br>');
  // a chart's empty columns keep a width (a browser collapses empty columns to their padding)
  const fill = c.shadedByClass
    ? ` class="${c.shaded ? 'gs' : 'gw'}"`
    : c.shaded
      ? ` style="background-color:#${c.shaded};width:1.5em"`
      : '';
  const align = valign ? ` valign="${valign}"` : '';
  return `<${tag}${attrs}${fill}${align}>${c.bold ? `<b>${body}</b>` : body}</${tag}>`;
}

function htmlRow(r: GRow, valign?: 'middle' | 'top'): string {
  return `<tr>${r.cells.filter((c): c is GCell => c !== null).map((c) => htmlCell(c, Boolean(r.header), valign)).join('')}</tr>`;
}

export function writeHtml(blocks: GBlock[]): string {
  const out: string[] = ['<!DOCTYPE html>', '<html lang="th"><head><meta charset="utf-8"><title>ITA</title></head><body>'];
  let page = false;
  for (const b of blocks) {
    if (b.t === 'page') {
      page = true;
      continue;
    }
    const style = page ? ' style="page-break-before:always"' : '';
    page = false;
    if (b.t === 'list') {
      const start = b.start === 1 ? '' : ` start="${b.start}"`;
      out.push(`<ol${start}${style}>`, ...b.items.map((lines) => `<li>${lines.map(esc).join('<br>')}</li>`), '</ol>');
    } else if (b.t === 'line') {
      const text = b.bold ? `<b>${esc(b.text)}</b>` : esc(b.text);
      if (b.style === 'title') out.push(`<h1${style}>${esc(b.text)}</h1>`);
      else if (b.style === 'heading') out.push(`<h3${style}>${text}</h3>`);
      else out.push(`<p${style}${b.style === 'center' ? ' align="center"' : b.style === 'right' ? ' align="right"' : ''}>${text}</p>`);
    } else {
      // forms.ts: shading by class, as Google Docs exports it (a <style> block, white for the unshaded cells)
      const shadedBy = b.rows.flatMap((r) => r.cells).find((c) => c?.shadedByClass && c.shaded);
      if (shadedBy) out.push(`<style type="text/css">.gw{background-color:#ffffff;width:1.5em}.gs{background-color:#${shadedBy.shaded};width:1.5em}</style>`);
      // borderless.ts: no rules (border="0"), cells aligned as the plan says
      const v = b.borderless?.valign;
      out.push(`<table border="${v ? 0 : 1}"${style}>`, ...b.rows.map((r) => htmlRow(r, v)), '</table>');
    }
  }
  out.push('</body></html>', '');
  return out.join('\n');
}
