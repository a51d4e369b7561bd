import { describe, expect, it } from 'vitest'
import { launchRequestFromArgv, launchRequestFromSecondInstance } from './launch-request'

describe('single-instance arguments', () => {
  it('reads --save-current among Electron and Chromium arguments', () => {
    expect(launchRequestFromArgv(['/opt/Clipwise/clipwise-app', '--save-current'])).toBe(
      'save-current',
    )
    expect(launchRequestFromArgv(['electron', '.', '--no-sandbox', '--save-current'])).toBe(
      'save-current',
    )
    expect(launchRequestFromArgv(['/opt/Clipwise/clipwise-app'])).toBe('show')
    expect(launchRequestFromArgv(['clipwise-app', '--enable-features=X', '--save-currently'])).toBe(
      'show',
    )
  })

  it("takes a second instance's request from its data, else from its argv", () => {
    expect(launchRequestFromSecondInstance({ request: 'save-current' }, ['clipwise-app'])).toBe(
      'save-current',
    )
    expect(launchRequestFromSecondInstance({ request: 'show' }, ['clipwise-app'])).toBe('show')
    expect(launchRequestFromSecondInstance(undefined, ['clipwise-app', '--save-current'])).toBe(
      'save-current',
    )
    expect(launchRequestFromSecondInstance({ request: 'rm -rf' }, ['clipwise-app'])).toBe('show')
    expect(launchRequestFromSecondInstance('save-current', ['clipwise-app'])).toBe('show')
  })
})
