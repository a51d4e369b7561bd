import { expect, test } from '@playwright/test'
import { chromiumPath, NO_CHROMIUM } from './support/chromium'
import { SNIPPET, VARIANT } from './support/snippets'
import { openTrayPage, type TrayPage } from './support/tray-page'
import { captureView, type AxeFinding } from './support/visual'

// Every view of the tray window, checked by axe-core in the light and the dark theme. The test
// walks to each view itself, on a fresh core and connector, so it checks the same views whether
// it runs alone or after the other browser tests; it fails if a view is not reached.
test.skip(!chromiumPath(), NO_CHROMIUM)

const EVERY_VIEW = [
  'onboarding-1-intro',
  'onboarding-2-hotkey',
  'onboarding-3-privacy',
  'now-empty',
  'now-save',
  'now-saved',
  'now-reuse',
  'now-reused',
  'library',
  'library-edit',
  'library-delete',
  'activity',
  'settings',
  'now-paused',
]

let tray: TrayPage

test.beforeAll(async ({ browser }) => {
  tray = await openTrayPage(browser)
})

test.afterAll(async () => {
  await tray?.close()
})

test('no serious or critical accessibility violation on any view, in either theme', async () => {
  test.setTimeout(480_000)
  const { page, harness } = tray
  const findings: AxeFinding[] = []
  const checked: string[] = []
  async function check(view: string) {
    findings.push(...(await captureView(page, view)))
    checked.push(view)
  }
  const heading = (name: string | RegExp) => page.getByRole('heading', { name })

  await expect(heading('Reuse the code you already wrote')).toBeVisible()
  await check('onboarding-1-intro')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(heading('Save from anywhere')).toBeVisible()
  await check('onboarding-2-hotkey')
  await page.getByRole('button', { name: 'Continue' }).click()
  await expect(heading('Your code stays on this computer')).toBeVisible()
  await check('onboarding-3-privacy')
  await page.getByRole('button', { name: 'Start using Clipwise' }).click()
  await expect(heading('Copy some code')).toBeVisible()
  await check('now-empty')

  harness.clipboard.copy(SNIPPET)
  await expect(heading('New snippet worth keeping')).toBeVisible()
  const name = page.getByRole('textbox', { name: 'Name' })
  await name.fill('Debounce helper')
  await name.blur() // S in a field types; S anywhere else saves
  await check('now-save')
  await page.keyboard.press('s')
  await expect(heading('Saved')).toBeVisible()
  await check('now-saved')

  harness.clipboard.copy(VARIANT)
  await expect(heading(/You saved (this|something close)/)).toBeVisible()
  await check('now-reuse')
  await page.keyboard.press('Enter')
  await expect(heading('On your clipboard')).toBeVisible()
  await check('now-reused')

  await page.keyboard.press('Control+2')
  const search = page.getByRole('combobox', { name: 'Search saved snippets' })
  await search.fill('debounce')
  await expect(page.getByRole('option', { name: /Debounce helper/ })).toBeVisible()
  await check('library')
  await search.press('Control+e')
  await expect(page.getByRole('form', { name: 'Edit Debounce helper' })).toBeVisible()
  await check('library-edit')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('form')).toHaveCount(0)
  await search.press('Control+d')
  await expect(page.getByRole('alertdialog', { name: /Delete “Debounce helper”/ })).toBeVisible()
  await check('library-delete')
  await page.keyboard.press('Escape')
  await expect(page.getByRole('alertdialog')).toHaveCount(0)

  await page.keyboard.press('Control+3')
  await expect(page.getByRole('list', { name: 'Recent copies' })).toBeVisible()
  await check('activity')

  await page.keyboard.press('Control+4')
  // With an invalid pattern typed, so the field's error state is checked too.
  const pattern = page.getByRole('textbox', { name: 'New ignore pattern' })
  await pattern.fill('([')
  await expect(pattern).toHaveAttribute('aria-invalid', 'true')
  await check('settings')
  await pattern.fill('')
  await page.getByRole('switch', { name: 'Pause watching' }).click()
  await expect(page.getByRole('switch', { name: 'Pause watching' })).toBeChecked()
  await page.keyboard.press('Control+1')
  await expect(heading('Paused')).toBeVisible()
  await check('now-paused')

  expect(checked).toEqual(EVERY_VIEW)
  expect(findings, JSON.stringify(findings, null, 2)).toEqual([])
})
