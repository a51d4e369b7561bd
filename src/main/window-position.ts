/** Where the tray window goes: a pure function of the tray, display and window rectangles. */

export interface Point {
  x: number
  y: number
}

export interface Size {
  width: number
  height: number
}

export interface Rect extends Point, Size {}

export interface DisplayArea {
  /** The whole screen. */
  bounds: Rect
  /** The screen minus taskbars, docks and panels. */
  workArea: Rect
}

export type TaskbarEdge = 'top' | 'bottom' | 'left' | 'right'

export interface PlacementInput {
  /** The tray icon's bounds; undefined or empty when the platform does not tell (Linux). */
  tray?: Rect
  display: DisplayArea
  window: Size
  /** Where the pointer is, used when the tray bounds are unknown. */
  cursor?: Point
  platform: string
}

/** Gap between the window and the panel or screen edge, in DIPs. */
export const WINDOW_MARGIN = 8

/** True when a tray rectangle carries a real position (Linux reports all zeros). */
export function isKnownRect(rect: Rect | undefined): rect is Rect {
  return rect !== undefined && rect.width > 0 && rect.height > 0
}

/** The edge a taskbar sits on, read from how the work area is smaller than the screen. */
export function taskbarEdge(display: DisplayArea, near?: Point): TaskbarEdge | undefined {
  const { bounds, workArea } = display
  const gaps: [TaskbarEdge, number][] = [
    ['top', workArea.y - bounds.y],
    ['bottom', bounds.y + bounds.height - (workArea.y + workArea.height)],
    ['left', workArea.x - bounds.x],
    ['right', bounds.x + bounds.width - (workArea.x + workArea.width)],
  ]
  const panels = gaps.filter(([, gap]) => gap > 0)
  if (panels.length === 1) return panels[0]?.[0]
  // Several panels (GNOME top bar + dock) or an auto-hidden one: the edge nearest the point wins.
  if (!near) return panels.sort((a, b) => b[1] - a[1])[0]?.[0]
  const distances: [TaskbarEdge, number][] = [
    ['top', near.y - bounds.y],
    ['bottom', bounds.y + bounds.height - near.y],
    ['left', near.x - bounds.x],
    ['right', bounds.x + bounds.width - near.x],
  ]
  const candidates = panels.length > 0 ? panels.map(([edge]) => edge) : undefined
  return distances
    .filter(([edge]) => !candidates || candidates.includes(edge))
    .sort((a, b) => a[1] - b[1])[0]?.[0]
}

function clamp(value: number, min: number, max: number): number {
  return Math.max(min, Math.min(value, Math.max(min, max)))
}

function centre(rect: Rect): Point {
  return { x: rect.x + rect.width / 2, y: rect.y + rect.height / 2 }
}

/** Top-left corner for the tray window: next to the tray icon, always inside the work area. */
export function placeTrayWindow(input: PlacementInput): Point {
  const { display, window, platform } = input
  const area = display.workArea
  const m = WINDOW_MARGIN
  const right = area.x + area.width - window.width - m
  const bottom = area.y + area.height - window.height - m
  let x: number
  let y: number

  if (isKnownRect(input.tray)) {
    const anchor = centre(input.tray)
    const edge = taskbarEdge(display, anchor) ?? (platform === 'darwin' ? 'top' : 'bottom')
    x = anchor.x - window.width / 2
    y = anchor.y - window.height / 2
    if (edge === 'top') y = area.y + m
    if (edge === 'bottom') y = bottom
    if (edge === 'left') x = area.x + m
    if (edge === 'right') x = right
  } else if (input.cursor) {
    // No tray bounds (Linux): the menu or icon was just clicked, so open where the pointer is,
    // on the side of the pointer that has room.
    const { cursor } = input
    x = cursor.x - window.width / 2
    y = cursor.y - area.y < area.height / 2 ? area.y + m : bottom
  } else {
    // Nothing known: the corner where this platform keeps its tray.
    x = right
    y = platform === 'win32' ? bottom : area.y + m
  }

  return {
    x: Math.round(clamp(x, area.x + m, right)),
    y: Math.round(clamp(y, area.y + m, bottom)),
  }
}

/** The display holding a point (the tray or the pointer), else the nearest one, else the first. */
export function displayFor<D extends DisplayArea>(
  displays: readonly D[],
  point: Point,
): D | undefined {
  const contains = (d: D) =>
    point.x >= d.bounds.x &&
    point.x < d.bounds.x + d.bounds.width &&
    point.y >= d.bounds.y &&
    point.y < d.bounds.y + d.bounds.height
  const inside = displays.find(contains)
  if (inside) return inside
  const distance = (d: D) => {
    const c = centre(d.bounds)
    return Math.hypot(c.x - point.x, c.y - point.y)
  }
  return [...displays].sort((a, b) => distance(a) - distance(b))[0]
}
