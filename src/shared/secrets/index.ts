// Credential detection shared by the core (nothing secret leaves the process) and the embedded
// connector (nothing secret is stored or suggested for saving). Plain TypeScript, no I/O.
export type { SecretFinding } from './finding'
export { SECRET_RULES, type SecretRule } from './rules'
export { entropy, redactSecrets, scanSecrets } from './scan'
