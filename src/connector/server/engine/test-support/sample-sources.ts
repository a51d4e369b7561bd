/**
 * Test and bench support (never imported by the engine): where real files of each language come
 * from, by named package. `.ci/samples` installs the Debian packages and unpacks the npm ones;
 * the project's own dev dependencies (node_modules) give JavaScript, TypeScript, CSS, HTML, YAML.
 * Each language has a tuning part (what rules and thresholds were chosen on) and a held-out part
 * (other packages, or other files where one package is all there is) that the figures report.
 */
import { homedir } from 'node:os'
import { join } from 'node:path'
import { hashString } from '../reuse/hash'

/** `tune`: rules were chosen looking at it; `held-out`: only measured. */
export type SamplePart = 'tune' | 'held-out'

export interface SampleSource {
  lang: string
  /** Where the files come from: `deb:<package>`, `npm:<package>@<version>` or `dev:node_modules`. */
  from: string
  part: SamplePart
  roots: string[]
  exts: string[]
  /** Take extensionless files too (scripts, completions) when their first line matches. */
  shebang?: RegExp
  /** Files to leave out (another language sharing the extension, generated code). */
  skip?: (path: string, text: string) => boolean
  /** Files per folder (default 2; more where one folder holds all of a language's files). */
  perDir?: number
  /** Whole small files instead of slices (JSON: a slice of a document is not a document). */
  whole?: boolean
  /** For `dev:node_modules`: keep the packages of this part (split by package name). */
  split?: boolean
}

/** Where `.ci/samples` unpacks the npm packages (one folder per package, `/` as `+`). */
export const SAMPLES_DIR =
  process.env.CLIPWISE_SAMPLES ?? join(homedir(), '.cache/clipwise-samples')

const npm = (spec: string, ...sub: string[]): { from: string; roots: string[] } => {
  const name = spec.slice(0, spec.lastIndexOf('@'))
  const dir = join(SAMPLES_DIR, 'npm', name.replace('/', '+'))
  return { from: `npm:${spec}`, roots: sub.length > 0 ? sub.map((s) => join(dir, s)) : [dir] }
}
const deb = (pkg: string, ...roots: string[]) => ({ from: `deb:${pkg}`, roots })
const dev = { from: 'dev:node_modules', roots: ['node_modules'], split: true }

const CPP_MARKERS = /\bnamespace\s+\w+|\btemplate\s*<|\bstd::|^\s*class\s+\w+[^;]*$/m
/** Ruby files that are templates of another language in heredocs (rake's rdoc stylesheets). */
const RUBY_TEMPLATE = (_path: string, text: string): boolean =>
  /<<[-~]?['"]?[A-Z]/.test(text) && /^\s*[.#]?[\w-]+(?:, [\w-]+)*\s*\{\s*$/m.test(text)
/** Capacitor's plugins (Swift and Java): which tune and which are held out. */
const CAP_TUNE = ['app@8.1.1', 'keyboard@8.0.5', 'local-notifications@8.3.1', 'status-bar@8.0.3']
  .concat('action-sheet@8.1.1', 'dialog@8.0.1')
  .map((p) => `@capacitor/${p}`)
const CAP_HELD_OUT = ['camera@8.2.4', 'filesystem@8.1.3', 'geolocation@8.2.2', 'haptics@8.0.2']
  .concat('push-notifications@8.1.2', 'share@8.0.2', 'network@8.0.1', 'browser@8.0.4')
  .concat('preferences@8.0.1', 'device@8.0.3', 'splash-screen@8.0.2', 'clipboard@8.0.1')
  .concat('toast@8.0.1', 'screen-reader@8.0.1', 'text-zoom@8.0.1')
  .map((p) => `@capacitor/${p}`)
/** Every Capacitor plugin ships a near-identical Package.swift manifest: leave those out. */
const SWIFT_MANIFEST = (path: string): boolean => path.endsWith('/Package.swift')
const GO = '/usr/share/gocode/src/github.com'
const CARGO = '/usr/share/cargo/registry'
const GEMS = '/usr/share/rubygems-integration/all/gems'
const PG = '/usr/share/postgresql/15/extension'

/** Every source of real files, per language, in both parts. */
export const SAMPLE_SOURCES: SampleSource[] = [
  { lang: 'js', part: 'tune', exts: ['js', 'mjs', 'cjs'], ...dev },
  { lang: 'js', part: 'held-out', exts: ['js', 'mjs', 'cjs'], ...dev },
  { lang: 'ts', part: 'tune', exts: ['ts', 'mts'], ...dev },
  { lang: 'ts', part: 'held-out', exts: ['ts', 'mts'], ...dev },
  { lang: 'py', part: 'tune', exts: ['py'], ...deb('libpython3.11-stdlib', '/usr/lib/python3.11') },
  {
    lang: 'py',
    part: 'held-out',
    exts: ['py'],
    from: 'dev:node-gyp',
    roots: ['node_modules/node-gyp/gyp'],
  },
  ...CAP_TUNE.concat('@capacitor/ios@8.5.2').map((spec) => ({
    lang: 'swift',
    part: 'tune' as const,
    exts: ['swift'],
    skip: SWIFT_MANIFEST,
    ...npm(spec),
  })),
  ...CAP_HELD_OUT.map((spec) => ({
    lang: 'swift',
    part: 'held-out' as const,
    exts: ['swift'],
    skip: SWIFT_MANIFEST,
    ...npm(spec),
  })),
  ...CAP_TUNE.concat('@capacitor/android@8.5.2', 'react-native-image-picker@8.2.1').map((spec) => ({
    lang: 'java',
    part: 'tune' as const,
    exts: ['java'],
    ...npm(spec),
  })),
  ...CAP_HELD_OUT.concat('react-native-webview@16.0.0', 'react-native-device-info@15.0.2')
    .concat('react-native-fs@2.20.0', 'react-native-code-push@9.0.1')
    .map((spec) => ({ lang: 'java', part: 'held-out' as const, exts: ['java'], ...npm(spec) })),
  ...['react-native-screens@4.30.1', '@capacitor/local-notifications@8.3.1'].map((spec) => ({
    lang: 'kt',
    part: 'tune' as const,
    exts: ['kt'],
    ...npm(spec),
  })),
  ...['react-native-webview@16.0.0', '@capacitor/camera@8.2.4', '@capacitor/filesystem@8.1.3']
    .concat('@capacitor/geolocation@8.2.2', 'react-native-safe-area-context@5.10.1')
    .concat('react-native-pager-view@9.0.5')
    .map((spec) => ({ lang: 'kt', part: 'held-out' as const, exts: ['kt'], ...npm(spec) })),
  {
    lang: 'cs',
    part: 'tune',
    exts: ['cs'],

    ...npm('react-native-windows@0.84.0', 'Microsoft.ReactNative.Managed'),
  },
  { lang: 'cs', part: 'tune', exts: ['cs'], ...npm('react-native-fs@2.20.0', 'windows') },
  {
    lang: 'cs',
    part: 'held-out',
    exts: ['cs'],

    ...npm('react-native-windows@0.84.0', 'Microsoft.ReactNative.Managed.CodeGen', 'template'),
  },
  { lang: 'cs', part: 'held-out', exts: ['cs'], ...npm('edge-js@26.1.0') },
  {
    lang: 'cs',
    part: 'held-out',
    exts: ['cs'],
    ...npm('react-native-code-push@9.0.1', 'windows-legacy'),
  },
  ...[
    ['golang-github-stretchr-testify-dev', 'stretchr'],
    ['golang-github-spf13-cobra-dev', 'spf13/cobra'],
    ['golang-github-sirupsen-logrus-dev', 'sirupsen'],
  ].map(([pkg, dir]) => ({
    lang: 'go',
    part: 'tune' as const,
    exts: ['go'],
    ...deb(pkg ?? '', `${GO}/${dir}`),
  })),
  ...[
    ['golang-github-google-go-cmp-dev', 'google/go-cmp'],
    ['golang-github-gorilla-mux-dev', 'gorilla/mux'],
    ['golang-github-pkg-errors-dev', 'pkg/errors'],
  ].map(([pkg, dir]) => ({
    lang: 'go',
    part: 'held-out' as const,
    exts: ['go'],
    ...deb(pkg ?? '', `${GO}/${dir}`),
  })),
  ...[
    ['librust-serde-dev', 'serde-1.0.152'],
    ['librust-regex-syntax-dev', 'regex-syntax-0.6.27'],
  ].map(([pkg, dir]) => ({
    lang: 'rs',
    part: 'tune' as const,
    exts: ['rs'],
    ...deb(pkg ?? '', `${CARGO}/${dir}`),
  })),
  ...[
    ['librust-memchr-dev', 'memchr-2.5.0'],
    ['librust-anyhow-dev', 'anyhow-1.0.69'],
    ['librust-log-dev', 'log-0.4.17'],
    ['librust-itoa-dev', 'itoa-1.0.1'],
  ].map(([pkg, dir]) => ({
    lang: 'rs',
    part: 'held-out' as const,
    exts: ['rs'],

    ...deb(pkg ?? '', `${CARGO}/${dir}`),
  })),
  ...[
    ['ruby-rack', 'rack-2.2.22'],
    ['ruby-thor', 'thor-1.2.1'],
    ['ruby-sinatra', 'sinatra-3.0.5'],
    ['ruby-sinatra', 'mustermann-3.0.0'],
    ['ruby-addressable', 'addressable-2.8.1'],
  ].map(([pkg, dir]) => ({
    lang: 'rb',
    part: 'tune' as const,
    skip: RUBY_TEMPLATE,
    exts: ['rb'],
    ...deb(pkg ?? '', `${GEMS}/${dir}`),
  })),
  ...[
    ['ruby-i18n', 'i18n-1.10.0'],
    ['rake', 'rake-13.0.6'],
    ['ruby-concurrent', 'concurrent-ruby-1.1.6'],
  ].map(([pkg, dir]) => ({
    lang: 'rb',
    part: 'held-out' as const,
    skip: RUBY_TEMPLATE,
    exts: ['rb'],
    ...deb(pkg ?? '', `${GEMS}/${dir}`),
  })),
  ...[
    ['php-symfony-console', 'Symfony'],
    ['php-twig', 'Twig'],
  ].map(([pkg, dir]) => ({
    lang: 'php',
    part: 'tune' as const,
    exts: ['php'],
    ...deb(pkg ?? '', `/usr/share/php/${dir}`),
  })),
  ...[
    ['php-monolog', 'Monolog'],
    ['php-psr-log', 'Psr'],
    ['php-composer-semver', 'Composer'],
  ].map(([pkg, dir]) => ({
    lang: 'php',
    part: 'held-out' as const,
    exts: ['php'],

    ...deb(pkg ?? '', `/usr/share/php/${dir}`),
  })),
  {
    lang: 'c',
    part: 'tune',
    exts: ['c'],

    ...deb('libcurl4-doc', '/usr/share/doc/libcurl4/examples'),
  },
  { lang: 'c', part: 'tune', exts: ['c', 'h'], ...npm('argon2@0.45.1', 'argon2') },
  {
    lang: 'c',
    part: 'held-out',
    exts: ['c', 'h'],

    ...npm('tree-sitter@0.25.1', 'vendor'),
  },
  { lang: 'c', part: 'held-out', exts: ['c'], ...npm('cpu-features@0.0.10', 'deps') },
  { lang: 'c', part: 'held-out', exts: ['c'], ...npm('node-hid@3.4.0', 'hidapi') },
  { lang: 'c', part: 'held-out', exts: ['c'], ...npm('react-native-code-push@9.0.1', 'ios') },
  {
    lang: 'cpp',
    part: 'tune',
    exts: ['cc', 'h'],

    ...deb('googletest', '/usr/src/googletest'),
  },
  {
    lang: 'cpp',
    part: 'held-out',
    exts: ['hpp'],

    ...deb('nlohmann-json3-dev', '/usr/include/nlohmann'),
  },
  {
    lang: 'cpp',
    part: 'held-out',
    exts: ['hpp'],

    ...deb('catch2', '/usr/include/catch2'),
  },
  {
    lang: 'cpp',
    part: 'held-out',
    exts: ['cpp'],

    ...npm('react-native-windows@0.84.0', 'Microsoft.ReactNative'),
    skip: (path, text) => !CPP_MARKERS.test(text) && path.endsWith('.h'),
  },
  {
    lang: 'sh',
    part: 'tune',
    exts: ['sh', 'bash'],
    shebang: /^#.*\b(?:ba)?sh\b|^# .*completion/,
    perDir: 400,

    ...deb('bash-completion', '/usr/share/bash-completion/completions'),
  },
  {
    lang: 'sh',
    part: 'tune',
    exts: ['sh'],
    // Every extensionless file there is a shell script sourced by debootstrap (no shebang).
    shebang: /^/,
    ...deb('debootstrap', '/usr/share/debootstrap'),
  },
  {
    lang: 'sh',
    part: 'held-out',
    exts: ['sh'],
    shebang: /^#!.*\b(?:ba|da)?sh\b/,

    ...deb('git', '/usr/lib/git-core'),
  },
  { lang: 'sh', part: 'held-out', exts: ['sh', 'bash'], ...dev },
  {
    lang: 'sh',
    part: 'held-out',
    exts: ['sh', 'bash'],
    shebang: /^#!.*\b(?:ba)?sh\b/,
    ...npm('bats@1.13.0', 'lib', 'libexec'),
  },
  {
    lang: 'sql',
    part: 'tune',
    exts: ['sql'],
    perDir: 400,

    ...deb('postgresql-15 (extensions a–l)', PG),
    skip: (path) => !/\/[a-l][^/]*$/.test(path),
  },
  {
    lang: 'sql',
    part: 'held-out',
    exts: ['sql'],
    perDir: 400,

    ...deb('postgresql-15 (extensions m–z)', PG),
    skip: (path) => /\/[a-l][^/]*$/.test(path),
  },
  { lang: 'css', part: 'tune', exts: ['css'], ...dev },
  {
    lang: 'css',
    part: 'tune',
    exts: ['css'],
    from: 'dev:highlight.js (styles)',
    roots: ['node_modules/highlight.js/styles'],
  },
  { lang: 'css', part: 'held-out', exts: ['css'], ...dev },
  ...['purecss@3.0.0', 'animate.css@4.1.1', 'github-markdown-css@5.8.1'].map((spec) => ({
    lang: 'css',
    part: 'held-out' as const,
    exts: ['css'],
    skip: (path: string) => path.includes('-min.') || path.includes('.min.'),
    ...npm(spec),
  })),
  { lang: 'html', part: 'tune', exts: ['html', 'htm'], ...dev },
  {
    lang: 'html',
    part: 'held-out',
    exts: ['html'],
    ...deb('libxslt1-dev', '/usr/share/doc/libxslt1-dev/html'),
  },
  {
    lang: 'html',
    part: 'held-out',
    exts: ['html'],
    ...deb('libffi-dev', '/usr/share/doc/libffi8/html'),
  },
  {
    lang: 'html',
    part: 'held-out',
    exts: ['html'],
    ...deb('valgrind', '/usr/share/doc/valgrind/html'),
  },
  { lang: 'yaml', part: 'tune', exts: ['yaml', 'yml'], ...dev },
  { lang: 'yaml', part: 'held-out', exts: ['yaml', 'yml'], ...dev },
  {
    lang: 'pl',
    part: 'tune',
    exts: ['pm', 'pl'],
    ...deb('perl-modules-5.36', '/usr/share/perl/5.36'),
  },
  {
    lang: 'pl',
    part: 'held-out',
    exts: ['pm', 'pl'],
    ...deb('debconf, git and other Perl modules of Debian', '/usr/share/perl5'),
  },
  { lang: 'json', part: 'tune', exts: ['json'], whole: true, ...dev },
  { lang: 'json', part: 'held-out', exts: ['json'], whole: true, ...dev },
  { lang: 'md', part: 'tune', exts: ['md'], ...dev },
  { lang: 'md', part: 'held-out', exts: ['md'], ...dev },
]

/** The part a dev dependency's files belong to: packages split by their name. */
export function partOfPackage(name: string): SamplePart {
  return hashString(name) % 2 === 0 ? 'tune' : 'held-out'
}
