import { describe, expect, it } from 'vitest'
import { DEFAULT_SETTINGS } from '../shared/settings'
import { hotkeyNotification, popupFor } from './popup-decision'
import { testState, testSuggestion } from './test-support/test-state'

const idle = testState()
const withSave = testState({ current: testSuggestion() })
const settings = (popup: 'window' | 'notification' | 'none', paused = false) => ({
  ...DEFAULT_SETTINGS,
  popup,
  paused,
})

describe('popupFor', () => {
  it('shows the window inactive for a new suggestion by default', () => {
    expect(popupFor(idle, withSave, false)).toEqual({ type: 'show-inactive' })
  })

  it('shows a suggestion once, not on every later state push', () => {
    expect(popupFor(withSave, { ...withSave, activity: [] }, false)).toEqual({ type: 'none' })
  })

  it('waits while the connector is still answering, then shows', () => {
    const pending = testState({ current: testSuggestion({ status: 'pending', kind: 'none' }) })
    expect(popupFor(idle, pending, false)).toEqual({ type: 'none' })
    expect(popupFor(pending, withSave, false)).toEqual({ type: 'show-inactive' })
  })

  it('says nothing for "none" suggestions, resolved ones, an open window, or when paused', () => {
    expect(
      popupFor(idle, testState({ current: testSuggestion({ kind: 'none' }) }), false).type,
    ).toBe('none')
    expect(
      popupFor(
        idle,
        testState({ current: testSuggestion({ outcome: { type: 'dismissed' } }) }),
        false,
      ).type,
    ).toBe('none')
    expect(popupFor(idle, withSave, true).type).toBe('none')
    expect(popupFor(idle, { ...withSave, settings: settings('window', true) }, false).type).toBe(
      'none',
    )
    expect(popupFor(idle, { ...withSave, settings: settings('none') }, false).type).toBe('none')
  })

  it('uses a notification when the user chose it, naming the match for a reuse', () => {
    const reuse = testState({
      settings: settings('notification'),
      current: testSuggestion({
        kind: 'reuse',
        matches: [
          {
            assetId: 'a1',
            name: 'debounce',
            language: 'ts',
            similarity: 0.93,
            text: '',
            savedAt: '',
            reuseCount: 2,
          },
        ],
      }),
    })
    expect(popupFor(idle, reuse, false)).toEqual({
      type: 'notify',
      title: 'Already saved',
      body: '"debounce" matches 93%. Open Clipwise to reuse it.',
    })
    expect(
      popupFor(idle, { ...withSave, settings: settings('notification') }, false),
    ).toMatchObject({
      type: 'notify',
      title: 'Save this snippet?',
    })
  })
})

describe('hotkeyNotification', () => {
  it('titles the notification by outcome and keeps the core message', () => {
    expect(hotkeyNotification({ status: 'saved', message: 'Saved as "x".', assetId: 'a' })).toEqual(
      {
        title: 'Saved to Clipwise',
        body: 'Saved as "x".',
      },
    )
    expect(hotkeyNotification({ status: 'refused', message: 'Looks like a secret.' }).title).toBe(
      'Not saved',
    )
  })
})
