/**
 * The report page in headless Chromium (the Debian package; .ci/run installs
 * it when missing), with every network request blocked: what it shows must
 * equal the model, its filters must work, and it must not try to fetch
 * anything. A screenshot is left at SCREENSHOT for a person to look at.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildReport, type ReportModel } from '../../src/report/index.js';
import { formatScore } from '../../src/report/render.js';
import { expectedOf, fixtureRecords } from './_records.js';

const CHROMIUM = '/usr/bin/chromium';
const SCREENSHOT = join(tmpdir(), 'ita-extract-report.png');
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

// on CI the browser must be there (.ci/run installs it): a missing one fails there, and is skipped elsewhere, saying so
const run = existsSync(CHROMIUM) || process.env.CI === 'true';
const SKIPPED = `skipped: no Chromium at ${CHROMIUM} (Debian/Ubuntu: apt-get install chromium, as .ci/run does)`;

if (!run) {
  // the default reporter lists a file's tests only when one fails: the warning is what a full `npm test` shows
  console.warn(`the report page's browser tests are ${SKIPPED}`);
  it('the report page in headless Chromium', (ctx) => ctx.skip(SKIPPED));
}

describe.skipIf(!run)('the report page in headless Chromium', () => {
  let profile: string;
  let ctx: BrowserContext;
  let page: Page;
  let model: ReportModel;
  const requests: string[] = [];
  const problems: string[] = [];

  beforeAll(async () => {
    // the records: text fixtures and error PDFs, plus one hostile record
    const records: unknown[] = await fixtureRecords({ docx: false });
    records.push({
      status: 'ok',
      source: { path: 'evil.txt', sha256: 'f'.repeat(64) },
      organization: { name: `<img src="http://127.0.0.1:9/x.png" onerror="window.pwned=1">`, kind: 'other', province: 'กระบี่', district: null },
      fiscalYear: { be: 2568 },
      assessment: { year: 2567, overallScore: 50, level: '<b>x</b>' },
      entries: [],
    });
    const built = await buildReport(records, { generatedAt: '2025-06-01 09:00', title: 'ทดสอบรายงาน ITA' });
    model = built.model;
    profile = mkdtempSync(join(tmpdir(), 'ita-report-chromium-'));
    ctx = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      args: ARGS,
      viewport: { width: 1366, height: 900 },
    });
    page = ctx.pages()[0] ?? (await ctx.newPage());
    page.on('request', (r) => requests.push(r.url()));
    page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' || m.type() === 'warning') problems.push(`console: ${m.text()}`);
    });
    await ctx.route('**', (r) => r.abort());
    await page.setContent(built.html, { waitUntil: 'load' });
  }, 60_000);

  afterAll(async () => {
    await ctx?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  const visibleRows = () => page.locator('#org-table tbody tr:visible').count();

  it('shows every organisation-year, with the count', async () => {
    expect(await page.locator('#org-table tbody tr').count()).toBe(model.rows.length);
    expect(await visibleRows()).toBe(model.rows.length);
    expect(await page.textContent('#row-count')).toBe(String(model.rows.length));
    expect(await page.textContent('#t-records .v')).toBe(String(model.totals.records));
  });

  it("shows a known organisation's score and level (from the hand-checked expected file)", async () => {
    for (const rel of ['expected/003_592d1508f0de56c3.expected.json', 'heldout2/r5_tessaban_nakhon_mixed_digits_2568.expected.json']) {
      const want = expectedOf(rel);
      const row = page.locator('#org-table tbody tr').filter({ has: page.locator('td.name', { hasText: want.organization!.name }) });
      expect(await row.count()).toBe(1);
      expect((await row.locator('td.score').textContent())?.trim()).toBe(formatScore(want.assessment.overallScore));
      expect((await row.locator('td.level').textContent())?.trim()).toBe(want.assessment.level);
    }
  });

  it('draws the charts with the model’s labels and counts', async () => {
    const chart = async (id: string, axis: 'X' | 'Y') => ({
      labels: await page.locator(`#${id} g.role-axis[aria-label^="${axis}-axis"] .role-axis-label text`).allTextContents(),
      values: await page.locator(`#${id} g.mark-text.role-mark text`).allTextContents(),
      bars: await page.locator(`#${id} g.mark-rect.role-mark path`).count(),
    });
    const items = model.items.slice(0, 20);
    expect(items.length).toBeGreaterThan(5);
    expect(await chart('chart-items', 'Y')).toEqual({ labels: items.map((i) => i.label), values: items.map((i) => String(i.documents)), bars: items.length });
    const sections = model.sections.filter((s) => s.entries > 0);
    expect(await chart('chart-sections', 'Y')).toEqual({ labels: sections.map((s) => s.label), values: sections.map((s) => String(s.entries)), bars: sections.length });
    expect(await chart('chart-scores', 'X')).toEqual({
      labels: model.scoreBins.map((b) => b.label),
      values: model.scoreBins.map((b) => String(b.count)),
      bars: model.scoreBins.length,
    });
    expect(await chart('chart-levels', 'X')).toEqual({ labels: model.levels.map((l) => l.label), values: model.levels.map((l) => String(l.count)), bars: model.levels.length });
  });

  it('filters by province and by kind, and counts the rows shown', async () => {
    const province = 'ขอนแก่น';
    const inProvince = model.rows.filter((r) => r.province === province);
    expect(inProvince.length).toBeGreaterThan(1);
    await page.selectOption('#f-province', province);
    expect(await visibleRows()).toBe(inProvince.length);
    expect(await page.textContent('#row-count')).toBe(String(inProvince.length));
    expect(await page.locator('#org-table tbody tr:visible td:nth-child(3)').allTextContents()).toEqual(inProvince.map(() => province));

    const kind = inProvince[0]!.kind!;
    await page.selectOption('#f-kind', kind);
    const both = inProvince.filter((r) => r.kind === kind).length;
    expect(both).toBeLessThan(inProvince.length);
    expect(await visibleRows()).toBe(both);
    expect(await page.textContent('#row-count')).toBe(String(both));

    await page.selectOption('#f-province', ''); // not stated
    const none = model.rows.filter((r) => r.province === null && r.kind === kind).length;
    expect(await visibleRows()).toBe(none);

    await page.selectOption('#f-province', '__all__');
    await page.selectOption('#f-kind', '__all__');
    expect(await visibleRows()).toBe(model.rows.length);
  });

  it('sorts by score when its header is clicked', async () => {
    await page.click('#org-table thead th:nth-child(7) button');
    const shown = (await page.locator('#org-table tbody tr td.score').allTextContents()).filter((s) => s !== '—').map(Number);
    expect(shown).toEqual([...shown].sort((a, b) => a - b));
    expect(shown.length).toBe(model.rows.filter((r) => r.score !== null).length);
  });

  it('runs none of the hostile record’s markup, and fetched nothing', async () => {
    expect(await page.evaluate(() => (globalThis as unknown as { pwned?: number }).pwned)).toBeUndefined();
    expect(await page.locator('img').count()).toBe(0);
    expect(await page.locator('#org-table td.name', { hasText: '<img src=' }).count()).toBe(1);
    expect(requests).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('takes a screenshot', async () => {
    await page.screenshot({ path: SCREENSHOT, fullPage: true });
    const png = readFileSync(SCREENSHOT);
    expect(png.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))).toBe(true);
    expect(png.readUInt32BE(16)).toBe(1366); // IHDR width
    expect(png.readUInt32BE(20)).toBeGreaterThan(1500); // the whole page
    expect(png.length).toBeGreaterThan(50_000);
    expect(requests).toEqual([]);
  });
});
