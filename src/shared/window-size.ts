/** The tray window's size in CSS pixels: src/main creates it so, and the browser tests use it. */
export const TRAY_WINDOW_SIZE = { width: 420, height: 560 } as const
