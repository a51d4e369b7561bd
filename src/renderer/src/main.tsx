import { StrictMode } from 'react'
import { createRoot } from 'react-dom/client'
import { App, prefetchViews } from './app'
import { useAppStore } from './store'
import './styles/base.css'
import './styles/layout.css'
import './styles/controls.css'
import './styles/views.css'
import './styles/code.css'

useAppStore.getState().connect()

const root = document.getElementById('root')
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  )
  requestAnimationFrame(() => setTimeout(prefetchViews, 0))
}
