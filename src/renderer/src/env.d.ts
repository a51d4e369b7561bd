import type { ClipwiseBridge } from '../../shared/ipc'

// The preload exposes the bridge as `window.clipwise` (src/shared/ipc.ts). It is optional here so
// that the window can say so plainly when opened outside the app.
declare global {
  interface Window {
    clipwise?: ClipwiseBridge
  }
}

export {}
