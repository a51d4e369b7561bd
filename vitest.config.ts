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
  },
})
