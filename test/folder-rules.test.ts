import { ESLint, type Linter } from 'eslint'
import { join } from 'node:path'
import tseslint from 'typescript-eslint'
import { beforeAll, describe, expect, it } from 'vitest'
import { ROOT } from './support/older-node'

// Every folder rule of DESIGN.md ("Layout"), fed a file that breaks it through ESLint's Node API
// with the project's own eslint.config.mjs; and the same import where the rule allows it, so a
// rule that refused everything would fail too. Type information is off here (the files are not
// on disk); the typed rules get one case of their own on a real file.

const IMPORT = '@typescript-eslint/no-restricted-imports'
const SYNTAX = 'no-restricted-syntax'

let eslint: ESLint
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT, overrideConfig: tseslint.configs.disableTypeChecked })
})

/** The rules that report on `code` as the file `file` (either import rule counts as the TS one). */
async function ruleIds(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(`${code}\n`, { filePath: join(ROOT, file) })
  const messages: Linter.LintMessage[] = result?.messages ?? []
  const fatal = messages.find((message) => message.fatal)
  if (fatal) throw new Error(`${file}: ${fatal.message}`)
  return messages.map((message) =>
    message.ruleId === 'no-restricted-imports' ? IMPORT : (message.ruleId ?? ''),
  )
}

type Case = [rule: string, file: string, code: string, refusedBy: string]

const refused: Case[] = [
  [
    'src/main files other than index.ts receive electron, they do not load it',
    'src/main/x.ts',
    "import { app } from 'electron'\nvoid app",
    IMPORT,
  ],
  [
    'no dynamic electron import in src/main outside index.ts',
    'src/main/x.ts',
    "void import('electron')",
    SYNTAX,
  ],
  ['no node:* in src/shared', 'src/shared/x.ts', "import { readFileSync } from 'node:fs'", IMPORT],
  [
    'no bare Node built-ins in src/shared',
    'src/shared/x.ts',
    "import { join } from 'path'",
    IMPORT,
  ],
  ['no dynamic Node import in src/shared', 'src/shared/x.ts', "void import('node:os')", SYNTAX],
  ['src/shared imports nothing of ours', 'src/shared/x.ts', "import '../core/companion'", IMPORT],
  [
    'src/core may not import src/connector/server',
    'src/core/x.ts',
    "import { startConnector } from '../connector/server'",
    IMPORT,
  ],
  [
    'src/core may not import a file inside src/connector/server',
    'src/core/x.ts',
    "import { openStore } from '../connector/server/storage/open-store'",
    IMPORT,
  ],
  ['src/core may not import src/main', 'src/core/x.ts', "import '../main/shell'", IMPORT],
  ['src/connector may not import src/core', 'src/connector/x.ts', "import '../core'", IMPORT],
  ['src/cli may not import src/main', 'src/cli/x.ts', "import '../main/tray'", IMPORT],
  ['src/main may not import src/renderer', 'src/main/x.ts', "import '../renderer/src/app'", IMPORT],
  ['no electron in src/core', 'src/core/x.ts', "import { app } from 'electron'", IMPORT],
  ['no electron/main in src/cli', 'src/cli/x.ts', "import { app } from 'electron/main'", IMPORT],
  ['no import(electron) in src/core', 'src/core/x.ts', "void import('electron')", SYNTAX],
  ['no require(electron) in src/cli', 'src/cli/x.ts', "require('electron')", SYNTAX],
  [
    'no import = require(electron) in src/connector',
    'src/connector/x.ts',
    "import electron = require('electron')\nvoid electron",
    IMPORT,
  ],
  ['no electron in e2e', 'e2e/x.ts', "void import('electron')", SYNTAX],
  ['no electron in src/renderer', 'src/renderer/src/x.ts', "import 'electron'", IMPORT],
  [
    'the renderer may not import preload code',
    'src/renderer/src/x.ts',
    "import { createBridge } from '../../preload/bridge'\nvoid createBridge",
    IMPORT,
  ],
  [
    'the renderer may not import other preload files, even for types',
    'src/renderer/src/x.ts',
    "import type { channelOf } from '../../preload/channels'\nexport type C = typeof channelOf",
    IMPORT,
  ],
  [
    'no Node in src/renderer',
    'src/renderer/src/x.ts',
    "import { EventEmitter } from 'events'",
    IMPORT,
  ],
  [
    'no Node in the sandboxed preload',
    'src/preload/x.ts',
    "import { readFile } from 'node:fs'",
    IMPORT,
  ],
  ['src/preload may not import src/core', 'src/preload/x.ts', "import '../core'", IMPORT],
  ['src/renderer may not import src/core', 'src/renderer/src/x.ts', "import '../../core'", IMPORT],
  [
    'production code may not import test support',
    'src/connector/server/x.ts',
    "import { tempDir } from './test-support/temp-dir'",
    IMPORT,
  ],
]

const allowed: [what: string, file: string, code: string][] = [
  [
    'a test may import test support',
    'src/connector/server/x.test.ts',
    "import { tempDir } from './test-support/temp-dir'",
  ],
  [
    'test support may import other test support',
    'src/cli/test-support/x.ts',
    "import { until } from '../../front-ends/test-support/x11'",
  ],
  [
    'node:fs in src/connector',
    'src/connector/x.ts',
    "import { readFileSync } from 'node:fs'\nvoid readFileSync",
  ],
  [
    'src/core through src/connector/client',
    'src/core/x.ts',
    "import type { ConnectorClient } from '../connector/client'\nexport type C = ConnectorClient",
  ],
  [
    'a core test against a real connector',
    'src/core/x.test.ts',
    "import { startConnector } from '../connector/server'\nvoid startConnector",
  ],
  [
    'electron in src/main/index.ts (the one file that loads it)',
    'src/main/index.ts',
    "import { app } from 'electron'\nvoid app\nvoid import('electron')",
  ],
  [
    "electron's types elsewhere in src/main",
    'src/main/x.ts',
    "import type { App } from 'electron'\nexport type A = App",
  ],
  [
    'electron in src/preload',
    'src/preload/x.ts',
    "import { contextBridge } from 'electron'\nvoid contextBridge",
  ],
  [
    'the bridge’s types in the renderer',
    'src/renderer/src/x.ts',
    "import type { ClipwiseBridge } from '../../preload/bridge'\nexport type B = ClipwiseBridge",
  ],
  [
    'src/shared in the renderer',
    'src/renderer/src/x.ts',
    "import type { Settings } from '../../shared/domain'\nexport type S = Settings",
  ],
]

describe('lint holds the folder rules', () => {
  it.each(refused)('%s', async (_rule, file, code, refusedBy) => {
    expect(await ruleIds(file, code)).toContain(refusedBy)
  })

  it.each(allowed)('allows %s', async (_what, file, code) => {
    const ids = await ruleIds(file, code)
    expect(ids.filter((id) => id === IMPORT || id === SYNTAX)).toEqual([])
  })

  it('applies the React hooks rules in the renderer', async () => {
    const component =
      "import { useState } from 'react'\n" +
      'export function C({ on }: { on: boolean }) {\n' +
      '  if (on) useState(0)\n' +
      '  return null\n' +
      '}'
    expect(await ruleIds('src/renderer/src/x.tsx', component)).toContain(
      'react-hooks/rules-of-hooks',
    )
  })
})

describe('typed lint', () => {
  it('refuses a floating promise and a promise where a void callback is expected', async () => {
    // A file of a one-file project, so the project service gives it types at little cost.
    const typed = new ESLint({ cwd: ROOT })
    const file = join(ROOT, 'test/fixtures/typed-lint/sample.ts')
    const code =
      'export async function later(): Promise<number> {\n  return 1\n}\n' +
      'export function run(): void {\n  later()\n  ;[1].forEach(later)\n}\n'
    const [result] = await typed.lintText(code, { filePath: file })
    const ids = (result?.messages ?? []).map((message) => message.ruleId)
    expect(ids).toContain('@typescript-eslint/no-floating-promises')
    expect(ids).toContain('@typescript-eslint/no-misused-promises')
  }, 60_000)
})
