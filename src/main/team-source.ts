import { teamOptionsFrom } from '../connector/server/team/team-options'
import type { Companion } from '../core/contracts'
import type { TeamSource } from './connector-child'
import type { TeamPasswordStore } from './team-password'

/**
 * The team library the embedded connector syncs with: the URL, name and "share new saves" from
 * settings, the password from the keychain. Changes of either are passed on.
 */
export function createTeamSource(companion: Companion, passwords: TeamPasswordStore) {
  const listeners = new Set<() => void>()
  let last: string | undefined
  const notify = () => listeners.forEach((listener) => listener())
  companion.subscribe((state) => {
    const key = JSON.stringify(state.settings.team)
    if (last !== undefined && key !== last) notify()
    last = key
  })
  const source: TeamSource & { setPassword(password: string): Promise<void> } = {
    async current() {
      const { team } = (await companion.getState()).settings
      return teamOptionsFrom(team, await passwords.load())
    },
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    async setPassword(password) {
      await passwords.save(password)
      notify()
    },
  }
  return source
}
