import type { CurrentSuggestion } from '../../../shared/domain'
import { bridge, errorMessage } from '../bridge'
import type { SliceCreator } from './types'

export interface SaveDraft {
  name: string
  language: string
  tags: string[]
}

type Action = 'reuse' | 'save' | 'dismiss' | 'undo'

export interface SuggestionSlice {
  current: CurrentSuggestion | null
  /** Index of the highlighted reuse match. */
  selectedMatch: number
  /** The save form, prefilled from the connector's draft and edited here until saved. */
  draft: SaveDraft
  busy: Action | null
  actionError: string | null
  /** The asset saved from this window a moment ago, while its undo is offered. */
  justSaved: { assetId: string; name: string } | null
  moveMatch(delta: number): void
  selectMatch(index: number): void
  editDraft(patch: Partial<SaveDraft>): void
  reuse(): Promise<void>
  save(): Promise<void>
  dismiss(): Promise<void>
  undoSave(): Promise<void>
  expireUndo(): void
}

/** Trimmed, non-empty, without duplicates, in the order typed. */
export function cleanTags(tags: string[]): string[] {
  return [...new Set(tags.map((tag) => tag.trim()).filter(Boolean))]
}

export const createSuggestionSlice: SliceCreator<SuggestionSlice> = (set, get) => {
  async function run(action: Action, call: () => Promise<void>): Promise<void> {
    if (get().busy) return
    set({ busy: action, actionError: null })
    try {
      await call()
      set({ busy: null })
    } catch (error) {
      set({ busy: null, actionError: errorMessage(error) })
    }
  }

  return {
    current: null,
    selectedMatch: 0,
    draft: { name: '', language: '', tags: [] },
    busy: null,
    actionError: null,
    justSaved: null,

    moveMatch(delta) {
      const count = get().current?.matches.length ?? 0
      if (count === 0) return
      set({ selectedMatch: (get().selectedMatch + delta + count) % count })
    },

    selectMatch(index) {
      const count = get().current?.matches.length ?? 0
      if (index >= 0 && index < count) set({ selectedMatch: index })
    },

    editDraft(patch) {
      set({ draft: { ...get().draft, ...patch } })
    },

    reuse: () =>
      run('reuse', async () => {
        const { current, selectedMatch } = get()
        const match = current?.matches[selectedMatch]
        if (!current || current.kind !== 'reuse' || !match || current.outcome) return
        await bridge().reuse({ suggestionId: current.id, assetId: match.assetId })
        // The saved text is on the clipboard: get out of the way so the user can paste.
        bridge()
          .hideWindow()
          .catch(() => {})
      }),

    save: () =>
      run('save', async () => {
        const { current, draft } = get()
        if (!current || current.outcome) return
        if (current.status !== 'ready' && current.status !== 'queued') return
        const name = draft.name.trim()
        const tags = cleanTags(draft.tags)
        // Exactly what the form shows, in one save; an untouched language is left to the connector.
        const saved = await bridge().save({
          suggestionId: current.id,
          ...(name ? { name } : {}),
          ...(tags.length > 0 ? { tags } : {}),
          ...(draft.language ? { language: draft.language } : {}),
        })
        if (saved.status === 'saved')
          set({ justSaved: { assetId: saved.assetId, name: saved.name } })
      }),

    dismiss: () =>
      run('dismiss', async () => {
        const { current } = get()
        if (!current || current.outcome) return
        await bridge().dismiss({ suggestionId: current.id })
      }),

    undoSave: () =>
      run('undo', async () => {
        const saved = get().justSaved
        const current = get().current
        if (!saved || !current) return
        await bridge().undoSave({ suggestionId: current.id, assetId: saved.assetId })
        set({ justSaved: null })
      }),

    expireUndo: () => set({ justSaved: null }),
  }
}
