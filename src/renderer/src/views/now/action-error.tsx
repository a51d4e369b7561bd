import { useAppStore } from '../../store'

export function ActionError() {
  const error = useAppStore((state) => state.actionError)
  if (!error) return null
  return (
    <p className="error-text" role="alert">
      {error}
    </p>
  )
}
