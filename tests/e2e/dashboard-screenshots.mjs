// Renders the dashboard page in headless Chromium (Debian's /usr/bin/chromium, never a downloaded browser)
// at phone and desktop widths, saves full-page screenshots and prints what the page looked like as JSON.
// Usage: node dashboard-screenshots.mjs <page.html> <output-directory>
import { chromium } from 'playwright-core';
import { pathToFileURL } from 'node:url';
import path from 'node:path';

const [htmlFile, outDir] = process.argv.slice(2);
if (!htmlFile || !outDir) {
  console.error('Usage: node dashboard-screenshots.mjs <page.html> <output-directory>');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const viewports = [
  { name: 'phone', width: 390, height: 844, deviceScaleFactor: 2, isMobile: true },
  { name: 'desktop', width: 1280, height: 900, deviceScaleFactor: 1, isMobile: false },
];

const browser = await chromium.launch({ executablePath, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const results = [];
try {
  for (const v of viewports) {
    const context = await browser.newContext({
      viewport: { width: v.width, height: v.height },
      deviceScaleFactor: v.deviceScaleFactor,
      isMobile: v.isMobile,
      locale: 'zh-CN',
    });
    const page = await context.newPage();
    await page.goto(pathToFileURL(path.resolve(htmlFile)).href, { waitUntil: 'load' });
    const screenshot = path.join(outDir, `dashboard-${v.name}.png`);
    await page.screenshot({ path: screenshot, fullPage: true });
    const facts = await page.evaluate(() => {
      const box = (el) => { const r = el.getBoundingClientRect(); return { left: r.left, right: r.right, width: r.width, height: r.height }; };
      const rows = [...document.querySelectorAll('li.row')];
      return {
        title: document.title,
        lang: document.documentElement.lang,
        scrollWidth: document.documentElement.scrollWidth,
        clientWidth: document.documentElement.clientWidth,
        rows: rows.length,
        measureRows: rows.filter((r) => r.id.startsWith('measure-')).length,
        rowsInside: rows.every((r) => box(r).right <= document.documentElement.clientWidth + 0.5),
        scripts: document.scripts.length,
        labelFontPx: parseFloat(getComputedStyle(document.querySelector('.label')).fontSize),
        bars: rows.filter((r) => r.id).map((r) => ({
          id: r.id,
          track: box(r.querySelector('.track')).width,
          fill: box(r.querySelector('.fill')).width,
          rag: r.classList.contains('red') ? 'red' : r.classList.contains('amber') ? 'amber' : 'green',
          fillColor: getComputedStyle(r.querySelector('.fill')).backgroundColor,
        })),
      };
    });
    results.push({ viewport: v.name, width: v.width, screenshot, ...facts });
    await context.close();
  }
} finally {
  await browser.close();
}
console.log(JSON.stringify(results));
