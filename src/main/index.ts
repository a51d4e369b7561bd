import { app } from 'electron'

// Placeholder until the Electron shell issue: start and quit cleanly.
void app.whenReady().then(() => app.quit())
