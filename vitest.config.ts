import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'test/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20_000,
    hookTimeout: 30_000,
    // Two cores here and in CI: keep file-level parallelism modest so servers and child processes
    // started by tests do not starve each other.
    maxWorkers: 2,
    // Connectors that tests start (CLI children included) take random ports, never the Pieces
    // range 39300-39333 that a real Pieces OS or another engineer's tests may hold.
    env: { CLIPWISE_PIECES_PORTS: 'off' },
  },
})
