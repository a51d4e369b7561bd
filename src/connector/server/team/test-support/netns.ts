// Network namespaces for team tests: each connector gets its own namespace joined to the host by a
// veth pair, so its traffic to PostgreSQL really crosses a (virtual) network. Root only; the
// namespaces and links are this test run's own and are removed afterwards.
import { spawnSync } from 'node:child_process'

export interface Namespace {
  name: string
  /** The host's end of the link (where PostgreSQL listens for this namespace). */
  hostAddress: string
  /** Prefix that runs a command inside the namespace. */
  exec: string[]
}

const ip = (args: string[]) => spawnSync('ip', args, { encoding: 'utf8' })

/** Why namespaces cannot be made here, or undefined when they can. */
export function namespacesUnavailable(): string | undefined {
  if (process.platform !== 'linux') return 'network namespaces are Linux only'
  if (process.getuid?.() !== 0) return 'network namespaces need root'
  const probe = `cwprobe${process.pid}`
  const made = ip(['netns', 'add', probe])
  if (made.status !== 0) return `ip netns add failed: ${made.stderr.trim() || 'no ip command'}`
  ip(['netns', 'del', probe])
  return undefined
}

/** Makes `count` namespaces, each with a /30 link to the host; `remove` deletes them all. */
export function createNamespaces(count: number): { spaces: Namespace[]; remove(): void } {
  const spaces: Namespace[] = []
  const links: string[] = []
  const base = (process.pid % 60) * 4
  const run = (args: string[]) => {
    const result = ip(args)
    if (result.status !== 0) throw new Error(`ip ${args.join(' ')}: ${result.stderr.trim()}`)
  }
  const remove = () => {
    for (const space of spaces) ip(['netns', 'del', space.name])
    for (const link of links) ip(['link', 'del', link])
  }
  try {
    for (let i = 0; i < count; i++) {
      const name = `cw15-${process.pid}-${i}`
      const hostEnd = `cw${process.pid}h${i}`.slice(0, 15)
      const innerEnd = `cw${process.pid}n${i}`.slice(0, 15)
      const subnet = `10.213.${base + i}`
      run(['netns', 'add', name])
      spaces.push({ name, hostAddress: `${subnet}.1`, exec: ['ip', 'netns', 'exec', name] })
      run(['link', 'add', hostEnd, 'type', 'veth', 'peer', 'name', innerEnd])
      links.push(hostEnd)
      run(['link', 'set', innerEnd, 'netns', name])
      run(['addr', 'add', `${subnet}.1/30`, 'dev', hostEnd])
      run(['link', 'set', hostEnd, 'up'])
      run(['netns', 'exec', name, 'ip', 'addr', 'add', `${subnet}.2/30`, 'dev', innerEnd])
      run(['netns', 'exec', name, 'ip', 'link', 'set', innerEnd, 'up'])
      run(['netns', 'exec', name, 'ip', 'link', 'set', 'lo', 'up'])
    }
  } catch (error) {
    remove()
    throw error
  }
  return { spaces, remove }
}
