/**
 * Secret scanner benchmark: the worst case over adversarial 1 MiB inputs (runs of every rule's
 * keywords and prefixes, long upper-case lines, long base64, long `key=` runs, key block headers)
 * and the median for an ordinary 10-line snippet. The scanner's limits (MAX_SCAN_WORK, findings per
 * rule, the SCAN_BUDGET_MS time budget) stop a scan that would do more; each row says whether one
 * did ("limit hit"), since the text left unchecked then counts as a secret. The same inputs are
 * also timed without the time budget, to show what the scan itself costs. Run:
 * npm run bench -- secrets
 */
import { hostname, loadavg } from 'node:os'
import data from '../src/shared/secrets/gitleaks-rules.json'
import { MAX_SCAN_WORK, scanSecrets, UNCHECKED_KIND } from '../src/shared/secrets'
import { gitleaksWork } from '../src/shared/secrets/gitleaks'

const MIB = 1024 * 1024
// Flat strings, as a clipboard read gives (repeat() builds a rope that the first search flattens).
const flat = (s: string) => new TextDecoder().decode(new TextEncoder().encode(s))
const fill = (unit: string, size = MIB) =>
  flat(unit.repeat(Math.ceil(size / unit.length)).slice(0, size))
const pct = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? NaN

function adversarialUnits(): string[] {
  const units = new Set<string>()
  for (const rule of data.rules) {
    for (const k of rule.keywords) {
      for (const u of [k, k.toUpperCase(), `${k} `, `${k}=`, `${k}: `, `${k}_`, `${k}-`])
        units.add(u)
    }
  }
  for (const u of [
    'sk-',
    'sk_live_',
    'AKIA',
    'ghp_',
    'eyJ',
    'ey',
    '-----BEGIN ',
    '-----BEGIN PRIVATE KEY-----\n',
    'password=',
    'password: ',
    'PASSWORD=',
    'api_key=',
    'token=',
    'key=',
    'secret: "',
    'x://a:',
    'Authorization: Basic ',
    'AccountKey=',
    '&sig=',
    '"',
    "'",
    ':',
    '=',
    'A',
    'AB',
    'ABCDEFGHIJKLMNOPQRSTUVWXYZ ',
    'QUJDREVGR0hJSktMTU5PUFFSU1RVVldYWVo0NTY3ODkwYWJjZGVm+/',
    'aB3+',
    'ZXlK',
    'AC0123456789abcdef',
  ]) {
    units.add(u)
  }
  return [...units]
}

const ORDINARY = [
  'import { readFile } from "node:fs/promises"',
  '',
  'export async function loadConfig(path: string): Promise<Config> {',
  '  const text = await readFile(path, "utf8")',
  '  const parsed = JSON.parse(text) as Partial<Config>',
  '  const tokenTtlSeconds = parsed.tokenTtlSeconds ?? 3600',
  '  if (!parsed.apiUrl) throw new Error(`apiUrl is missing in ${path}`)',
  '  const passwordMinLength = parsed.passwordMinLength ?? 12',
  '  return { ...DEFAULTS, ...parsed, tokenTtlSeconds, passwordMinLength }',
  '}',
].join('\n')

function time(text: string, budgetMs?: number): { ms: number; budgetHit: boolean } {
  const t0 = performance.now()
  const findings = scanSecrets(text, budgetMs === undefined ? {} : { budgetMs })
  return { ms: performance.now() - t0, budgetHit: findings.some((f) => f.kind === UNCHECKED_KIND) }
}

function main(): void {
  console.log(
    `host ${hostname()}, load average ${loadavg()
      .map((l) => l.toFixed(2))
      .join(' ')}`,
  )
  // Warm up (JIT, rule compilation).
  for (let i = 0; i < 2000; i++) scanSecrets(ORDINARY)
  const ordinary: number[] = []
  for (let i = 0; i < 20_000; i++) {
    const t0 = performance.now()
    scanSecrets(ORDINARY)
    ordinary.push(performance.now() - t0)
  }
  ordinary.sort((a, b) => a - b)
  console.log(
    `ordinary 10-line snippet (${ORDINARY.length} chars): median ${pct(ordinary, 0.5).toFixed(4)} ms, p99 ${pct(ordinary, 0.99).toFixed(4)} ms (target median <= 0.2 ms)`,
  )
  const plain = fill('const value = compute(input) + 1\n')
  const baseline = time(plain).ms
  const ordinaryWork = [
    plain,
    fill(`${ORDINARY}\n`),
    fill('The key point: they said the token of thanks was on the desk. '),
    fill('2026-01-01T10:00:00Z INFO request id=42 user=alice path=/api/v1/items status=200 ms=3\n'),
  ].map((t) => gitleaksWork(t) / MIB)
  console.log(
    `rule work on ordinary 1 MiB texts: ${ordinaryWork.map((w) => w.toFixed(2)).join(', ')} MiB (limit ${MAX_SCAN_WORK / MIB} MiB)`,
  )
  const rows: { unit: string; ms: number; budgetHit: boolean }[] = []
  // Each input is first scanned at 16 KiB, so that V8 has compiled the regular expressions of the
  // rules it wakes (done once per process, on a rule's first use) before the timed 1 MiB scan.
  for (const unit of adversarialUnits()) {
    scanSecrets(fill(unit, 16 * 1024))
    rows.push({ unit, ...time(fill(unit)) })
  }
  rows.sort((a, b) => b.ms - a.ms)
  const hits = rows.filter((r) => r.budgetHit)
  const worst = rows[0]
  console.log(`1 MiB of ordinary code lines: ${baseline.toFixed(1)} ms`)
  console.log(
    `adversarial 1 MiB inputs: ${rows.length}; worst ${worst?.ms.toFixed(1)} ms (${JSON.stringify(worst?.unit)}), ` +
      `median ${pct(
        rows.map((r) => r.ms).sort((a, b) => a - b),
        0.5,
      ).toFixed(1)} ms, ` +
      `ratio worst/ordinary-1MiB ${((worst?.ms ?? 0) / baseline).toFixed(1)}x (target worst <= 50 ms)`,
  )
  console.log(
    `a limit (work, findings or time) hit, rest treated as secret, on ${hits.length} of ${rows.length} inputs`,
  )
  const unbounded = rows.slice(0, 10).map((r) => ({ ...r, ...time(fill(r.unit), Infinity) }))
  console.log('slowest ten (with the time budget | without it):')
  for (const [i, r] of rows.slice(0, 10).entries()) {
    const u = unbounded[i]
    const flag = (hit: boolean | undefined) => (hit ? ' (limit hit)' : '')
    console.log(
      `  ${r.ms.toFixed(1).padStart(7)} ms${flag(r.budgetHit)} | ${u?.ms.toFixed(1)} ms${flag(u?.budgetHit)}  ${JSON.stringify(r.unit)}`,
    )
  }
}

main()
