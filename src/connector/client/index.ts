// The got-based Connector API client: discovery, a connected session, typed errors.
export * from './errors'
export * from './discovery'
export * from './connector-client'
