import { useEffect, useState } from 'react'
import type { FormEvent } from 'react'
import type { IgnorePatternCheck } from '../../../../shared/domain'
import { useAppStore } from '../../store'

/** Regular expressions for copies Clipwise should ignore, checked by the core, with a test box. */
export function IgnorePatterns() {
  const patterns = useAppStore((state) => state.settings.ignorePatterns)
  const updateSettings = useAppStore((state) => state.updateSettings)
  const testPattern = useAppStore((state) => state.testIgnorePattern)
  const [draft, setDraft] = useState('')
  const [sample, setSample] = useState('')
  const [draftCheck, setDraftCheck] = useState<IgnorePatternCheck | null>(null)
  const [hits, setHits] = useState<string[]>([])
  // Emptied fields forget their last answer (during render, so no effect sets state).
  if (!draft && draftCheck) setDraftCheck(null)
  if (!sample && hits.length > 0) setHits([])

  useEffect(() => {
    if (!draft) return
    let live = true
    void testPattern(draft, sample).then((check) => live && setDraftCheck(check))
    return () => {
      live = false
    }
  }, [draft, sample, testPattern])

  useEffect(() => {
    if (!sample) return
    let live = true
    void Promise.all(patterns.map((pattern) => testPattern(pattern, sample))).then(
      (checks) => live && setHits(patterns.filter((_, index) => checks[index]?.matches)),
    )
    return () => {
      live = false
    }
  }, [patterns, sample, testPattern])

  async function add(event: FormEvent) {
    event.preventDefault()
    if (!draft || draftCheck?.valid === false || patterns.includes(draft)) return
    if (await updateSettings({ ignorePatterns: [...patterns, draft] })) setDraft('')
  }

  const draftNote = !draftCheck
    ? 'A JavaScript regular expression.'
    : !draftCheck.valid
      ? (draftCheck.error ?? 'Not a valid regular expression.')
      : sample
        ? draftCheck.matches
          ? 'Matches the test text.'
          : 'Does not match the test text.'
        : 'Valid.'
  return (
    <fieldset className="setting setting-block">
      <legend className="setting-label">Ignore copies matching</legend>
      {patterns.length > 0 ? (
        <ul className="patterns">
          {patterns.map((pattern) => (
            <li
              key={pattern}
              className={hits.includes(pattern) ? 'pattern pattern-hit' : 'pattern'}
            >
              <code className="mono">{pattern}</code>
              <button
                type="button"
                className="button small"
                aria-label={`Remove pattern ${pattern}`}
                onClick={() =>
                  void updateSettings({ ignorePatterns: patterns.filter((p) => p !== pattern) })
                }
              >
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <form className="inline-form" onSubmit={(event) => void add(event)}>
        <input
          className="input mono"
          aria-label="New ignore pattern"
          aria-invalid={draftCheck?.valid === false}
          aria-describedby="pattern-note"
          placeholder="^https?://"
          value={draft}
          onChange={(event) => setDraft(event.target.value)}
        />
        <button type="submit" className="button" disabled={!draft || draftCheck?.valid === false}>
          Add
        </button>
      </form>
      <p
        id="pattern-note"
        className={draftCheck?.valid === false ? 'setting-note error-text' : 'setting-note muted'}
      >
        {draftNote}
      </p>
      <textarea
        className="input mono test-box"
        aria-label="Test text for ignore patterns"
        placeholder="Paste text to test the patterns"
        rows={2}
        value={sample}
        onChange={(event) => setSample(event.target.value)}
      />
      {sample && patterns.length > 0 ? (
        <p className="setting-note muted" role="status">
          {hits.length > 0
            ? `Ignored by ${hits.length === 1 ? 'a pattern' : `${hits.length} patterns`}.`
            : 'Not ignored.'}
        </p>
      ) : null}
    </fieldset>
  )
}
