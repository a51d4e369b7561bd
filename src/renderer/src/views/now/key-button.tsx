import type { ReactNode } from 'react'
import { Kbd } from '../../components/kbd'
import { useAppStore } from '../../store'

interface KeyButtonProps {
  children: ReactNode
  /** The key that does the same, shown beside the label. */
  keyLabel: string
  onClick?: () => void
  primary?: boolean
  type?: 'button' | 'submit'
}

/** An action of the Now view, disabled while another action runs, with its key shown. */
export function KeyButton({
  children,
  keyLabel,
  onClick,
  primary,
  type = 'button',
}: KeyButtonProps) {
  const busy = useAppStore((state) => state.busy)
  return (
    <button
      type={type}
      className={primary ? 'button primary' : 'button'}
      disabled={busy !== null}
      onClick={onClick}
    >
      {children} <Kbd>{keyLabel}</Kbd>
    </button>
  )
}
