import { describe, expect, it } from 'vitest'
import {
  displayFor,
  placeTrayWindow,
  taskbarEdge,
  WINDOW_MARGIN,
  type DisplayArea,
} from './window-position'

const window = { width: 400, height: 500 }
const screen = { x: 0, y: 0, width: 1920, height: 1080 }
const display = (workArea: DisplayArea['workArea'], bounds = screen): DisplayArea => ({
  bounds,
  workArea,
})

const bottomBar = display({ x: 0, y: 0, width: 1920, height: 1040 })
const topBar = display({ x: 0, y: 28, width: 1920, height: 1052 })
const leftBar = display({ x: 60, y: 0, width: 1860, height: 1080 })
const rightBar = display({ x: 0, y: 0, width: 1860, height: 1080 })

describe('placeTrayWindow', () => {
  it('opens above a tray on a bottom taskbar (Windows), centred on the icon', () => {
    const tray = { x: 1600, y: 1045, width: 30, height: 30 }
    expect(taskbarEdge(bottomBar)).toBe('bottom')
    expect(placeTrayWindow({ tray, display: bottomBar, window, platform: 'win32' })).toEqual({
      x: 1415,
      y: 1040 - 500 - WINDOW_MARGIN,
    })
  })

  it('opens below a tray in a top menu bar (macOS)', () => {
    const tray = { x: 1500, y: 0, width: 22, height: 24 }
    expect(placeTrayWindow({ tray, display: topBar, window, platform: 'darwin' })).toEqual({
      x: 1311,
      y: 28 + WINDOW_MARGIN,
    })
  })

  it('opens beside a tray on a left or right taskbar', () => {
    const left = placeTrayWindow({
      tray: { x: 10, y: 900, width: 40, height: 40 },
      display: leftBar,
      window,
      platform: 'win32',
    })
    expect(left).toEqual({ x: 60 + WINDOW_MARGIN, y: 1080 - 500 - WINDOW_MARGIN })
    const right = placeTrayWindow({
      tray: { x: 1870, y: 400, width: 40, height: 40 },
      display: rightBar,
      window,
      platform: 'win32',
    })
    expect(right).toEqual({ x: 1860 - 400 - WINDOW_MARGIN, y: 170 })
  })

  it('keeps the window inside the work area when the icon sits in a corner', () => {
    const tray = { x: 1900, y: 1045, width: 20, height: 30 }
    const { x } = placeTrayWindow({ tray, display: bottomBar, window, platform: 'win32' })
    expect(x + window.width).toBeLessThanOrEqual(1920 - WINDOW_MARGIN)
  })

  it('falls back to the pointer when the tray bounds are unknown (Linux reports zeros)', () => {
    const gnome = display({ x: 0, y: 32, width: 1920, height: 1048 })
    const placed = placeTrayWindow({
      tray: { x: 0, y: 0, width: 0, height: 0 },
      cursor: { x: 1800, y: 10 },
      display: gnome,
      window,
      platform: 'linux',
    })
    expect(placed).toEqual({ x: 1920 - 400 - WINDOW_MARGIN, y: 32 + WINDOW_MARGIN })
    const nearBottom = placeTrayWindow({
      cursor: { x: 300, y: 1070 },
      display: bottomBar,
      window,
      platform: 'linux',
    })
    expect(nearBottom).toEqual({ x: 100, y: 1040 - 500 - WINDOW_MARGIN })
  })

  it('uses the platform tray corner when neither tray nor pointer is known', () => {
    expect(placeTrayWindow({ display: topBar, window, platform: 'linux' })).toEqual({
      x: 1512,
      y: 36,
    })
    expect(placeTrayWindow({ display: bottomBar, window, platform: 'win32' })).toEqual({
      x: 1512,
      y: 532,
    })
  })

  it('places on a secondary monitor with negative coordinates', () => {
    const bounds = { x: -1280, y: -200, width: 1280, height: 1024 }
    const left = display({ x: -1280, y: -200, width: 1280, height: 984 }, bounds)
    const tray = { x: -100, y: 790, width: 30, height: 34 }
    const placed = placeTrayWindow({ tray, display: left, window, platform: 'win32' })
    // Centred on the icon would cross into the primary monitor: held at the right edge instead.
    expect(placed).toEqual({ x: -400 - WINDOW_MARGIN, y: 784 - 500 - WINDOW_MARGIN })
    expect(placed.x).toBeGreaterThanOrEqual(-1280)
  })

  it('never leaves the work area, even for a window larger than the screen', () => {
    const small = display(
      { x: 0, y: 0, width: 300, height: 300 },
      { x: 0, y: 0, width: 300, height: 340 },
    )
    expect(
      placeTrayWindow({
        tray: { x: 280, y: 310, width: 20, height: 20 },
        display: small,
        window,
        platform: 'win32',
      }),
    ).toEqual({
      x: WINDOW_MARGIN,
      y: WINDOW_MARGIN,
    })
  })
})

describe('taskbarEdge', () => {
  it('reads each edge from the work area', () => {
    expect([bottomBar, topBar, leftBar, rightBar].map((d) => taskbarEdge(d))).toEqual([
      'bottom',
      'top',
      'left',
      'right',
    ])
  })

  it('picks the panel nearest the tray when there are two (GNOME top bar and dock)', () => {
    const two = display({ x: 0, y: 32, width: 1920, height: 980 })
    expect(taskbarEdge(two, { x: 900, y: 1060 })).toBe('bottom')
    expect(taskbarEdge(two, { x: 1800, y: 10 })).toBe('top')
  })

  it('uses the nearest screen edge when the taskbar auto-hides', () => {
    const hidden = display(screen)
    expect(taskbarEdge(hidden, { x: 1900, y: 1075 })).toBe('bottom')
  })
})

describe('displayFor', () => {
  const primary = { id: 1, ...display({ x: 0, y: 0, width: 1920, height: 1040 }) }
  const secondary = {
    id: 2,
    ...display(
      { x: 1920, y: 0, width: 2560, height: 1400 },
      { x: 1920, y: 0, width: 2560, height: 1440 },
    ),
  }

  it('finds the monitor holding the tray, else the nearest one', () => {
    expect(displayFor([primary, secondary], { x: 3000, y: 1420 })?.id).toBe(2)
    expect(displayFor([primary, secondary], { x: 100, y: 100 })?.id).toBe(1)
    expect(displayFor([primary, secondary], { x: 9000, y: 0 })?.id).toBe(2)
  })
})
