// `npm run secrets:import -- <gitleaks.toml> [<version or commit>]`: refreshes the credential rules
// Clipwise takes from gitleaks' default rule set (config/gitleaks.toml in its repository, MIT).
// Keeps the data the scanner needs (ids, patterns, keywords, entropy, allowlists, stopwords) and
// leaves gitleaks' prose descriptions out. Every pattern is translated once here, so a construct
// the translator does not know stops the import instead of failing at run time, and the
// hardened JavaScript form the scanner runs is stored beside each rule.
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { parse } from 'smol-toml'
import { prepareGitleaksRule } from '../src/shared/secrets/gitleaks-prepare'
import { re2ToJs } from '../src/shared/secrets/re2-to-js'

interface TomlAllowlist {
  condition?: string
  regexTarget?: string
  regexes?: string[]
  stopwords?: string[]
  paths?: string[]
}

interface TomlRule {
  id: string
  regex?: string
  path?: string
  keywords?: string[]
  entropy?: number
  secretGroup?: number
  allowlists?: TomlAllowlist[]
}

const [file, source = 'unknown version'] = process.argv.slice(2)
if (!file) {
  console.error('usage: npm run secrets:import -- <gitleaks.toml> [<version or commit>]')
  process.exit(2)
}
const config = parse(readFileSync(file, 'utf8')) as unknown as {
  allowlist?: TomlAllowlist
  rules: TomlRule[]
}

const allowlist = (a: TomlAllowlist) => ({
  ...(a.condition && { condition: a.condition }),
  ...(a.regexTarget && { regexTarget: a.regexTarget }),
  ...(a.regexes && { regexes: a.regexes }),
  ...(a.stopwords && { stopwords: a.stopwords }),
})

const rules = config.rules.map((rule) => {
  if (rule.regex) new RegExp(re2ToJs(rule.regex))
  for (const a of rule.allowlists ?? []) for (const r of a.regexes ?? []) new RegExp(re2ToJs(r))
  const data = {
    id: rule.id,
    ...(rule.regex && { regex: rule.regex }),
    ...(rule.path && { path: rule.path }),
    keywords: rule.keywords ?? [],
    ...(rule.entropy !== undefined && { entropy: rule.entropy }),
    ...(rule.secretGroup !== undefined && { secretGroup: rule.secretGroup }),
    ...(rule.allowlists && { allowlists: rule.allowlists.map(allowlist) }),
  }
  // What the scanner runs, prepared here so that nothing is translated when Clipwise starts.
  const js = prepareGitleaksRule(data)
  if (js) new RegExp(js.source, `gd${js.flags}`)
  return { ...data, ...(js && { js }) }
})
for (const r of config.allowlist?.regexes ?? []) new RegExp(re2ToJs(r))

const out = {
  source: `gitleaks default rule set (config/gitleaks.toml), ${source}`,
  license: [
    'MIT License. Copyright (c) 2019 Zachary Rice. Permission is hereby granted, free of',
    'charge, to any person obtaining a copy of this software and associated documentation',
    'files (the "Software"), to deal in the Software without restriction, including without',
    'limitation the rights to use, copy, modify, merge, publish, distribute, sublicense,',
    'and/or sell copies of the Software, and to permit persons to whom the Software is',
    'furnished to do so, subject to the following conditions: The above copyright notice',
    'and this permission notice shall be included in all copies or substantial portions of',
    'the Software. THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS',
    'OR IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY, FITNESS',
    'FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE AUTHORS OR',
    'COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER LIABILITY, WHETHER IN AN',
    'ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM, OUT OF OR IN CONNECTION WITH THE',
    'SOFTWARE OR THE USE OR OTHER DEALINGS IN THE SOFTWARE.',
  ].join(' '),
  allowlist: allowlist(config.allowlist ?? {}),
  rules,
}
const target = join(import.meta.dirname, '..', 'src', 'shared', 'secrets', 'gitleaks-rules.json')
writeFileSync(target, `${JSON.stringify(out, null, 1)}\n`)
console.log(`wrote ${rules.length} rules to ${target}`)
