import { useState } from 'react'
import type { FormEvent } from 'react'
import { useAppStore } from '../../store'

const URL_PATTERN = /^https?:\/\/[^\s/]+/

/** Discover a connector (Pieces OS, else embedded) or use a fixed URL. */
export function ConnectorSetting() {
  const connectorUrl = useAppStore((state) => state.settings.connectorUrl)
  const target = useAppStore((state) => state.connection.target)
  const updateSettings = useAppStore((state) => state.updateSettings)
  const [custom, setCustom] = useState(connectorUrl !== null)
  const [url, setUrl] = useState(connectorUrl ?? 'http://127.0.0.1:39300')
  const invalid = custom && !URL_PATTERN.test(url)

  function apply(event?: FormEvent) {
    event?.preventDefault()
    if (!invalid && url !== connectorUrl) void updateSettings({ connectorUrl: url })
  }

  return (
    <fieldset className="setting setting-block">
      <legend className="setting-label">Connector</legend>
      <div className="segmented" role="radiogroup" aria-label="Connector target">
        <label className="segment">
          <input
            type="radio"
            name="connector"
            checked={!custom}
            onChange={() => {
              setCustom(false)
              if (connectorUrl !== null) void updateSettings({ connectorUrl: null })
            }}
          />
          <span>Automatic</span>
        </label>
        <label className="segment">
          <input type="radio" name="connector" checked={custom} onChange={() => setCustom(true)} />
          <span>URL</span>
        </label>
      </div>
      {custom ? (
        <form className="inline-form" onSubmit={apply}>
          <input
            className="input"
            type="url"
            aria-label="Connector URL"
            aria-invalid={invalid}
            aria-describedby="connector-note"
            value={url}
            onChange={(event) => setUrl(event.target.value)}
            onBlur={() => apply()}
          />
          <button type="submit" className="button" disabled={invalid}>
            Use
          </button>
        </form>
      ) : null}
      <p id="connector-note" className={invalid ? 'setting-note error-text' : 'setting-note muted'}>
        {invalid
          ? 'Enter an http:// or https:// address.'
          : target
            ? `Using ${target.url} — ${target.reason}`
            : 'Looks for Pieces OS, else starts the embedded connector.'}
      </p>
    </fieldset>
  )
}
