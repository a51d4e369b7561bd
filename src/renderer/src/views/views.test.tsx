// @vitest-environment jsdom
import { act, cleanup, render, screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { App } from '../app'
import { useAppStore } from '../store'
import {
  appState,
  installFakeBridge,
  resetStore,
  suggestion,
  type FakeBridge,
} from '../test-support/fake-bridge'
import type { AppState } from '../../../shared/domain'

let bridge: FakeBridge

function show(state: AppState) {
  bridge = installFakeBridge(state)
  act(() => useAppStore.getState().applyState(state))
  return render(<App />)
}

const reuseMatch = (assetId: string, similarity: number) => ({
  assetId,
  name: `Snippet ${assetId}`,
  language: 'ts',
  similarity,
  text: 'const a = 1\n',
  savedAt: new Date().toISOString(),
  reuseCount: 3,
})

beforeEach(resetStore)
afterEach(cleanup)

describe('Now view', () => {
  it('is calm with nothing copied', () => {
    show(appState())
    expect(screen.getByRole('heading', { name: 'Copy some code' })).toBeTruthy()
    expect(screen.getByText('Ctrl+Shift+S')).toBeTruthy()
  })

  it('offers saving with an editable name, and S saves', async () => {
    show(appState({ current: suggestion() }))
    expect(screen.getByRole('heading', { name: 'New snippet worth keeping' })).toBeTruthy()
    const user = userEvent.setup()
    await user.clear(screen.getByRole('textbox', { name: 'Name' }))
    await user.type(screen.getByRole('textbox', { name: 'Name' }), 'Answer')
    expect(bridge.save).not.toHaveBeenCalled() // the "s" typed into the field
    act(() => (document.activeElement as HTMLElement).blur())
    await user.keyboard('s')
    expect(bridge.save).toHaveBeenCalledWith({ name: 'Answer', tags: [], language: 'ts' })
  })

  it('lists matches best first with similarity; arrows choose and Enter reuses', async () => {
    show(
      appState({
        current: suggestion({
          kind: 'reuse',
          matches: [reuseMatch('a', 0.97), reuseMatch('b', 0.71)],
        }),
      }),
    )
    const options = screen.getAllByRole('option')
    expect(options.map((option) => option.textContent)).toEqual([
      expect.stringContaining('97%'),
      expect.stringContaining('71%'),
    ])
    expect(screen.getByRole('meter', { name: 'Similarity 97%' })).toBeTruthy()
    const user = userEvent.setup()
    await user.keyboard('{ArrowDown}')
    expect(options[1]?.getAttribute('aria-selected')).toBe('true')
    await user.keyboard('{Enter}')
    expect(bridge.reuse).toHaveBeenCalledWith({ assetId: 'b' })
  })

  it('dismisses with Esc', async () => {
    show(appState({ current: suggestion({ kind: 'none' }) }))
    expect(screen.getByRole('heading', { name: 'Nothing to do here' })).toBeTruthy()
    await userEvent.setup().keyboard('{Escape}')
    expect(bridge.dismiss).toHaveBeenCalled()
  })

  it('shows the saved asset with an undo', async () => {
    show(appState({ current: suggestion() }))
    await act(() => useAppStore.getState().save())
    act(() =>
      useAppStore.getState().applyState(
        appState({
          current: suggestion({ outcome: { type: 'saved', assetId: 'new-1', name: 'answer' } }),
        }),
      ),
    )
    expect(screen.getByRole('heading', { name: 'Saved' })).toBeTruthy()
    await userEvent.setup().click(screen.getByRole('button', { name: /Undo/ }))
    expect(bridge.undoSave).toHaveBeenCalledWith({ assetId: 'new-1' })
  })

  it('says when the connector is offline, or watching is paused', () => {
    const { unmount } = show(
      appState({
        connection: { status: 'offline', queued: 2, error: { code: 'X', message: 'Gone.' } },
      }),
    )
    expect(screen.getByText(/2 copies wait for it/)).toBeTruthy()
    unmount()
    show(appState({ settings: { ...appState().settings, paused: true } }))
    expect(screen.getByRole('heading', { name: 'Paused' })).toBeTruthy()
  })

  it('shows a pending copy while the connector answers', () => {
    show(appState({ current: suggestion({ status: 'pending' }) }))
    expect(screen.getByRole('heading', { name: 'Checking your copy…' })).toBeTruthy()
  })
})

describe('Onboarding', () => {
  it('walks through three steps and sends the usage choice', async () => {
    show(appState({ onboarded: false }))
    const user = userEvent.setup()
    expect(screen.getByRole('heading', { name: 'Reuse the code you already wrote' })).toBeTruthy()
    await user.keyboard('{Enter}')
    await user.keyboard('{Enter}')
    expect(screen.getByRole('heading', { name: 'Your code stays on this computer' })).toBeTruthy()
    await user.click(screen.getByRole('button', { name: 'Start using Clipwise' }))
    expect(bridge.completeOnboarding).toHaveBeenCalledWith({ usageEvents: false })
    await waitFor(() => expect(screen.getByRole('tablist', { name: 'Views' })).toBeTruthy())
  })
})

describe('other views', () => {
  it('Library searches as you type and copies with Enter', async () => {
    show(appState())
    const user = userEvent.setup()
    await user.keyboard('{Control>}2{/Control}')
    const search = await screen.findByRole('combobox', { name: 'Search saved snippets' })
    await user.type(search, 'deb')
    await waitFor(() => expect(bridge.searchLibrary).toHaveBeenCalledWith({ query: 'deb' }))
    expect(await screen.findByRole('option', { name: /Debounce/ })).toBeTruthy()
    await user.keyboard('{Enter}')
    expect(bridge.copyFromLibrary).toHaveBeenCalledWith({ assetId: 'a1' })
    await user.keyboard('{Control>}d{/Control}')
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(bridge.deleteAsset).toHaveBeenCalledWith({ assetId: 'a1' })
  })

  it('Activity shows outcomes and usage figures', async () => {
    show(
      appState({
        activity: [
          { id: '1', at: new Date().toISOString(), preview: 'const a', outcome: 'reused' },
          { id: '2', at: new Date().toISOString(), preview: '', outcome: 'skipped-secret' },
        ],
      }),
    )
    act(() => useAppStore.getState().setView('activity'))
    expect(await screen.findByText('Skipped: secret')).toBeTruthy()
    expect(screen.getByText('content not shown')).toBeTruthy()
    await waitFor(() => expect(screen.getByText('5')).toBeTruthy())
  })

  it('opens the view the main process navigates to (#settings from the tray menu), each time', async () => {
    show(appState())
    act(() => {
      window.location.hash = '#settings'
    })
    expect(
      await screen.findByRole('switch', { name: 'Launch at login' }, { timeout: 5000 }),
    ).toBeTruthy()
    expect(window.location.hash).toBe('')
    act(() => useAppStore.getState().setView('now'))
    expect(
      await screen.findByRole('heading', { name: 'Copy some code' }, { timeout: 5000 }),
    ).toBeTruthy()
    act(() => {
      window.location.hash = '#settings'
    })
    expect(
      await screen.findByRole('switch', { name: 'Launch at login' }, { timeout: 5000 }),
    ).toBeTruthy()
  })

  it('Settings apply through the bridge and show a hotkey that failed', async () => {
    show(
      appState({
        hotkey: { accelerator: 'CommandOrControl+Shift+S', registered: false, error: 'taken' },
      }),
    )
    act(() => useAppStore.getState().setView('settings'))
    expect(await screen.findByRole('alert')).toBeTruthy()
    await userEvent.setup().click(screen.getByRole('switch', { name: 'Launch at login' }))
    expect(bridge.updateSettings).toHaveBeenCalledWith({ launchAtLogin: true })
  })
})
