import type { Desktop } from './desktop'
import { encodePng } from './png'
import { drawTrayIcon, trayIconColor } from './tray-icon-art'
import type { TrayIconStatus } from './tray-menu'

/** Tray icon sizes in DIPs: 16 on macOS and Windows, 22 (the usual panel size) on Linux. */
const TRAY_SIZE: Record<string, number> = { darwin: 16, win32: 16 }

/** Builds the tray icon for a status and panel colour, with a 2× representation for HiDPI. */
export function trayIcon(
  nativeImage: Desktop['nativeImage'],
  options: {
    platform: string
    darkPanel: boolean
    status: TrayIconStatus
  },
): Electron.NativeImage {
  const size = TRAY_SIZE[options.platform] ?? 22
  const color = trayIconColor(options)
  const image = nativeImage.createEmpty()
  for (const scaleFactor of [1, 2]) {
    const pixels = size * scaleFactor
    const buffer = encodePng(
      pixels,
      pixels,
      drawTrayIcon({ size: pixels, color, status: options.status }),
    )
    image.addRepresentation({ scaleFactor, width: size, height: size, buffer })
  }
  // macOS draws template images in the menu bar's own colour, light or dark.
  if (options.platform === 'darwin') image.setTemplateImage(true)
  return image
}
