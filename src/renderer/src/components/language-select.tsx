import { LANGUAGE_CHOICES, languageName } from '../lib/format'

/**
 * A labelled picker of the snippet's language. A value outside the usual choices (a language the
 * connector detected that we do not list) is offered first, so it is never silently replaced.
 */
export function LanguageSelect({ value, onChange }: { value: string; onChange(id: string): void }) {
  const current = value || 'txt'
  const languages = LANGUAGE_CHOICES.includes(current)
    ? LANGUAGE_CHOICES
    : [current, ...LANGUAGE_CHOICES.filter((id) => id !== 'txt')]
  return (
    <label className="field">
      <span className="field-label">Language</span>
      <select className="input" value={current} onChange={(event) => onChange(event.target.value)}>
        {languages.map((id) => (
          <option key={id} value={id}>
            {languageName(id)}
          </option>
        ))}
      </select>
    </label>
  )
}
