import type { ClipwiseBridge } from '../shared/ipc'

// What src/preload/index.ts exposes with contextBridge. Optional, and declared exactly as in
// src/renderer/src/env.d.ts: the page can also be opened without the preload (a plain browser),
// and says so instead of failing.
declare global {
  interface Window {
    clipwise?: ClipwiseBridge
  }
}

export {}
