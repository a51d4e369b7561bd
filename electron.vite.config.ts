import { resolve } from 'node:path'
import { defineConfig } from 'electron-vite'
import react from '@vitejs/plugin-react'

export default defineConfig({
  main: {
    build: {
      rollupOptions: {
        input: {
          index: resolve(__dirname, 'src/main/index.ts'),
          // The app without Electron: index.js passes Electron in, the stand-in suite
          // (e2e/main-stand-in.spec.ts) passes its Node stand-in.
          app: resolve(__dirname, 'src/main/app.ts'),
          // The embedded connector's utility process (src/main/embedded-connector.ts forks it).
          'connector-process': resolve(__dirname, 'src/main/connector-process.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can only `require('electron')`: bundle everything else into one
      // CommonJS file (the default format without `"type": "module"`, stated here on purpose).
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(__dirname, 'src/preload/index.ts') },
        output: { format: 'cjs', codeSplitting: false },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'src/renderer'),
    plugins: [react()],
    build: {
      // electron-vite leaves the renderer unminified by default; the tray window opens on every
      // copy, so its first-paint chunk is kept small (bench/renderer.bench.ts measures it).
      minify: true,
      rollupOptions: { input: { index: resolve(__dirname, 'src/renderer/index.html') } },
    },
  },
})
