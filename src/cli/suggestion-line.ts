import type { CurrentSuggestion } from '../shared/domain'

/** The `--json` line for a suggestion (the format issue 4 gives). */
export function suggestionJson(current: CurrentSuggestion): string {
  return JSON.stringify({
    type: 'suggestion',
    text: current.text,
    reuse: {
      suggested: current.kind === 'reuse',
      assets: current.matches.map((m) => ({
        id: m.assetId,
        name: m.name,
        similarity: m.similarity,
        ...(m.team && { team: m.team }),
      })),
    },
    save: { suggested: current.kind === 'save' },
  })
}

/** A readable line for a suggestion, with the keys that act on it. */
export function suggestionText(current: CurrentSuggestion): string {
  const snippet = preview(current.text)
  const best = current.matches[0]
  if (current.kind === 'reuse' && best) {
    const percent = Math.round(best.similarity * 100)
    const by =
      best.team && !best.team.mine
        ? ` by ${best.team.owner} in the team library ${best.team.library}`
        : ''
    return `↺ ${snippet}\n  already saved${by} as "${best.name}" (${percent}% alike) — [r] reuse  [s] save anyway  [d] dismiss`
  }
  if (current.kind === 'save')
    return `+ ${snippet}\n  worth saving as "${current.draft.name}" — [s] save  [d] dismiss`
  return `· ${snippet}\n  nothing to suggest — [s] save  [d] dismiss`
}

/** A readable line for a copy that waits for the connector: it can be saved all the same. */
export function queuedText(current: CurrentSuggestion): string {
  return `… ${preview(current.text)}\n  waits for the connector — [s] save (made when it is back)  [d] dismiss`
}

function preview(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim()
  return line.length > 70 ? `${line.slice(0, 69)}…` : line
}
