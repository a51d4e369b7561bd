/**
 * The core's boundaries: what a front end (the Electron shell, the CLI, tests) passes in, and the
 * `Companion` it gets back. Nothing here depends on Electron or the DOM.
 */
import type { AppState, HotkeySaveResult } from '../shared/domain'
import type { ClipwiseApi } from '../shared/ipc'
import type { Clock } from './clock'

/** Format names as the platform reports them (MIME types on Linux, UTIs on macOS, names on Windows). */
export type ClipboardFormat = string

/** The system clipboard as the core sees it. Implemented by Electron, xclip/wl-paste, pbpaste, PowerShell, or memory. */
export interface ClipboardPort {
  /** The cheapest change indicator the platform offers (a sequence number, a selection owner change
   * count…), or undefined when the port has none and the core must compare content. */
  changeToken?(): Promise<string | number | undefined>
  /** Subscribe to change notifications when the platform pushes them (X11 XFixes, `wl-paste --watch`);
   * returns an unsubscribe. When absent, the watcher polls. */
  watch?(onChange: () => void): () => void
  /** The formats currently offered, without reading their content. */
  formats(): Promise<ClipboardFormat[]>
  /** Reads one format's content as text (used only for small marker formats). */
  readFormat(format: ClipboardFormat): Promise<string | undefined>
  /** Reads the clipboard's plain text; undefined when there is none (image-only, empty). */
  readText(): Promise<string | undefined>
  /** Writes plain text. */
  writeText(text: string): Promise<void>
  /** Linux only: the primary selection's text. */
  readPrimaryText?(): Promise<string | undefined>
}

/** A connector started by the front end when no Pieces OS runs (a utility process in Electron, a
 * child process or in-process server in the CLI). */
export interface EmbeddedConnectorHandle {
  url: string
  /** Stops it on purpose (no exit is reported then). */
  stop(): Promise<void>
  /** Present when the connector runs in a process of its own that can die: called once if it
   * exits without being asked to, with a reason for people ("killed by SIGKILL"). */
  onExit?(listener: (reason: string) => void): void
}

export interface CompanionDeps {
  clipboard: ClipboardPort
  /** Folder for settings and the embedded connector's data. */
  dataDir: string
  /** Starts the embedded connector on a free loopback port. */
  startEmbeddedConnector: () => Promise<EmbeddedConnectorHandle>
  appVersion: string
  /** `process.platform`. */
  platform: string
  /** Injected time source for tests. */
  now?: () => number
  /** Injected time source and timers for tests (takes precedence over `now`). */
  clock?: Clock
  /** A connector URL for this run only (the CLI's `--connector`); overrides the settings URL. */
  connectorUrl?: string
  /** Ports to probe for Pieces OS (tests use a free range; default 39300–39333, then 1000 and 5323). */
  discovery?: { piecesPorts?: readonly number[]; legacyPorts?: readonly number[] }
  /** Connector call timeouts in ms (defaults: 4 s, `/suggestion` 8 s); tests shorten them. */
  timeouts?: { timeoutMs?: number; suggestionTimeoutMs?: number }
}

/** The running core: the tray window's API plus lifecycle and the hooks the shell calls. */
export interface Companion extends Omit<ClipwiseApi, 'hideWindow' | 'setTeamPassword'> {
  /** Discover or start a connector, connect, start watching the clipboard. */
  start(): Promise<void>
  /** Stop watching, flush, send the app-stopped event, stop an embedded connector we started. */
  stop(): Promise<void>
  /** Called on every state change (front ends batch pushes themselves). */
  subscribe(listener: (state: AppState) => void): () => void
  /** The global hotkey (same flow as `saveClipboard`), plus the hotkey-used event. */
  hotkeySave(): Promise<HotkeySaveResult>
  /** The shell reports whether the global shortcut could be registered. */
  setHotkeyStatus(status: { accelerator: string; registered: boolean; error?: string }): void
  /** The shell reports that the tray window was shown (tracking). */
  windowOpened(): void
  /** Settles once no `/suggestion` is in flight (tests and benchmarks). */
  idle(): Promise<void>
}
