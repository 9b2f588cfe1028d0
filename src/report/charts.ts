/**
 * Charts as inline SVG, drawn at generation time in Node by Vega-Lite
 * (compiled to Vega, rendered by a headless Vega view with no DOM and no
 * canvas). Vega and Vega-Lite are ESM-only, so they are loaded with
 * import(): the CJS build of the library then still loads.
 *
 * Without a canvas Vega estimates text widths as 0.8 em per UTF-16 unit,
 * which makes Thai labels (whose vowel and tone marks take no width) look
 * twice as long as they are: label truncation and axis space then go wrong.
 * While the charts are drawn, a Thai-aware estimate is put in its place
 * (Vega's documented hook: `textMetrics.width`, as vl-convert does) and the
 * original is put back afterwards.
 */
import type { TopLevelSpec } from 'vega-lite';

type Vega = typeof import('vega');
type VegaLite = typeof import('vega-lite');

let loaded: Promise<{ vega: Vega; vl: VegaLite }> | null = null;
function load(): Promise<{ vega: Vega; vl: VegaLite }> {
  loaded ??= Promise.all([import('vega'), import('vega-lite')]).then(([vega, vl]) => ({ vega, vl }));
  return loaded;
}

/** Thai marks drawn above or below the base character: no advance width. */
const ZERO_WIDTH = /[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E\u200B-\u200D]/;

/** Width of a string in em, roughly, for a sans-serif font. */
export function estimateEm(text: string): number {
  let em = 0;
  for (const ch of text) {
    if (ZERO_WIDTH.test(ch)) continue;
    if (/[\u0E00-\u0E7F]/.test(ch)) em += 0.58;
    else if (/[ .,:;'!|ijlI()[\]]/.test(ch)) em += 0.3;
    else if (/[0-9]/.test(ch)) em += 0.56;
    else if (/[A-Z]/.test(ch)) em += 0.68;
    else if (/[a-z]/.test(ch)) em += 0.52;
    else em += 0.8;
  }
  return em;
}

interface TextItem {
  text?: unknown;
  fontSize?: unknown;
}

function thaiWidth(item: TextItem, text?: unknown): number {
  const value = text ?? item.text;
  const s = Array.isArray(value) ? value.join(' ') : value == null ? '' : String(value);
  const size = item.fontSize != null ? Number(item.fontSize) || 0 : 11;
  return Math.ceil(estimateEm(s.trim()) * size);
}

/** Fonts for the SVG text; the page's CSS sets the same stack and wins where it applies. */
export const CHART_FONT = 'Sarabun, Noto Sans Thai, Noto Sans Thai UI, Leelawadee UI, Tahoma, Loma, Garuda, sans-serif';

const CONFIG = {
  font: CHART_FONT,
  background: 'transparent',
  view: { stroke: null },
  axis: { labelFontSize: 12, titleFontSize: 12, titleFontWeight: 'normal', labelColor: '#222', titleColor: '#444', gridColor: '#e6e6e6' },
  bar: { color: '#2b6a99' },
  text: { fontSize: 12, color: '#222' },
} as const;

export interface BarDatum {
  label: string;
  value: number;
}

/**
 * Bars keep the given order through a numeric field: a sort by a list of
 * labels would put the labels into Vega expressions, where a label such as
 * "constructor" or "toString" (records are untrusted) breaks Vega's parser.
 */
const BY_ORDER = { field: 'order', op: 'min' } as const;
const chartValues = (data: readonly BarDatum[]) => data.map((d, order) => ({ label: d.label, value: d.value, order }));

/** A horizontal bar chart, bars in the given order, each with its value written after it. */
export function horizontalBars(data: readonly BarDatum[], opts: { axisTitle: string; width?: number; labelLimit?: number }): TopLevelSpec {
  return {
    width: opts.width ?? 360,
    height: { step: 24 },
    data: { values: chartValues(data) },
    encoding: {
      y: { field: 'label', type: 'nominal', sort: BY_ORDER, axis: { title: null, labelLimit: opts.labelLimit ?? 420 } },
      x: { field: 'value', type: 'quantitative', axis: { title: opts.axisTitle, tickMinStep: 1, format: 'd', grid: true } },
    },
    layer: [
      { mark: { type: 'bar', cornerRadiusEnd: 2 } },
      { mark: { type: 'text', align: 'left', baseline: 'middle', dx: 4 }, encoding: { text: { field: 'value', type: 'quantitative' } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

/** A vertical bar chart over ordered categories (a histogram of pre-binned counts), each bar with its count above it. */
export function verticalBars(data: readonly BarDatum[], opts: { axisTitle: string; valueTitle: string; color?: string }): TopLevelSpec {
  return {
    width: { step: Math.max(36, Math.min(64, 480 / Math.max(1, data.length))) },
    height: 200,
    data: { values: chartValues(data) },
    encoding: {
      x: { field: 'label', type: 'ordinal', sort: BY_ORDER, axis: { title: opts.axisTitle, labelAngle: 0, labelLimit: 120 } },
      y: { field: 'value', type: 'quantitative', axis: { title: opts.valueTitle, tickMinStep: 1, format: 'd', grid: true } },
    },
    layer: [
      { mark: { type: 'bar', ...(opts.color ? { color: opts.color } : {}), cornerRadiusEnd: 2 } },
      { mark: { type: 'text', baseline: 'bottom', dy: -3 }, encoding: { text: { field: 'value', type: 'quantitative' } } },
    ],
    config: CONFIG,
  } as TopLevelSpec;
}

/** Vega-Lite specs → SVG strings, in order. */
export async function renderSvg(specs: readonly TopLevelSpec[]): Promise<string[]> {
  const { vega, vl } = await load();
  // not in vega's typings, but exported (vega-scenegraph's textMetrics)
  const metrics = (vega as unknown as { textMetrics?: { width: (item: TextItem, text?: unknown) => number } }).textMetrics ?? {
    width: thaiWidth,
  };
  const original = metrics.width;
  metrics.width = thaiWidth;
  try {
    const out: string[] = [];
    for (const spec of specs) {
      const view = new vega.View(vega.parse(vl.compile(spec).spec), { renderer: 'none', logLevel: vega.Error });
      try {
        out.push(await view.toSVG());
      } finally {
        view.finalize();
      }
    }
    return out;
  } finally {
    metrics.width = original;
  }
}
