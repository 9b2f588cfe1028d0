/**
 * One generated ITA report from a seed: layout and content chosen at random
 * (test/_support/variants.ts's mulberry32, so the same seed gives the same
 * document on every run), laid out as blocks, with the expected output known
 * by construction. Nothing here imports the recogniser or the readers.
 */
import { rng } from '../variants.js';
import { budgetRaw, chooseItems, chooseLayout, expectedEntry, int, layoutPhenomena, pick } from './content.js';
import { ORGS } from './pool.js';
import { cellRng, chooseCells, writeCells } from './cells.js';
import { chooseExtra, extraRng } from './extra.js';
import { chooseShading, shadeRng } from './shading.js';
import { chooseRowScore, rowScoreRng, writeRowScores } from './row-score.js';
import { chooseForms, formsRng, writeForms } from './forms.js';
import { borderlessRng, chooseBorderless, markBorderless } from './borderless.js';
import { assessRng, assessmentBlocks, chooseAssessment, levelOf, levelProse } from './assessment.js';
import { closing, coverMemo, headBlocks, listBlocks, paragraphBlocks, type Org } from './prose.js';
import { tableBlocks } from './table.js';
import type { GBlock, GenDoc, Item, Layout } from './types.js';

export function generate(seed: number, force: Partial<Layout> = {}): GenDoc {
  const random = rng(seed);
  const x = extraRng(seed);
  const layout = chooseLayout(random, force);
  chooseExtra(x, layout, force);
  const c = cellRng(seed);
  chooseCells(c, layout, force);
  chooseShading(shadeRng(seed), layout, force);
  const a = assessRng(seed);
  chooseAssessment(a, layout, force);
  const plan = layout.assessment;
  const rs = rowScoreRng(seed);
  chooseRowScore(rs, layout, force);
  const [kind, name, district, province] = pick(random, ORGS);
  const org: Org = { kind, name, district, province };
  const fy = 2566 + int(random, 4);
  const fm = formsRng(seed);
  chooseForms(fm, layout, fy, force);
  chooseBorderless(borderlessRng(seed), layout, force);
  const items = chooseItems(random, layout, x);
  writeCells(items, layout, fy, c);
  writeRowScores(items, layout, rs);
  writeForms(items, layout, fm);
  const budgets = new Map<Item, string>();
  for (const it of items) budgets.set(it, budgetRaw(it, layout.digits, random));

  const blocks: GBlock[] = [];
  if (layout.cover) blocks.push(...coverMemo(org, fy, layout, random));
  const levelIn = (score: number): string => (plan && plan.level === 'prose' ? levelProse(levelOf(score, fy - 1), a) : '');
  const head = headBlocks(org, fy, layout, random, levelIn);
  blocks.push(...head.blocks);
  const level = plan && plan.level !== 'none' ? levelOf(head.score, fy - 1) : null;
  const scores = plan ? assessmentBlocks(plan, fy - 1, head.score, level ?? '', layout.digits, a) : { blocks: [], expected: [] };
  blocks.push(...scores.blocks);
  let pages = 1;
  if (layout.body === 'table') {
    const t = tableBlocks(items, layout, fy, budgets, random, x);
    markBorderless(t.blocks, layout);
    blocks.push(...t.blocks);
    pages = t.pages;
  } else if (layout.body === 'list') blocks.push(...listBlocks(items, layout, fy, budgets, random));
  else blocks.push(...paragraphBlocks(items, layout, fy, budgets, random));
  if (layout.signatures) blocks.push(...closing(org, fy, layout, random));

  const sections = [...new Set(items.map((i) => i.section).filter((s): s is number => s !== null))];
  return {
    id: `g${seed}`,
    seed,
    // page furniture shows only where the table broke across pages
    phenomena: layoutPhenomena(layout).filter((p) => p !== 'pageFurniture' || pages > 1),
    blocks,
    expected: {
      organization: { name: `${kind}${name}`, kind, district, province },
      fiscalYear: fy,
      assessment: { year: fy - 1, overallScore: head.score, level, indicators: scores.expected },
      sections,
      entries: items.map((it) => expectedEntry(it, layout, fy, budgets.get(it) ?? '')),
    },
  };
}
