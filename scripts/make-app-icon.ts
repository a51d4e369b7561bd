// Draws the packaged app's icon (build/icon.png, 1024 px) from the same art as the tray icon.
// Run with `npx tsx scripts/make-app-icon.ts` after changing src/main/tray-icon-art.ts.
import { mkdirSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { encodePng } from '../src/main/png'
import { drawTrayIcon } from '../src/main/tray-icon-art'

const size = 1024
const out = join(import.meta.dirname, '..', 'build', 'icon.png')
mkdirSync(join(out, '..'), { recursive: true })
const pixels = drawTrayIcon({
  size,
  color: [255, 255, 255],
  status: 'normal',
  background: [37, 99, 235],
})
writeFileSync(out, encodePng(size, size, pixels))
console.log(`wrote ${out}`)
