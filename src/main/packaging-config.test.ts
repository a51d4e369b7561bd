import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { validateConfiguration } from 'app-builder-lib/out/util/config/config'
import { DebugLogger } from 'builder-util'
import { describe, expect, it } from 'vitest'

const root = join(__dirname, '..', '..')
const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as Record<
  string,
  unknown
>

describe('packaging (electron-builder.json)', () => {
  it('is valid for this electron-builder', async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined()
  })

  it('flips the fuses: no run-as-node, no NODE_OPTIONS, no inspect, only the asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    })
  })

  it('builds AppImage and deb, dmg, and nsis; names the binary clipwise-app', () => {
    expect(config).toMatchObject({
      executableName: 'clipwise-app',
      linux: { target: ['AppImage', 'deb'] },
      mac: { target: ['dmg'], extendInfo: { LSUIElement: true } },
      win: { target: ['nsis'] },
    })
  })
})
