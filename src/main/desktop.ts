// Every piece of Electron's main-process API that Clipwise uses, passed in as one object (as the
// `menubar` package injects `app`): src/main/index.ts hands over Electron itself, the stand-in in
// test-support/electron-stand-in a Node implementation of the same names. No other file of
// src/main imports `electron` at runtime, so the whole main process runs in tests without it.
export type Desktop = Pick<
  typeof Electron.CrossProcessExports,
  | 'app'
  | 'BrowserWindow'
  | 'clipboard'
  | 'globalShortcut'
  | 'ipcMain'
  | 'Menu'
  | 'nativeImage'
  | 'nativeTheme'
  | 'Notification'
  | 'safeStorage'
  | 'screen'
  | 'session'
  | 'Tray'
  | 'utilityProcess'
>
