// @vitest-environment jsdom
import { beforeEach, describe, expect, it } from 'vitest'
import { useAppStore } from '.'
import {
  appState,
  installFakeBridge,
  libraryItem,
  resetStore,
  suggestion,
} from '../test-support/fake-bridge'

const match = (assetId: string, similarity: number) => ({
  assetId,
  name: assetId,
  language: 'ts',
  similarity,
  text: 'x',
  savedAt: new Date().toISOString(),
  reuseCount: 0,
})

beforeEach(resetStore)

describe('connection slice', () => {
  it('loads the state once and follows pushes', async () => {
    const bridge = installFakeBridge(appState({ onboarded: false }))
    useAppStore.getState().connect()
    await Promise.resolve()
    await Promise.resolve()
    expect(useAppStore.getState()).toMatchObject({ loaded: true, onboarded: false })
    bridge.push(appState({ onboarded: true, current: suggestion() }))
    expect(useAppStore.getState().onboarded).toBe(true)
    expect(useAppStore.getState().draft).toEqual({ name: 'answer', language: 'ts', tags: [] })
  })

  it('says so when the window has no bridge', () => {
    delete window.clipwise
    useAppStore.getState().connect()
    expect(useAppStore.getState().bridgeError).toMatch(/not connected/)
  })
})

describe('suggestion slice', () => {
  it('keeps the user’s edits while the same copy is pushed again, resets them on a new copy', () => {
    installFakeBridge()
    const { applyState, editDraft } = useAppStore.getState()
    applyState(appState({ current: suggestion() }))
    editDraft({ name: 'mine' })
    applyState(appState({ current: suggestion({ status: 'ready' }) }))
    expect(useAppStore.getState().draft.name).toBe('mine')
    applyState(appState({ current: suggestion({ id: 'copy-2' }) }))
    expect(useAppStore.getState().draft.name).toBe('answer')
  })

  it('reuses the selected match, then hides the window', async () => {
    const bridge = installFakeBridge()
    const state = useAppStore.getState()
    state.applyState(
      appState({
        current: suggestion({ kind: 'reuse', matches: [match('a', 1), match('b', 0.8)] }),
      }),
    )
    state.moveMatch(1)
    await useAppStore.getState().reuse()
    expect(bridge.reuse).toHaveBeenCalledWith({ suggestionId: 'copy-1', assetId: 'b' })
    expect(bridge.hideWindow).toHaveBeenCalled()
  })

  it('saves the cleaned draft and offers undo for that asset', async () => {
    const bridge = installFakeBridge()
    const state = useAppStore.getState()
    state.applyState(appState({ current: suggestion() }))
    state.editDraft({ name: '  Answer ', tags: ['a', ' b ', '', 'a'], language: 'py' })
    await useAppStore.getState().save()
    expect(bridge.save).toHaveBeenCalledWith({
      suggestionId: 'copy-1',
      name: 'Answer',
      tags: ['a', 'b'],
      language: 'py',
    })
    expect(useAppStore.getState().justSaved).toEqual({ assetId: 'new-1', name: 'answer' })
    await useAppStore.getState().undoSave()
    expect(bridge.undoSave).toHaveBeenCalledWith({ suggestionId: 'copy-1', assetId: 'new-1' })
  })

  it('turns a failed call into a message and frees the actions', async () => {
    const bridge = installFakeBridge()
    bridge.save.mockRejectedValueOnce(
      new Error("Error invoking remote method 'suggestion:save': Error: Connector offline."),
    )
    useAppStore.getState().applyState(appState({ current: suggestion() }))
    await useAppStore.getState().save()
    expect(useAppStore.getState()).toMatchObject({ busy: null, actionError: 'Connector offline.' })
  })

  it('does not act on a suggestion that already has an outcome', async () => {
    const bridge = installFakeBridge()
    useAppStore
      .getState()
      .applyState(appState({ current: suggestion({ outcome: { type: 'dismissed' } }) }))
    await useAppStore.getState().dismiss()
    await useAppStore.getState().save()
    expect(bridge.dismiss).not.toHaveBeenCalled()
    expect(bridge.save).not.toHaveBeenCalled()
  })
})

describe('library slice', () => {
  it('lists for an empty query, searches otherwise, and drops answers to older queries', async () => {
    const bridge = installFakeBridge()
    let answerFirst: (items: ReturnType<typeof libraryItem>[]) => void = () => {}
    bridge.searchLibrary.mockImplementationOnce(
      () =>
        new Promise((resolve) => {
          answerFirst = resolve
        }),
    )
    bridge.searchLibrary.mockResolvedValueOnce([libraryItem({ id: 'new', name: 'Newer' })])
    const first = useAppStore.getState().searchLibrary('deb')
    await useAppStore.getState().searchLibrary('debounce')
    answerFirst([libraryItem({ id: 'old', name: 'Stale' })])
    await first
    expect(useAppStore.getState().libraryItems.map((item) => item.id)).toEqual(['new'])
    await useAppStore.getState().searchLibrary('  ')
    expect(bridge.listLibrary).toHaveBeenCalled()
  })

  it('removes a deleted item and keeps the selection in range', async () => {
    installFakeBridge()
    useAppStore.setState({
      libraryItems: [libraryItem({ id: 'a' }), libraryItem({ id: 'b' })],
      librarySelected: 1,
    })
    await useAppStore.getState().deleteLibraryItem('b')
    expect(useAppStore.getState()).toMatchObject({ librarySelected: 0, libraryMessage: 'Deleted' })
  })
})

describe('settings and activity slices', () => {
  it('takes the settings the core answers with', async () => {
    const bridge = installFakeBridge()
    await useAppStore.getState().updateSettings({ theme: 'dark' })
    expect(bridge.updateSettings).toHaveBeenCalledWith({ theme: 'dark' })
    expect(useAppStore.getState()).toMatchObject({
      settings: { theme: 'dark' },
      settingsSaved: 'theme',
    })
  })

  it('loads usage figures', async () => {
    installFakeBridge()
    await useAppStore.getState().loadStats()
    expect(useAppStore.getState().stats?.reusesThisWeek).toBe(5)
  })
})
