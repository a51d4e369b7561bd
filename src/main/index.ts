// The one file of the main process that loads Electron: everything else receives it as a
// `Desktop` (see desktop.ts), so tests run the same code on a stand-in.
import * as electron from 'electron'
import { runApp } from './app'

runApp(electron)
