import AxeBuilder from '@axe-core/playwright'
import type { Page } from '@playwright/test'
import { mkdirSync } from 'node:fs'
import { join } from 'node:path'

/** Kept after the run (Playwright cleans only its own outputDir, test-results/playwright). */
export const SCREENSHOT_DIR = join(__dirname, '..', '..', 'test-results', 'screenshots')

export interface AxeFinding {
  view: string
  theme: string
  id: string
  impact: string
  help: string
  targets: string[]
}

/** The colours a theme sets on the page, to tell that a theme switch took effect. */
function themeColours(page: Page): Promise<string> {
  return page.evaluate(() =>
    [document.documentElement, document.body]
      .map((element) => getComputedStyle(element))
      .map((style) => `${style.backgroundColor} ${style.color}`)
      .join(' / '),
  )
}

/**
 * Screenshots the window in the light and the dark theme (the "system" theme following the
 * emulated colour scheme) and runs axe-core on each; returns serious and critical findings.
 * Throws when the two themes look the same (the switch did not take effect).
 */
export async function captureView(page: Page, view: string): Promise<AxeFinding[]> {
  mkdirSync(SCREENSHOT_DIR, { recursive: true })
  const findings: AxeFinding[] = []
  const colours: string[] = []
  for (const theme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' })
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)))
    colours.push(await themeColours(page))
    await page.screenshot({ path: join(SCREENSHOT_DIR, `${view}-${theme}.png`) })
    const result = await new AxeBuilder({ page })
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
      .analyze()
    for (const violation of result.violations) {
      if (violation.impact !== 'serious' && violation.impact !== 'critical') continue
      findings.push({
        view,
        theme,
        id: violation.id,
        impact: violation.impact,
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.join(' ')),
      })
    }
  }
  await page.emulateMedia({ colorScheme: 'light' })
  if (colours[0] === colours[1]) {
    throw new Error(`${view}: the light and the dark theme look the same (${colours[0]})`)
  }
  return findings
}
