// The slice of the untyped `x11` package that the X11 selection watcher uses.
declare module 'x11' {
  interface XClient {
    AllocID(): number
    CreateWindow(id: number, parent: number, x: number, y: number, w: number, h: number): void
    InternAtom(onlyIfExists: boolean, name: string, cb: (err: unknown, atom: number) => void): void
    require(ext: 'fixes', cb: (err: unknown, fixes: XFixes) => void): void
    on(event: 'event', cb: (event: { name?: string; selection?: number }) => void): void
    on(event: 'error', cb: (error: unknown) => void): void
    terminate?(): void
    close?(): void
  }
  interface XFixes {
    SelectSelectionInput(window: number, selection: number, mask: number): void
    SelectionEventMask: { SetSelectionOwner: number }
  }
  interface XDisplay {
    client: XClient
    screen: { root: number }[]
  }
  interface X11Module {
    createClient(
      options: { display?: string },
      cb: (err: unknown, display: XDisplay) => void,
    ): { on(event: 'error', cb: (error: unknown) => void): void }
  }

  const x11: X11Module
  export default x11
}
