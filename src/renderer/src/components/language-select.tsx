import { LANGUAGE_CHOICES, languageName } from '../lib/format'

/** The choice that leaves the language to the connector (value ''). */
export const DETECT_LABEL = 'Detect automatically'

/**
 * A labelled picker of the snippet's language. A value outside the usual choices (a language the
 * connector detected that we do not list) is offered first, so it is never silently replaced.
 * With `detect`, an empty value means "let the connector detect it" and is offered first.
 */
export function LanguageSelect({
  value,
  onChange,
  detect = false,
}: {
  value: string
  onChange(id: string): void
  detect?: boolean
}) {
  const current = value || (detect ? '' : 'txt')
  const known = current === '' || LANGUAGE_CHOICES.includes(current)
  const languages = [
    ...(detect ? [''] : []),
    ...(known ? LANGUAGE_CHOICES : [current, ...LANGUAGE_CHOICES.filter((id) => id !== 'txt')]),
  ]
  return (
    <label className="field">
      <span className="field-label">Language</span>
      <select className="input" value={current} onChange={(event) => onChange(event.target.value)}>
        {languages.map((id) => (
          <option key={id || 'detect'} value={id}>
            {id ? languageName(id) : DETECT_LABEL}
          </option>
        ))}
      </select>
    </label>
  )
}
