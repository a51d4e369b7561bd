import { createCompanion } from '../companion'
import type { Companion, CompanionDeps } from '../contracts'
import { createMemoryClipboard, type MemoryClipboard } from '../memory-clipboard'
import type { AppState } from '../../shared/domain'

export interface TestCompanion {
  companion: Companion
  clipboard: MemoryClipboard
  /** Every state the core published, in order. */
  states: AppState[]
  state(): AppState
}

/** A real core over an in-memory clipboard that finds no Pieces OS (tests pass its connector). */
export function createTestCompanion(
  deps: Pick<CompanionDeps, 'dataDir' | 'startEmbeddedConnector'> & Partial<CompanionDeps>,
): TestCompanion {
  const clipboard = createMemoryClipboard()
  const companion = createCompanion({
    clipboard,
    appVersion: '0.1.0',
    platform: 'linux',
    discovery: { piecesPorts: [], legacyPorts: [] },
    ...deps,
  })
  const states: AppState[] = []
  companion.subscribe((state) => states.push(state))
  return { companion, clipboard, states, state: () => states.at(-1) as AppState }
}
