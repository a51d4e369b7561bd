import type { TrayIconStatus } from './tray-menu'

/** RGB colour, 0–255 each. */
export type Rgb = readonly [number, number, number]

type Shape = (x: number, y: number) => boolean

const roundedRect =
  (x0: number, y0: number, x1: number, y1: number, r: number): Shape =>
  (x, y) => {
    if (x < x0 || x > x1 || y < y0 || y > y1) return false
    const cx = Math.min(Math.max(x, x0 + r), x1 - r)
    const cy = Math.min(Math.max(y, y0 + r), y1 - r)
    return (x - cx) ** 2 + (y - cy) ** 2 <= r * r
  }

const circle =
  (cx: number, cy: number, r: number): Shape =>
  (x, y) =>
    (x - cx) ** 2 + (y - cy) ** 2 <= r * r

const bar =
  (ax: number, ay: number, bx: number, by: number, halfWidth: number): Shape =>
  (x, y) => {
    const dx = bx - ax
    const dy = by - ay
    const t = Math.max(0, Math.min(1, ((x - ax) * dx + (y - ay) * dy) / (dx * dx + dy * dy)))
    return (x - (ax + t * dx)) ** 2 + (y - (ay + t * dy)) ** 2 <= halfWidth ** 2
  }

// A clipboard: an outlined board, its clip, two lines of "code"; all in unit coordinates.
const boardOuter = roundedRect(0.16, 0.12, 0.84, 0.96, 0.12)
const boardInner = roundedRect(0.26, 0.22, 0.74, 0.86, 0.04)
const clip = roundedRect(0.34, 0.04, 0.66, 0.24, 0.06)
const line1 = bar(0.36, 0.44, 0.64, 0.44, 0.045)
const line2 = bar(0.36, 0.64, 0.54, 0.64, 0.045)
const glyph: Shape = (x, y) =>
  (boardOuter(x, y) && !boardInner(x, y)) || clip(x, y) || line1(x, y) || line2(x, y)

// Status badge in the lower right corner, cut out of the glyph so it reads at 16 px.
const badgeCut = circle(0.78, 0.8, 0.25)
const badgeMarks: Record<Exclude<TrayIconStatus, 'normal'>, Shape> = {
  paused: (x, y) =>
    bar(0.72, 0.7, 0.72, 0.9, 0.045)(x, y) || bar(0.84, 0.7, 0.84, 0.9, 0.045)(x, y),
  offline: (x, y) =>
    bar(0.69, 0.71, 0.87, 0.89, 0.045)(x, y) || bar(0.87, 0.71, 0.69, 0.89, 0.045)(x, y),
  // A ring open at the top right, with an arrow head: "starting again".
  restarting: (x, y) => {
    const ring = circle(0.78, 0.8, 0.14)(x, y) && !circle(0.78, 0.8, 0.075)(x, y)
    const gap = x > 0.78 && y < 0.8
    return (ring && !gap) || bar(0.78, 0.66, 0.86, 0.66, 0.04)(x, y)
  },
}

/** Draws the tray icon at `size` pixels as RGBA: a clipboard glyph, with a badge when paused,
 * offline or restarting. */
export function drawTrayIcon(options: {
  size: number
  color: Rgb
  status: TrayIconStatus
  background?: Rgb
}): Uint8Array {
  const { size, color, status, background } = options
  const mark = status === 'normal' ? undefined : badgeMarks[status]
  const inked: Shape = (x, y) =>
    mark ? (glyph(x, y) && !badgeCut(x, y)) || mark(x, y) : glyph(x, y)
  // An app icon is the glyph on a rounded square; the tray icon is the glyph alone.
  const inset = background ? 0.2 : 0
  const tile = roundedRect(0.02, 0.02, 0.98, 0.98, 0.2)
  const samples = 4
  const pixels = new Uint8Array(size * size * 4)
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let ink = 0
      let fill = 0
      for (let sy = 0; sy < samples; sy++) {
        for (let sx = 0; sx < samples; sx++) {
          const x = (px + (sx + 0.5) / samples) / size
          const y = (py + (sy + 0.5) / samples) / size
          const gx = (x - inset) / (1 - 2 * inset)
          const gy = (y - inset) / (1 - 2 * inset)
          if (inked(gx, gy)) ink++
          if (background && tile(x, y)) fill++
        }
      }
      const a = ink / samples ** 2
      const b = fill / samples ** 2
      const at = (py * size + px) * 4
      // Ink over background, straight (non-premultiplied) alpha.
      const alpha = a + b * (1 - a)
      for (let c = 0; c < 3; c++) {
        const over = (color[c] as number) * a + ((background?.[c] ?? 0) as number) * b * (1 - a)
        pixels[at + c] = alpha > 0 ? Math.round(over / alpha) : 0
      }
      pixels[at + 3] = Math.round(alpha * 255)
    }
  }
  return pixels
}

/** Glyph colour for a panel: dark ink on light panels, light ink on dark ones, black for macOS templates. */
export function trayIconColor(options: { platform: string; darkPanel: boolean }): Rgb {
  if (options.platform === 'darwin') return [0, 0, 0]
  return options.darkPanel ? [240, 240, 240] : [32, 32, 32]
}
