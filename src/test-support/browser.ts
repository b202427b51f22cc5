import { existsSync } from 'node:fs';
import path from 'node:path';
import type { AxeResults } from 'axe-core';
import type { Page } from 'playwright-core';
import { clientBuildDir, projectRoot } from '../web/client-assets.ts';

/**
 * What the browser suites share: Debian's Chromium driven by playwright-core (no download),
 * axe-core's checks, the focus-indicator check, and waiting for hydration. A suite that cannot
 * run says why (`browserMissing`); it is skipped then, except in CI (CI=true), where it fails.
 */

export const CHROMIUM = '/usr/bin/chromium';
export const manifestPath = path.join(clientBuildDir, '.vite/manifest.json');
export const axePath = path.join(projectRoot, 'node_modules/axe-core/axe.min.js');
export const browserRequired = process.env.CI === 'true';

/** Why the browser suites cannot run here (built bundle, Chromium), if they cannot. */
export function browserMissing(bundleCheck: () => string | null = () => null): string[] {
  return [
    existsSync(manifestPath)
      ? bundleCheck()
      : `${manifestPath} is missing: run \`npm run build\` first, the pages load the built bundle`,
    existsSync(CHROMIUM)
      ? null
      : `${CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)`,
  ].filter((m): m is string => m !== null);
}

/** WCAG 2.0, 2.1 and 2.2 A and AA, and axe's best practices (landmarks, heading order). */
export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'];

/** Tiles an operator might configure; the browser gets a blank tile, nothing leaves. */
export const TILES = {
  url: 'https://tiles.example.org/{z}/{x}/{y}.png',
  attribution:
    '&copy; <a href="https://www.openstreetmap.org/copyright">OpenStreetMap</a> contributors',
};
export const blankTile = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mP8/x8AAwMCAO+ip1sAAAAASUVORK5CYII=',
  'base64',
);

export const launchArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export type Violation = { id: string; impact: string; help: string; targets: string[] };

/**
 * Resolves once React has hydrated the page (its elements carry React's fiber keys) and committed
 * it (two frames later), so that any hydration error has been reported.
 */
export async function hydrated(page: Page): Promise<void> {
  await page.waitForFunction(() => {
    const main = document.getElementById('main');
    return main !== null && Object.keys(main).some((key) => key.startsWith('__reactFiber$'));
  });
  await page.evaluate(
    () =>
      new Promise<void>((resolve) =>
        requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 50))),
      ),
  );
}

/** axe-core's violations on the page as it is now. */
export async function axeViolations(page: Page, axeSource: string): Promise<Violation[]> {
  // Evaluated through the DevTools protocol: the page's script-src 'self' does not apply.
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    const axe = (window as unknown as { axe: { run: (...args: unknown[]) => Promise<AxeResults> } })
      .axe;
    const results = await axe.run(document, {
      runOnly: { type: 'tag', values: tags },
      resultTypes: ['violations'],
    });
    return results.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`),
    }));
  }, AXE_TAGS);
}

export function describeViolations(state: string, violations: readonly Violation[]): string {
  return violations
    .map(
      (v) =>
        `${state}: ${v.id} (${v.impact}): ${v.help}\n${v.targets.map((t) => `    ${t.replace(/\s*\n\s*/g, ' ')}`).join('\n')}`,
    )
    .join('\n');
}

/**
 * Whether the focused element shows a focus indicator: an outline at least 2 px wide whose
 * colour contrasts 3:1 with the background around it (WCAG 2.4.7, 1.4.11). Answers which element
 * has focus (null: none) and its problem, if any.
 */
export function focusIndicator(
  page: Page,
): Promise<{ key: string | null; problem: string | null }> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return { key: null, problem: 'nothing has focus' };
    const key = `${el.tagName}:${[...document.querySelectorAll('*')].indexOf(el)}`;
    const rgb = (color: string): [number, number, number, number] => {
      const m = color.match(/[\d.]+/g)?.map(Number) ?? [];
      return [m[0] ?? 0, m[1] ?? 0, m[2] ?? 0, m[3] ?? 1];
    };
    const luminance = ([r, g, b]: number[]) => {
      const c = [r ?? 0, g ?? 0, b ?? 0].map((v) => {
        const s = v / 255;
        return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
      });
      return 0.2126 * (c[0] ?? 0) + 0.7152 * (c[1] ?? 0) + 0.0722 * (c[2] ?? 0);
    };
    const style = getComputedStyle(el);
    const name = `${el.tagName.toLowerCase()} "${(el.textContent ?? el.getAttribute('aria-label') ?? '').trim().slice(0, 40)}"`;
    if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2) {
      return { key, problem: `${name} shows no focus outline` };
    }
    // The outline is drawn outside the element, over whatever is behind it.
    let background: [number, number, number, number] = [255, 255, 255, 1];
    for (let node = el.parentElement; node; node = node.parentElement) {
      const color = rgb(getComputedStyle(node).backgroundColor);
      if (color[3] > 0) {
        background = color;
        break;
      }
    }
    const a = luminance(rgb(style.outlineColor));
    const b = luminance(background);
    const ratio = (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
    return {
      key,
      problem:
        ratio >= 3
          ? null
          : `${name}: focus outline ${style.outlineColor} on ${background.join(',')} is ${ratio.toFixed(2)}:1`,
    };
  });
}
