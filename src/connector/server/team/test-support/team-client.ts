// A small HTTP client for team tests and the team benchmark: what a Clipwise front end does
// against a connector (connect, save, suggest, list, edit, delete, share), over real HTTP.
import type { Asset, Suggestion } from '../../../../shared/wire'
import type { TeamStatus } from '../team-sync'

type Fetch = (url: string, init: RequestInit) => Promise<Response>

export interface TeamClient {
  base: string
  save(text: string, name?: string): Promise<string>
  suggest(text: string): Promise<Suggestion>
  assets(): Promise<Asset[]>
  rename(id: string, name: string, tags?: string[]): Promise<Asset>
  remove(id: string): Promise<Response>
  share(id: string, shared: boolean): Promise<Response>
  status(): Promise<TeamStatus>
}

/** Connects as an integration and returns the calls a front end makes. */
export async function teamClient(base: string, fetchImpl: Fetch = fetch): Promise<TeamClient> {
  const post = (path: string, body: unknown) =>
    fetchImpl(`${base}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const ok = async (response: Promise<Response>) => {
    const r = await response
    if (r.status !== 200) throw new Error(`${r.url} → ${r.status}: ${await r.text()}`)
    return r
  }
  const connected = await ok(
    post('/connect', { application: { name: 'OPEN_SOURCE', version: '1.0.0', platform: 'LINUX' } }),
  )
  const appId = ((await connected.json()) as { application: { id: string } }).application.id
  const seed = (raw: string, name?: string) => ({
    asset: { ...(name && { metadata: { name } }), format: { fragment: { string: { raw } } } },
  })
  return {
    base,
    save: async (text, name) =>
      (await ok(post(`/${appId}/reaction`, { save: true, seed: seed(text, name) }))).text(),
    suggest: async (text) =>
      (await (await ok(post(`/${appId}/suggestion`, seed(text)))).json()) as Suggestion,
    assets: async () =>
      ((await (await ok(fetchImpl(`${base}/assets`, {}))).json()) as { iterable: Asset[] })
        .iterable,
    rename: async (id, name, tags) =>
      (await (
        await ok(
          post('/asset/update', {
            id,
            name,
            ...(tags && { tags: { iterable: tags.map((text) => ({ text })) } }),
          }),
        )
      ).json()) as Asset,
    remove: (id) => post(`/assets/${id}/delete`, {}),
    share: (id, shared) => post(`/team/assets/${id}/share`, { shared }),
    status: async () =>
      (await (await ok(fetchImpl(`${base}/team/status`, {}))).json()) as TeamStatus,
  }
}

/** Polls `check` until it returns a value (not undefined/false) or the deadline passes. */
export async function eventually<T>(
  what: string,
  check: () => Promise<T | undefined | false>,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs
  let last: unknown
  for (;;) {
    try {
      const value = await check()
      if (value !== undefined && value !== false) return value
    } catch (error) {
      last = error
    }
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}${last ? `: ${String(last)}` : ''}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 20))
  }
}

/** The teammate and library an asset names, as the tray and `watch` read them. */
export function whoAndWhere(asset: Asset | undefined): { who?: string; where?: string } {
  return {
    ...(asset?.persons?.iterable[0]?.type.basic?.name && {
      who: asset.persons.iterable[0].type.basic.name,
    }),
    ...(asset?.shares?.iterable[0]?.name && { where: asset.shares.iterable[0].name }),
  }
}
