import { useState } from 'react'
import type { PopupBehaviour, Settings, Theme } from '../../../../shared/domain'
import { useAppStore } from '../../store'
import { ConnectorSetting } from './connector-setting'
import { HotkeySetting } from './hotkey-setting'
import { IgnorePatterns } from './ignore-patterns'
import { TeamSetting } from './team-setting'

type Flag = 'paused' | 'usageEvents' | 'launchAtLogin' | 'piecesPorts'

const FLAGS: { key: Flag; label: string; note: string }[] = [
  { key: 'paused', label: 'Pause watching', note: 'Stop reading the clipboard until resumed.' },
  {
    key: 'usageEvents',
    label: 'Send usage events',
    note: 'Tell the connector what you reuse and save (counts only, never the code).',
  },
  { key: 'launchAtLogin', label: 'Launch at login', note: 'Start Clipwise in the tray.' },
  {
    key: 'piecesPorts',
    label: 'Serve Pieces integrations',
    note: 'Without Pieces OS, listen on 39300-39333 where Pieces plugins look (from the next start).',
  },
]

const THEMES: { value: Theme; label: string }[] = [
  { value: 'system', label: 'System' },
  { value: 'light', label: 'Light' },
  { value: 'dark', label: 'Dark' },
]

const POPUPS: { value: PopupBehaviour; label: string }[] = [
  { value: 'window', label: 'Show this window' },
  { value: 'notification', label: 'Show a notification' },
  { value: 'none', label: 'Stay quiet' },
]

/** Every setting applies at once through the core, which validates and stores it. */
export default function SettingsView() {
  const error = useAppStore((state) => state.settingsError)
  return (
    <div className="settings">
      {error ? (
        <p className="banner banner-error" role="alert">
          {error}
        </p>
      ) : null}
      <HotkeySetting />
      {FLAGS.map((flag) => (
        <Flag key={flag.key} flag={flag.key} label={flag.label} note={flag.note} />
      ))}
      <ChoiceSetting name="theme" label="Theme" choices={THEMES} />
      <PopupSetting />
      <PollSetting />
      <ConnectorSetting />
      <TeamSetting />
      <IgnorePatterns />
    </div>
  )
}

function Flag({ flag, label, note }: { flag: Flag; label: string; note: string }) {
  const value = useAppStore((state) => state.settings[flag])
  const updateSettings = useAppStore((state) => state.updateSettings)
  const id = `setting-${flag}`
  return (
    <div className="setting">
      <div className="setting-text">
        <label htmlFor={id} className="setting-label">
          {label}
        </label>
        <span className="muted" id={`${id}-note`}>
          {note}
        </span>
      </div>
      <input
        id={id}
        type="checkbox"
        role="switch"
        className="switch"
        checked={value}
        aria-describedby={`${id}-note`}
        onChange={(event) => void updateSettings({ [flag]: event.target.checked })}
      />
    </div>
  )
}

function ChoiceSetting({
  name,
  label,
  choices,
}: {
  name: 'theme'
  label: string
  choices: typeof THEMES
}) {
  const value = useAppStore((state) => state.settings[name])
  const updateSettings = useAppStore((state) => state.updateSettings)
  return (
    <fieldset className="setting">
      <legend className="setting-label">{label}</legend>
      <div className="segmented" role="radiogroup" aria-label={label}>
        {choices.map((choice) => (
          <label key={choice.value} className="segment">
            <input
              type="radio"
              name={name}
              value={choice.value}
              checked={value === choice.value}
              onChange={() => void updateSettings({ [name]: choice.value })}
            />
            <span>{choice.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}

function PopupSetting() {
  const popup = useAppStore((state) => state.settings.popup)
  const updateSettings = useAppStore((state) => state.updateSettings)
  return (
    <div className="setting">
      <div className="setting-text">
        <label htmlFor="setting-popup" className="setting-label">
          On a suggestion
        </label>
        <span className="muted">Never steals focus from your editor.</span>
      </div>
      <select
        id="setting-popup"
        className="input"
        value={popup}
        onChange={(event) => void updateSettings({ popup: event.target.value as PopupBehaviour })}
      >
        {POPUPS.map((choice) => (
          <option key={choice.value} value={choice.value}>
            {choice.label}
          </option>
        ))}
      </select>
    </div>
  )
}

function PollSetting() {
  const interval = useAppStore((state) => state.settings.pollIntervalMs)
  const updateSettings = useAppStore((state) => state.updateSettings)
  const [text, setText] = useState(String(interval))
  const value = Number(text)
  const valid = Number.isInteger(value) && value >= 50 && value <= 10_000
  const apply = () => {
    if (valid && value !== interval)
      void updateSettings({ pollIntervalMs: value } satisfies Partial<Settings>)
  }
  return (
    <div className="setting">
      <div className="setting-text">
        <label htmlFor="setting-poll" className="setting-label">
          Check interval
        </label>
        <span className={valid ? 'muted' : 'error-text'} id="setting-poll-note">
          {valid ? 'Where the clipboard must be polled.' : 'Between 50 and 10,000 ms.'}
        </span>
      </div>
      <span className="unit-input">
        <input
          id="setting-poll"
          className="input number"
          type="number"
          min={50}
          max={10_000}
          step={50}
          aria-invalid={!valid}
          aria-describedby="setting-poll-note"
          value={text}
          onChange={(event) => setText(event.target.value)}
          onBlur={apply}
          onKeyDown={(event) => event.key === 'Enter' && apply()}
        />
        <span className="muted" aria-hidden="true">
          ms
        </span>
      </span>
    </div>
  )
}
