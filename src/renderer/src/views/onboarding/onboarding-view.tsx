import { useState } from 'react'
import { Kbd } from '../../components/kbd'
import { acceleratorLabel } from '../../lib/format'
import { useAppStore } from '../../store'

const STEPS = ['What it does', 'Hotkey', 'Privacy'] as const

/** First run: what Clipwise does, its hotkey, and what is sent where. Finishing sends /onboarded. */
export function OnboardingView() {
  const [step, setStep] = useState(0)
  const last = step === STEPS.length - 1

  return (
    <main className="onboarding" aria-labelledby="onboarding-title">
      <ol className="steps" aria-label="Setup steps">
        {STEPS.map((name, index) => (
          <li
            key={name}
            className={
              index === step ? 'step step-current' : index < step ? 'step step-done' : 'step'
            }
            aria-current={index === step ? 'step' : undefined}
          >
            {name}
          </li>
        ))}
      </ol>
      {/* Focus stays on Continue from step to step; the live region reads each new step. */}
      <div className="onboarding-body" aria-live="polite">
        {step === 0 ? <Intro /> : null}
        {step === 1 ? <Hotkey /> : null}
        {step === 2 ? <Privacy /> : null}
      </div>
      {last ? (
        <Finish back={() => setStep(step - 1)} />
      ) : (
        <div className="actions onboarding-actions">
          {step > 0 ? (
            <button type="button" className="button" onClick={() => setStep(step - 1)}>
              Back
            </button>
          ) : null}
          <button
            type="button"
            className="button primary"
            onClick={() => setStep(step + 1)}
            autoFocus
          >
            Continue
          </button>
        </div>
      )}
    </main>
  )
}

function Intro() {
  return (
    <>
      <h1 id="onboarding-title">Reuse the code you already wrote</h1>
      <p>
        Copy code as usual. Clipwise asks your snippet library about each copy and tells you here:
      </p>
      <ul className="bullets">
        <li>
          <strong>Reuse</strong> — you saved something close before. <Kbd>Enter</Kbd> puts the saved
          version on your clipboard.
        </li>
        <li>
          <strong>Save</strong> — new code worth keeping. <Kbd>S</Kbd> saves it with a name and
          tags.
        </li>
        <li>Anything else stays quiet.</li>
      </ul>
    </>
  )
}

function Hotkey() {
  const hotkey = useAppStore((state) => state.hotkey)
  return (
    <>
      <h1 id="onboarding-title">Save from anywhere</h1>
      <p>
        Press <Kbd>{acceleratorLabel(hotkey.accelerator)}</Kbd> in any app to save what is on your
        clipboard, without opening this window.
      </p>
      {hotkey.registered ? (
        <p className="muted">You can change it later in Settings.</p>
      ) : (
        <p className="error-text">
          This hotkey is taken{hotkey.error ? ` (${hotkey.error})` : ''}. Choose another in
          Settings, or bind <code className="mono">clipwise save</code> to a desktop shortcut.
        </p>
      )}
    </>
  )
}

function Privacy() {
  const target = useAppStore((state) => state.connection.target)
  const where =
    target?.kind === 'pieces-os'
      ? 'Pieces OS on this computer'
      : 'the connector built into Clipwise, which stores snippets in its data folder on this computer'
  return (
    <>
      <h1 id="onboarding-title">Your code stays on this computer</h1>
      <ul className="bullets">
        <li>Each copy goes only to {where}, over the loopback address.</li>
        <li>
          Copies marked secret by password managers, and text that looks like a key or password, are
          skipped before anything is sent.
        </li>
        <li>
          Usage events, if you allow them, count what you reuse and save. They never hold your code.
        </li>
      </ul>
    </>
  )
}

function Finish({ back }: { back(): void }) {
  const initial = useAppStore((state) => state.settings.usageEvents)
  const complete = useAppStore((state) => state.completeOnboarding)
  const busy = useAppStore((state) => state.onboardingBusy)
  const error = useAppStore((state) => state.onboardingError)
  const [usageEvents, setUsageEvents] = useState(initial)
  return (
    <div className="onboarding-finish">
      <label className="check">
        <input
          type="checkbox"
          checked={usageEvents}
          onChange={(event) => setUsageEvents(event.target.checked)}
        />
        Send usage events to the connector
      </label>
      {error ? (
        <p className="error-text" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions onboarding-actions">
        <button type="button" className="button" onClick={back}>
          Back
        </button>
        <button
          type="button"
          className="button primary"
          disabled={busy}
          autoFocus
          onClick={() => void complete(usageEvents)}
        >
          {busy ? 'Finishing…' : 'Start using Clipwise'}
        </button>
      </div>
    </div>
  )
}
