// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../app'
import { useAppStore } from '../store'
import {
  appState,
  installFakeBridge,
  libraryItem,
  resetStore,
  suggestion,
  type FakeBridge,
} from '../test-support/fake-bridge'
import type { AppState } from '../../../shared/domain'
import { DEFAULT_SETTINGS } from '../../../shared/default-settings'

// What the tray window shows of the team library: who saved a reuse match and where, the
// per-snippet share choice, and the team settings (the password never in the settings).

let bridge: FakeBridge

function show(state: AppState) {
  bridge = installFakeBridge(state)
  act(() => useAppStore.getState().applyState(state))
  return render(<App />)
}

const teamSettings = {
  ...DEFAULT_SETTINGS,
  team: {
    url: 'postgres://alex@db.example.com/snippets',
    displayName: 'Alex',
    shareNewSaves: false,
  },
}

beforeEach(resetStore)
afterEach(cleanup)

describe('team library in the tray window', () => {
  it('says a reuse match was saved by a teammate in the team library', () => {
    show(
      appState({
        current: suggestion({
          kind: 'reuse',
          matches: [
            {
              assetId: 't1',
              name: 'retry with backoff',
              language: 'ts',
              similarity: 1,
              text: 'const a = 1\n',
              savedAt: new Date().toISOString(),
              reuseCount: 0,
              team: { library: 'snippets', owner: 'Sam', mine: false },
            },
          ],
        }),
      }),
    )
    expect(screen.getByRole('heading', { name: 'Sam saved this in the team library' })).toBeTruthy()
    expect(screen.getByText(/saved by Sam in the team library snippets/)).toBeTruthy()
  })

  it('shares one of your snippets from the edit form, and names a teammate’s instead', async () => {
    const state = appState({ settings: teamSettings })
    bridge = installFakeBridge(state)
    bridge.searchLibrary.mockResolvedValue([
      libraryItem(),
      libraryItem({
        id: 't2',
        name: 'Sam’s parser',
        team: { library: 'snippets', owner: 'Sam', mine: false },
      }),
    ])
    act(() => useAppStore.getState().applyState(state))
    render(<App />)
    const user = userEvent.setup()
    await user.keyboard('{Control>}2{/Control}')
    await user.type(
      await screen.findByRole('combobox', { name: 'Search saved snippets' }, { timeout: 15_000 }),
      'd',
    )
    expect(
      await screen.findByRole('option', { name: /team · Sam/ }, { timeout: 15_000 }),
    ).toBeTruthy()
    await user.click(screen.getByRole('option', { name: /Debounce/ }))
    await user.click(screen.getByRole('button', { name: /Edit/ }))
    await user.click(screen.getByRole('switch', { name: /Shared with the team/ }))
    await user.click(screen.getByRole('button', { name: 'Save changes' }))
    expect(bridge.updateAsset).toHaveBeenCalledWith(
      expect.objectContaining({ assetId: 'a1', shared: true }),
    )
  })

  it('keeps a snippet holding a credential from being shared', async () => {
    const state = appState({ settings: teamSettings })
    bridge = installFakeBridge(state)
    bridge.listLibrary.mockResolvedValue([libraryItem({ sensitive: true })])
    bridge.searchLibrary.mockResolvedValue([libraryItem({ sensitive: true })])
    act(() => useAppStore.getState().applyState(state))
    render(<App />)
    const user = userEvent.setup()
    await user.keyboard('{Control>}2{/Control}')
    await user.type(
      await screen.findByRole('combobox', { name: 'Search saved snippets' }, { timeout: 15_000 }),
      'd',
    )
    await user.click(await screen.findByRole('option', { name: /Debounce/ }, { timeout: 15_000 }))
    await user.click(screen.getByRole('button', { name: /Edit/ }))
    const toggle = screen.getByRole('switch', { name: /Shared with the team/ }) as HTMLInputElement
    expect(toggle.disabled).toBe(true)
    expect(screen.getByText(/never shared/)).toBeTruthy()
  })

  it('sets the team URL in settings and the password apart, refusing one in the URL', async () => {
    show(appState())
    act(() => useAppStore.getState().setView('settings'))
    const user = userEvent.setup()
    // The settings view loads lazily: give it time on a busy machine.
    const url = await screen.findByRole(
      'textbox',
      { name: 'Team library URL' },
      { timeout: 15_000 },
    )
    await user.type(url, 'postgres://alex:hunter2@db/snippets')
    expect(screen.getByText('Put the password in the field below, not in the URL.')).toBeTruthy()
    await user.clear(url)
    await user.type(url, 'postgres://alex@db/snippets?sslmode=verify-full')
    act(() => url.blur())
    await waitFor(() =>
      expect(bridge.updateSettings).toHaveBeenCalledWith({
        team: {
          url: 'postgres://alex@db/snippets?sslmode=verify-full',
          displayName: '',
          shareNewSaves: false,
        },
      }),
    )
    await user.type(screen.getByLabelText('Team library password'), 'hunter2')
    await user.click(screen.getByRole('button', { name: 'Set' }))
    expect(bridge.setTeamPassword).toHaveBeenCalledWith({ password: 'hunter2' })
    expect(JSON.stringify(bridge.updateSettings.mock.calls)).not.toContain('hunter2')
  })
})
