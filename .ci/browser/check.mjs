// Debian's Chromium, headless, over the rendered published report (issue 14's acceptance):
//   node check.mjs REPORT.html OUT_DIR [SENSHIN_LINT DRAFT]
// The five findings sit on the cells they name, activating 約911.1億円 shows its derivation, the 77 cost rows are
// all there, nothing is fetched; a 1280×800 screenshot and an A4-landscape PDF are written to OUT_DIR, and no
// table row is split across the PDF's pages. Given the program and a consistent draft, `preview` too: the page
// in the browser shows a new finding within a second of the draft being saved.
import { chromium } from 'playwright-core';
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, readFileSync, renameSync, writeFileSync, mkdirSync } from 'node:fs';
import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import assert from 'node:assert/strict';

const [html, out, program, consistent] = process.argv.slice(2).map((p) => path.resolve(p));
const started = Date.now();
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: [
    '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
    '--disable-background-networking', '--disable-component-update', '--disable-sync',
  ],
});
const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
const fetched = [];
page.on('request', (r) => { if (!r.url().startsWith('file:')) fetched.push(r.url()); });
const problems = [];
page.on('pageerror', (e) => problems.push(String(e)));
page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
await page.goto(pathToFileURL(html).href);

// The five findings of the published report, each on the cell of the figure it names.
const flagged = await page.$$eval('td[data-rules]', (tds) =>
  tds.map((td) => [td.dataset.path, td.dataset.rules, td.dataset.severity]).sort());
const expected = [
  ['history.4.advanced_cost', 'history-vs-report'],
  ['summary.A.total_cost', 'summary-vs-costs'],
  ['zero_cases.B.11.prior_cases', 'prior-cases'],
  ['zero_cases.B.9.facilities.0.plan', 'mixed-punctuation'],
  ['zero_cases.B.9.facilities.0.reason', 'mixed-punctuation'],
];
assert.deepEqual(flagged.map(([p, r]) => [p, r]), expected, JSON.stringify(flagged));
for (const [, , severity] of flagged) assert.ok(['error', 'warning', 'info'].includes(severity));
// Where the report names them: 告示番号 49's prior-year cases, 告示番号 32's reason and plan.
const notice = async (p) => page.$eval(`td[data-path="${p}"]`, (td) => td.closest('tr').textContent);
assert.match(await notice('zero_cases.B.11.prior_cases'), /４９|49/);
assert.match(await notice('zero_cases.B.9.facilities.0.reason'), /３２|32/);
// The findings list links to each.
assert.equal(await page.locator('header.findings a[data-finding]').count(), 5);

// Activating the 約911.1億円 cell (click, then the keyboard) shows its finding and derivation.
const cell = page.locator('td[data-path="summary.A.total_cost"]');
assert.equal((await cell.textContent()).trim(), '約911.1億円');
await cell.click();
const details = page.locator('#details');
assert.ok(await details.isVisible());
const shown = await details.textContent();
assert.ok(shown.includes('911.18'), shown);
assert.ok(shown.includes('91,117,710,124'), shown);
assert.equal(await page.locator('td.compared').count() > 0, true, 'no compared cell marked');
await page.keyboard.press('Escape');
assert.ok(await details.isHidden());
await page.locator('td[data-path="history.4.advanced_cost"]').focus();
assert.ok(await details.isVisible(), 'focus does not show the details');
await page.keyboard.press('Escape');

// All 77 cost rows (参考資料１ and ２), by their place in the draft.
const rows = await page.$$eval('td[data-path^="costs."]', (tds) =>
  new Set(tds.map((td) => td.dataset.path.match(/^costs\.[AB]\.rows\.\d+/)?.[0]).filter(Boolean)).size);
assert.equal(rows, 77);

assert.deepEqual(fetched, [], 'the page fetched something');
assert.deepEqual(problems, [], 'the page reported errors');

// The screenshot: the top of the page, the findings list, and the 約911.1億円 cell's details open.
await page.evaluate(() => window.scrollTo(0, 0));
await cell.click();
await page.screenshot({ path: path.join(out, 'report.png') });
const pdf = { format: 'A4', landscape: true, printBackground: true };
await page.pdf({ ...pdf, path: path.join(out, 'report.pdf') });

// No row split across pages: the same page again with a mark at the top and at the bottom of every cell
// (absolutely placed, so the layout is the one just printed); each row's marks must all be on one page.
await page.addStyleTag({ content: 'td, th { position: relative } .row-mark { position: absolute; left: 0; font-size: 4px; line-height: 1 }' });
const marked = await page.$$eval('tbody tr', (trs) => {
  trs.forEach((tr, i) => tr.querySelectorAll('td, th').forEach((c) => {
    for (const edge of ['top', 'bottom']) {
      const s = document.createElement('span');
      s.className = 'row-mark';
      s.style[edge] = '0';
      s.textContent = `[[r${i}]]`;
      c.appendChild(s);
    }
  }));
  return trs.length;
});
await page.pdf({ ...pdf, path: path.join(out, 'report-marked.pdf') });

let previewed = '';
if (program) {
  // The preview as an official uses it: the page open in the browser, the draft saved by an editor (a new file
  // renamed over it), the page updated by itself.
  const dir = path.join(out, 'preview');
  mkdirSync(dir, { recursive: true });
  const draft = path.join(dir, '令和6年度.yaml');
  copyFileSync(consistent, draft);
  const child = spawn(program, ['preview', '--no-open', '--lang', 'ja', draft], { stdio: ['ignore', 'pipe', 'inherit'] });
  try {
    let said = '';
    while (!/http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]+\//.test(said)) said += (await once(child.stdout, 'data'))[0];
    const url = said.match(/http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]+\//)[0];
    child.stdout.resume();
    const live = await browser.newPage();
    await live.goto(url);
    const one = 'td[data-path="summary.A.technologies"]';
    assert.equal(await live.$eval(one, (td) => td.dataset.rules ?? null), null);
    await live.waitForTimeout(200); // the page's event stream is connected
    const text = readFileSync(draft, 'utf8');
    const changed = text.replace('    technologies: 4\n', '    technologies: 5\n');
    assert.notEqual(changed, text);
    const saved = Date.now();
    writeFileSync(path.join(dir, '.swap'), changed);
    renameSync(path.join(dir, '.swap'), draft);
    await live.waitForSelector(`${one}[data-rules]`, { timeout: 5000 });
    const took = Date.now() - saved;
    assert.ok(took < 1000, `the page showed the finding ${took} ms after the save`);
    const refused = await fetch(new URL('/', url));
    assert.equal(refused.status, 403);
    previewed = `; preview showed a saved change in ${took} ms`;
  } finally {
    child.kill();
  }
}
await browser.close();

const text = (file) => execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', maxBuffer: 1 << 28 });
const pages = text(path.join(out, 'report-marked.pdf')).split('\f').filter((p) => p.trim());
const plain = text(path.join(out, 'report.pdf')).split('\f').filter((p) => p.trim());
assert.equal(pages.length, plain.length, 'the marks changed the pagination');
const onPages = new Map();
pages.forEach((p, n) => {
  for (const m of p.matchAll(/\[\[r(\d+)\]\]/g)) {
    const set = onPages.get(m[1]) ?? new Set();
    set.add(n + 1);
    onPages.set(m[1], set);
  }
});
assert.equal(onPages.size, marked, `marks found for ${onPages.size} of ${marked} rows`);
const split = [...onPages].filter(([, s]) => s.size > 1).map(([r, s]) => `row ${r} on pages ${[...s]}`);
assert.deepEqual(split, [], 'rows split across pages');
// The report's own text made it into the PDF (the Japanese font is there).
assert.ok(plain.join('').includes('先進医療'), 'no Japanese text in the PDF');

console.log(`browser: ${flagged.length} findings on their cells, ${rows} cost rows, ${marked} table rows on ` +
  `${plain.length} A4-landscape pages, none split${previewed}; ${((Date.now() - started) / 1000).toFixed(1)} s`);
