import { builtinModules } from 'node:module'
import js from '@eslint/js'
import globals from 'globals'
import reactHooks from 'eslint-plugin-react-hooks'
import tseslint from 'typescript-eslint'

// The folder decides what code may import (DESIGN.md, "Layout"). Each folder gets one complete
// set of import rules below (a later block would replace, not add to, an earlier one), and
// test/folder-rules.test.ts feeds each rule a file that breaks it.

const ELECTRON_MESSAGE =
  'Only src/main and src/preload may use electron: its package downloads the binary on first use.'
const MAIN_ELECTRON_MESSAGE =
  'In src/main only index.ts loads electron; the rest receives it as a Desktop (desktop.ts), so tests run it on a stand-in. Type imports are fine.'
const NODE_MESSAGE = 'This folder runs outside Node (or in a sandbox): no Node built-in modules.'

/** Static imports of electron (and `import x = require()`). */
const electronImports = {
  paths: [{ name: 'electron', message: ELECTRON_MESSAGE }],
  patterns: [{ regex: '^electron/', message: ELECTRON_MESSAGE }],
}
/** Static imports of Node's built-in modules, with or without `node:`. */
const nodeImports = {
  paths: builtinModules
    .filter((name) => !name.startsWith('_'))
    .map((name) => ({ name, message: NODE_MESSAGE })),
  patterns: [{ regex: '^node:', message: NODE_MESSAGE }],
}
/** `import('x')` and `require('x')`, which no-restricted-imports does not see. */
const dynamicLoads = (test, message) => [
  { selector: `ImportExpression[source.value=${test}]`, message },
  { selector: `CallExpression[callee.name='require'][arguments.0.value=${test}]`, message },
]
const dynamicElectron = dynamicLoads('/^electron($|\\u002f)/', ELECTRON_MESSAGE)
const dynamicNode = dynamicLoads('/^node:/', NODE_MESSAGE)

/** Patterns refusing imports from other folders of ours (`src/<folder>`). */
const ours = (...folders) =>
  folders.map((folder) => ({
    group: [`**/${folder}/**`, `**/${folder}`],
    message: `This folder may not import from src/${folder} (DESIGN.md, "Layout").`,
  }))

/** Electron for its types only (`import type`), as the main process's files other than index.ts. */
const electronTypesOnly = {
  paths: [{ name: 'electron', message: MAIN_ELECTRON_MESSAGE, allowTypeImports: true }],
  patterns: [{ regex: '^electron/', message: MAIN_ELECTRON_MESSAGE, allowTypeImports: true }],
}
const dynamicElectronInMain = dynamicLoads('/^electron($|\\u002f)/', MAIN_ELECTRON_MESSAGE)

/** The import rules of one folder: other folders it may not import, and whether Node/electron
 * (`electron`: true, false, or 'types' for type imports only). */
function folderRules({ patterns = [], electron = false, node = true }) {
  const refusedElectron = electron === 'types' ? electronTypesOnly : electronImports
  const loadsElectron = electron === true
  const paths = [
    ...(loadsElectron ? [] : refusedElectron.paths),
    ...(node ? [] : nodeImports.paths),
  ]
  const allPatterns = [
    ...patterns,
    ...(loadsElectron ? [] : refusedElectron.patterns),
    ...(node ? [] : nodeImports.patterns),
  ]
  const dynamic = electron === 'types' ? dynamicElectronInMain : dynamicElectron
  const syntax = [...(loadsElectron ? [] : dynamic), ...(node ? [] : dynamicNode)]
  return {
    'no-restricted-imports': 'off',
    '@typescript-eslint/no-restricted-imports': ['error', { paths, patterns: allPatterns }],
    'no-restricted-syntax': syntax.length ? ['error', ...syntax] : 'off',
  }
}

/** The renderer may take the bridge's types from src/preload, and nothing else. */
const preloadForRenderer = [
  {
    group: ['**/preload/**', '**/preload', '!**/preload/bridge', '!**/preload/bridge.d'],
    message:
      'The renderer may import only the bridge’s types from src/preload (src/preload/bridge).',
  },
  {
    group: ['**/preload/bridge', '**/preload/bridge.d'],
    allowTypeImports: true,
    message: 'The renderer may import only the bridge’s types: write `import type`.',
  },
]

export default tseslint.config(
  {
    ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'bench-results/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.strict,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      // A promise is awaited, returned, handled, or marked `void` on purpose.
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
    },
  },
  {
    // Plain JavaScript (launchers, the test runner and its reporters, the CLI's bin shim, test
    // fixtures) and the hand-written declaration beside one: no TypeScript project to type them.
    files: ['**/*.{js,mjs,cjs}', 'scripts/**/*.d.mts'],
    ...tseslint.configs.disableTypeChecked,
  },
  { files: ['src/**'], rules: folderRules({}) },
  {
    files: ['src/shared/**'],
    rules: folderRules({
      patterns: ours('core', 'connector', 'main', 'preload', 'renderer', 'cli', 'front-ends'),
      node: false,
    }),
  },
  {
    files: ['src/core/**'],
    rules: folderRules({
      patterns: [
        ...ours('main', 'preload', 'renderer', 'cli', 'front-ends'),
        {
          group: ['**/connector/server/**', '**/connector/server'],
          message: 'src/core may use the connector only through src/connector/client.',
        },
      ],
    }),
  },
  {
    // A test of the core runs it against a real embedded connector (DESIGN.md, "Testing").
    files: ['src/core/**/*.test.ts', 'src/core/test-support/**'],
    rules: folderRules({ patterns: ours('main', 'preload', 'renderer', 'cli', 'front-ends') }),
  },
  {
    files: ['src/connector/**'],
    rules: folderRules({
      patterns: ours('core', 'main', 'preload', 'renderer', 'cli', 'front-ends'),
    }),
  },
  {
    // What the CLI and the tray both need (advertisement, data folder, X11 selection events).
    files: ['src/front-ends/**'],
    rules: folderRules({ patterns: ours('main', 'preload', 'renderer', 'cli') }),
  },
  {
    files: ['src/cli/**'],
    rules: folderRules({ patterns: ours('main', 'preload', 'renderer') }),
  },
  {
    files: ['src/main/**'],
    ignores: ['src/main/index.ts'],
    rules: folderRules({ patterns: ours('renderer'), electron: 'types' }),
  },
  {
    files: ['src/main/index.ts'],
    rules: folderRules({ patterns: ours('renderer'), electron: true }),
  },
  {
    files: ['src/preload/**'],
    rules: folderRules({
      patterns: ours('core', 'connector', 'main', 'renderer', 'cli', 'front-ends'),
      electron: true,
      node: false,
    }),
  },
  {
    files: ['src/renderer/**'],
    rules: folderRules({
      patterns: [...ours('core', 'connector', 'main', 'cli', 'front-ends'), ...preloadForRenderer],
      node: false,
    }),
  },
  {
    files: ['e2e/**', 'bench/**', 'test/**', 'scripts/**', 'bin/**', '*.ts'],
    rules: folderRules({}),
  },
  {
    // Test support is for tests and benches only (DESIGN.md, "Test support"). The core rule, which
    // folderRules turns off, so that it adds to each folder's rules instead of replacing them.
    files: ['src/**'],
    ignores: ['src/**/*.test.{ts,tsx}', 'src/**/test-support/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/test-support/**', '**/test-support'],
              message:
                'Only tests and benches may import test support (DESIGN.md, "Test support").',
            },
          ],
        },
      ],
    },
  },
  { files: ['src/renderer/**/*.{ts,tsx}'], ...reactHooks.configs.flat['recommended-latest'] },
  {
    // Plain Node scripts (launchers, the test runner, the CLI's bin shim).
    files: ['scripts/**/*.{mjs,cjs}', 'bin/**/*.cjs', 'test/**/*.mjs', '*.config.mjs'],
    languageOptions: { globals: globals.node },
  },
  { files: ['**/*.cjs'], rules: { '@typescript-eslint/no-require-imports': 'off' } },
)
