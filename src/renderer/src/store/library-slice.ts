import type { LibraryItem } from '../../../shared/domain'
import type { UpdateAssetRequest } from '../../../shared/ipc'
import { bridge, errorMessage } from '../bridge'
import type { SliceCreator } from './types'

export interface LibrarySlice {
  libraryQuery: string
  libraryItems: LibraryItem[]
  libraryStatus: 'idle' | 'loading' | 'ready' | 'error'
  libraryError: string | null
  librarySelected: number
  /** Short confirmation after an action ("Copied “x”"). */
  libraryMessage: string | null
  /** Lists everything for an empty query, else the connector's full-text search (best first). */
  searchLibrary(query: string): Promise<void>
  selectLibraryItem(index: number): void
  moveLibrarySelection(delta: number): void
  copyLibraryItem(id: string): Promise<void>
  updateLibraryItem(request: UpdateAssetRequest): Promise<boolean>
  deleteLibraryItem(id: string): Promise<void>
}

// Answers to older queries that arrive late are dropped.
let latestSearch = 0

export const createLibrarySlice: SliceCreator<LibrarySlice> = (set, get) => {
  function fail(error: unknown): void {
    set({ libraryError: errorMessage(error), libraryMessage: null })
  }

  return {
    libraryQuery: '',
    libraryItems: [],
    libraryStatus: 'idle',
    libraryError: null,
    librarySelected: 0,
    libraryMessage: null,

    async searchLibrary(query) {
      const ticket = ++latestSearch
      set({ libraryQuery: query, libraryStatus: 'loading', libraryError: null })
      try {
        const trimmed = query.trim()
        const api = bridge()
        const items = trimmed
          ? await api.searchLibrary({ query: trimmed })
          : await api.listLibrary()
        if (ticket !== latestSearch) return
        set({ libraryItems: items, libraryStatus: 'ready', librarySelected: 0 })
      } catch (error) {
        if (ticket !== latestSearch) return
        set({ libraryStatus: 'error', libraryError: errorMessage(error) })
      }
    },

    selectLibraryItem(index) {
      if (index >= 0 && index < get().libraryItems.length) set({ librarySelected: index })
    },

    moveLibrarySelection(delta) {
      const count = get().libraryItems.length
      if (count === 0) return
      set({ librarySelected: Math.min(count - 1, Math.max(0, get().librarySelected + delta)) })
    },

    async copyLibraryItem(id) {
      try {
        await bridge().copyFromLibrary({ assetId: id })
        const item = get().libraryItems.find((entry) => entry.id === id)
        set({ libraryError: null, libraryMessage: `Copied “${item?.name ?? 'snippet'}”` })
      } catch (error) {
        fail(error)
      }
    },

    async updateLibraryItem(request) {
      try {
        const updated = await bridge().updateAsset(request)
        set({
          libraryItems: get().libraryItems.map((item) => (item.id === updated.id ? updated : item)),
          libraryError: null,
          libraryMessage: `Saved changes to “${updated.name}”`,
        })
        return true
      } catch (error) {
        fail(error)
        return false
      }
    },

    async deleteLibraryItem(id) {
      try {
        await bridge().deleteAsset({ assetId: id })
        const items = get().libraryItems.filter((item) => item.id !== id)
        set({
          libraryItems: items,
          librarySelected: Math.min(get().librarySelected, Math.max(0, items.length - 1)),
          libraryError: null,
          libraryMessage: 'Deleted',
        })
      } catch (error) {
        fail(error)
      }
    },
  }
}
