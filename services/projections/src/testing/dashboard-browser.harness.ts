import { existsSync } from 'node:fs';
import { Browser, chromium, Page } from 'playwright-core';

// The page's globals, as far as these probes use them (the workspace compiles without the DOM library).
// The probes run in the page, serialised: they name globalThis themselves, not a helper of this file.
interface Canvas {
  width: number;
  height: number;
  getContext(kind: '2d'): { getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray } };
  getBoundingClientRect(): { left: number; top: number };
}
interface PageGlobals {
  document: { querySelector(s: string): (Canvas & { textContent: string | null }) | null; querySelectorAll(s: string): Iterable<{ textContent: string | null }> };
  Chart: {
    getChart(canvas: Canvas): { chartArea: { left: number; top: number; right: number; bottom: number }; getDatasetMeta(n: number): { data: { x: number; y: number; base: number }[] } };
  };
}

/** Debian's chromium: deploy/local/ensure-installed.js installs it (as root) where it is missing. */
export const CHROMIUM = '/usr/bin/chromium';

/** A real headless chromium on one page of the dashboard. */
export class DashboardBrowser {
  private browser: Browser | undefined;
  page!: Page;

  async open(url: string): Promise<Page> {
    if (!existsSync(CHROMIUM)) {
      throw new Error(`${CHROMIUM} is missing: the dashboard is tested in a real browser. Install Debian's chromium (apt-get install chromium), which deploy/local/ensure-installed.js does when run as root.`);
    }
    this.browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    this.page = await this.browser.newPage({ viewport: { width: 1400, height: 1800 } });
    const response = await this.page.goto(url);
    if (response?.status() !== 200) throw new Error(`${url} answered ${response?.status()}: ${await response?.text()}`);
    return this.page;
  }

  /**
   * Pixels drawn in this colour (±8 per channel, opaque) inside the chart's plotting area, where
   * the bars are (the legend's swatches and the axes are outside it); with `whole`, the whole canvas.
   */
  pixelsOf(canvas: string, [r, g, b]: [number, number, number], whole = false): Promise<number> {
    return this.page.evaluate(
      ({ selector, rgb, all }) => {
        const page = globalThis as unknown as PageGlobals;
        const element = page.document.querySelector(selector);
        if (!element) return 0;
        // The page runs at device scale 1, so the chart's CSS pixels are the canvas's.
        const area = all ? { left: 0, top: 0, right: element.width, bottom: element.height } : page.Chart.getChart(element).chartArea;
        const data = element.getContext('2d').getImageData(area.left, area.top, area.right - area.left, area.bottom - area.top).data;
        let count = 0;
        for (let i = 0; i < data.length; i += 4) {
          if (Math.abs(data[i] - rgb[0]) < 8 && Math.abs(data[i + 1] - rgb[1]) < 8 && Math.abs(data[i + 2] - rgb[2]) < 8 && data[i + 3] > 200) count += 1;
        }
        return count;
      },
      { selector: canvas, rgb: [r, g, b], all: whole },
    );
  }

  /** Clicks the middle of one bar, found through Chart.js's own layout of the chart. */
  async clickBar(canvas: string, dataset: number, index: number): Promise<void> {
    const point = await this.page.evaluate(
      ({ selector, d, i }) => {
        const element = (globalThis as unknown as PageGlobals).document.querySelector(selector);
        if (!element) throw new Error(`no ${selector}`);
        const chart = (globalThis as unknown as PageGlobals).Chart.getChart(element);
        const bar = chart.getDatasetMeta(d).data[i];
        const box = element.getBoundingClientRect();
        return { x: box.left + bar.x, y: box.top + (bar.y + bar.base) / 2 };
      },
      { selector: canvas, d: dataset, i: index },
    );
    await this.page.mouse.click(point.x, point.y);
  }

  text(selector: string): Promise<string> {
    return this.page.evaluate((s) => (globalThis as unknown as PageGlobals).document.querySelector(s)?.textContent?.trim() ?? '', selector);
  }

  texts(selector: string): Promise<string[]> {
    return this.page.evaluate((s) => [...(globalThis as unknown as PageGlobals).document.querySelectorAll(s)].map((e) => e.textContent?.trim() ?? ''), selector);
  }

  async close(): Promise<void> {
    await this.browser?.close();
  }
}
