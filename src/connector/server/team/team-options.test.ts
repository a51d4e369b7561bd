import { describe, expect, it } from 'vitest'
import { clientConfig, describeLibrary, expectedRole, redactUrl } from './team-options'

describe('team library URLs', () => {
  it('reads TCP and Unix-socket URLs, with libpq meaning of sslmode', () => {
    expect(
      clientConfig({ url: 'postgres://sam@/snippets?host=%2Frun%2Fpg&port=5433' }),
    ).toMatchObject({
      host: '/run/pg',
      port: 5433,
      user: 'sam',
      database: 'snippets',
    })
    // libpq's require: encrypted, certificate not checked (pg alone would check it).
    expect(
      clientConfig({ url: 'postgres://alex@db.example.com/snippets?sslmode=require' }).ssl,
    ).toEqual({ rejectUnauthorized: false })
    expect(clientConfig({ url: 'postgres://alex@db.example.com/s', password: 'pw' }).password).toBe(
      'pw',
    )
    expect(() => clientConfig({ url: 'mysql://x' })).toThrow(/postgres:\/\//)
  })

  it('says where without credentials, and which role will log in', () => {
    expect(describeLibrary('postgres://alex:pw@db.example.com:6000/snippets')).toBe(
      'snippets on db.example.com:6000',
    )
    expect(describeLibrary('postgres:///snippets?host=/var/run/postgresql')).toBe(
      'snippets on /var/run/postgresql',
    )
    expect(redactUrl('postgres://alex:pw@db/snippets')).toBe('postgres://alex:***@db/snippets')
    expect(expectedRole('postgres://sam@/snippets?host=/tmp', {})).toBe('sam')
    expect(expectedRole('postgres://db/snippets', { PGUSER: 'kim' })).toBe('kim')
  })
})
