import type { AppState, ConnectionState, HotkeyState, Notice } from '../../../shared/domain'
import { bridge, errorMessage } from '../bridge'
import type { SliceCreator } from './types'

export interface ConnectionSlice {
  /** False until the first state arrives from the bridge. */
  loaded: boolean
  /** Set when the bridge itself is missing or failed to answer. */
  bridgeError: string | null
  connection: ConnectionState
  hotkey: HotkeyState
  notices: Notice[]
  onboarded: boolean
  onboardingBusy: boolean
  onboardingError: string | null
  /** Ask for the state once and follow every push; returns the unsubscribe. */
  connect(): () => void
  /** Spread a pushed AppState over the slices. */
  applyState(state: AppState): void
  completeOnboarding(usageEvents: boolean): Promise<void>
}

export const createConnectionSlice: SliceCreator<ConnectionSlice> = (set, get) => ({
  loaded: false,
  bridgeError: null,
  connection: { status: 'discovering', queued: 0 },
  hotkey: { accelerator: '', registered: true },
  notices: [],
  onboarded: false,
  onboardingBusy: false,
  onboardingError: null,

  connect() {
    let api
    try {
      api = bridge()
    } catch (error) {
      set({ bridgeError: errorMessage(error) })
      return () => {}
    }
    let pushed = false
    const unsubscribe = api.onState((state) => {
      pushed = true
      get().applyState(state)
    })
    // The tray menu's "Settings…" (and others) ask for a view.
    const stopViews = api.onOpenView?.((view) => get().setView(view)) ?? (() => {})
    api.getState().then(
      // A push that arrived while we waited is newer than this answer.
      (state) => pushed || get().applyState(state),
      (error: unknown) => set({ bridgeError: errorMessage(error) }),
    )
    return () => {
      unsubscribe()
      stopViews()
    }
  },

  applyState(state) {
    const previous = get().current
    const sameCopy = previous?.id === state.current?.id
    set({
      loaded: true,
      bridgeError: null,
      connection: state.connection,
      hotkey: state.hotkey,
      notices: state.notices,
      onboarded: state.onboarded,
      settings: state.settings,
      activity: state.activity,
      current: state.current,
      ...(sameCopy
        ? {}
        : {
            selectedMatch: 0,
            draft: state.current
              ? { ...state.current.draft }
              : { name: '', language: '', tags: [] },
            actionError: null,
            justSaved: null,
          }),
    })
  },

  async completeOnboarding(usageEvents) {
    set({ onboardingBusy: true, onboardingError: null })
    try {
      await bridge().completeOnboarding({ usageEvents })
      set({ onboarded: true, onboardingBusy: false })
    } catch (error) {
      set({ onboardingBusy: false, onboardingError: errorMessage(error) })
    }
  },
})
