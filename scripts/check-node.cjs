// The first thing every npm script runs: on a Node.js older than package.json's `engines.node`,
// say in one sentence which Node is needed and how to get it, and stop, instead of failing later
// inside a tool (`node:sqlite`, vitest, electron-vite). Written for old Node on purpose: plain
// CommonJS and ES2017 syntax, so that it parses wherever the sentence is needed.
'use strict'
const fs = require('fs')
const path = require('path')

/** The lowest Node.js version package.json allows, as `[major, minor, patch]`. */
function requiredNode() {
  const manifest = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'))
  const match = /^>=\s*(\d+)(?:\.(\d+))?(?:\.(\d+))?$/.exec((manifest.engines || {}).node || '')
  if (!match) throw new Error('package.json: engines.node must read ">=MAJOR.MINOR".')
  return [Number(match[1]), Number(match[2] || 0), Number(match[3] || 0)]
}

/** Whether `version` (`22.13.1`, `v20.20.2`) is at least `required`. */
function isAtLeast(version, required) {
  const parts = String(version).replace(/^v/, '').split('.').map(Number)
  for (let i = 0; i < 3; i++) {
    if ((parts[i] || 0) !== required[i]) return (parts[i] || 0) > required[i]
  }
  return true
}

/** The one sentence shown on a Node.js that is too old, or undefined when this one will do. */
function oldNodeSentence(version) {
  const required = requiredNode()
  if (isAtLeast(version, required)) return undefined
  const wanted = required[2] ? required.join('.') : required.slice(0, 2).join('.')
  return (
    `Clipwise needs Node.js ${wanted} or newer, but this is Node.js ${String(version).replace(/^v/, '')}: ` +
    `install Node.js ${required[0]} (from https://nodejs.org, or \`nvm install ${required[0]}\`), ` +
    'then run `npm ci` and this command again.'
  )
}

module.exports = { requiredNode, isAtLeast, oldNodeSentence }

const sentence = oldNodeSentence(process.versions.node)
if (sentence) {
  console.error(sentence)
  process.exit(1)
}
