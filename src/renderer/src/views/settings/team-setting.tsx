import { useState } from 'react'
import type { FormEvent } from 'react'
import { errorMessage } from '../../bridge'
import { useAppStore } from '../../store'

const TEAM_URL = /^postgres(ql)?:\/\/([^\s/@:]*@)?[^\s@]*$/

/**
 * The team library: a PostgreSQL URL (no password: it goes to the field below and is kept
 * encrypted by the system's keychain), the name teammates see, and "share new saves".
 */
export function TeamSetting() {
  const team = useAppStore((state) => state.settings.team)
  const updateSettings = useAppStore((state) => state.updateSettings)
  const [url, setUrl] = useState(team.url ?? '')
  const [name, setName] = useState(team.displayName)
  const [password, setPassword] = useState('')
  const [passwordNote, setPasswordNote] = useState<string>()
  const withPassword = /^[a-z]+:\/\/[^/@\s]*:[^@/\s]*@/i.test(url)
  const invalid = url !== '' && (withPassword || !TEAM_URL.test(url))

  function apply(event?: FormEvent) {
    event?.preventDefault()
    if (invalid) return
    const next = { ...team, url: url.trim() || null, displayName: name.trim() }
    if (next.url !== team.url || next.displayName !== team.displayName) {
      void updateSettings({ team: next })
    }
  }

  async function savePassword(event: FormEvent) {
    event.preventDefault()
    try {
      await window.clipwise?.setTeamPassword({ password })
      setPassword('')
      setPasswordNote(password ? 'Kept encrypted on this computer.' : 'Password removed.')
    } catch (error) {
      setPasswordNote(errorMessage(error))
    }
  }

  return (
    <fieldset className="setting setting-block">
      <legend className="setting-label">Team library</legend>
      <form className="form" onSubmit={apply}>
        <input
          className="input"
          aria-label="Team library URL"
          aria-invalid={invalid}
          aria-describedby="team-note"
          placeholder="postgres://you@db.example.com/snippets?sslmode=verify-full"
          value={url}
          onChange={(event) => setUrl(event.target.value)}
          onBlur={() => apply()}
        />
        <input
          className="input"
          aria-label="Your name in the team"
          placeholder="Your name in the team (default: your database user)"
          maxLength={100}
          value={name}
          onChange={(event) => setName(event.target.value)}
          onBlur={() => apply()}
        />
      </form>
      <p id="team-note" className={invalid ? 'setting-note error-text' : 'setting-note muted'}>
        {withPassword
          ? 'Put the password in the field below, not in the URL.'
          : invalid
            ? 'Enter a postgres:// address.'
            : 'Your library stays on this computer; shared snippets also go to this database.'}
      </p>
      <form className="inline-form" onSubmit={(event) => void savePassword(event)}>
        <input
          className="input"
          type="password"
          autoComplete="off"
          aria-label="Team library password"
          placeholder="Password (kept encrypted)"
          value={password}
          onChange={(event) => setPassword(event.target.value)}
        />
        <button type="submit" className="button">
          Set
        </button>
      </form>
      {passwordNote ? <p className="setting-note muted">{passwordNote}</p> : null}
      <label className="setting">
        <span className="setting-text">
          <span className="setting-label">Share new saves with the team</span>
          <span className="muted">A snippet holding a credential is never shared.</span>
        </span>
        <input
          type="checkbox"
          role="switch"
          className="switch"
          checked={team.shareNewSaves}
          disabled={team.url === null}
          onChange={(event) =>
            void updateSettings({ team: { ...team, shareNewSaves: event.target.checked } })
          }
        />
      </label>
    </fieldset>
  )
}
