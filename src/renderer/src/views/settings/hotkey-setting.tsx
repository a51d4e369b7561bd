import { useState } from 'react'
import type { KeyboardEvent } from 'react'
import { Kbd } from '../../components/kbd'
import { acceleratorFromEvent } from '../../lib/accelerator'
import { acceleratorLabel, isMac } from '../../lib/format'
import { useAppStore } from '../../store'

/** Shows the hotkey and records a new one from the next key combination pressed. */
export function HotkeySetting() {
  const accelerator = useAppStore((state) => state.settings.hotkey)
  const hotkey = useAppStore((state) => state.hotkey)
  const updateSettings = useAppStore((state) => state.updateSettings)
  const [recording, setRecording] = useState(false)
  const [hint, setHint] = useState<string | null>(null)

  function onKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (!recording) return
    event.preventDefault()
    event.stopPropagation()
    if (event.key === 'Escape') {
      setRecording(false)
      setHint(null)
      return
    }
    const result = acceleratorFromEvent(event, isMac())
    if (result.kind === 'invalid') setHint(result.reason)
    if (result.kind !== 'accelerator') return
    setRecording(false)
    setHint(null)
    void updateSettings({ hotkey: result.accelerator })
  }

  const failed = !hotkey.registered && hotkey.accelerator === accelerator
  return (
    <div className="setting">
      <div className="setting-text">
        <span className="setting-label" id="hotkey-label">
          Save hotkey
        </span>
        <span className="muted">Saves the clipboard from any app.</span>
      </div>
      <button
        type="button"
        className={recording ? 'button recorder recording' : 'button recorder'}
        aria-labelledby="hotkey-label hotkey-value"
        aria-describedby={failed ? 'hotkey-error' : undefined}
        onClick={() => setRecording(!recording)}
        onKeyDown={onKeyDown}
        onBlur={() => setRecording(false)}
      >
        <span id="hotkey-value">
          {recording ? 'Press keys…' : <Kbd>{acceleratorLabel(accelerator)}</Kbd>}
        </span>
      </button>
      {hint ? <p className="setting-note muted">{hint}</p> : null}
      {failed ? (
        <p id="hotkey-error" className="setting-note error-text" role="alert">
          Could not register this hotkey{hotkey.error ? `: ${hotkey.error}` : '.'} Pick another, or
          bind `clipwise save` in your desktop settings.
        </p>
      ) : null}
    </div>
  )
}
