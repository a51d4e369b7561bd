import type { SeededConnectorCreation } from '../../../shared/wire'

/** A `/suggestion` seed holding a code fragment. */
export function fragmentSeed(raw: string, ext?: string): SeededConnectorCreation {
  return {
    asset: { format: { fragment: { string: { raw }, ...(ext && { metadata: { ext } }) } } },
  }
}

export const PYTHON_SNIPPET = [
  'def moving_average(values, window):',
  '    total = sum(values[:window])',
  '    result = [total / window]',
  '    for i in range(window, len(values)):',
  '        total += values[i] - values[i - window]',
  '        result.append(total / window)',
  '    return result',
].join('\n')

/** The same snippet as copied from elsewhere: indented, CRLF line ends, trailing spaces. */
export const PYTHON_SNIPPET_RECOPIED = PYTHON_SNIPPET.split('\n')
  .map((line) => `        ${line}  `)
  .join('\r\n')
