import { describe, expect, it } from 'vitest'

import {
  centreTime,
  saveTicket,
  savedTickets,
  waitingText,
} from '@/features/consultation/tickets'

class MemoryStorage implements Storage {
  private items = new Map<string, string>()
  get length(): number {
    return this.items.size
  }
  clear(): void {
    this.items.clear()
  }
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  key(index: number): string | null {
    return [...this.items.keys()][index] ?? null
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }
}

describe('saved tickets', () => {
  it('keeps the newest first, once each, and at most 20', () => {
    const storage = new MemoryStorage()
    for (let n = 0; n < 25; n++) {
      saveTicket(
        { ticket: `t${n}`, question: `问题${n}`, askedAt: '2026-12-06T00:00:00Z' },
        storage,
      )
    }
    saveTicket({ ticket: 't24', question: '问题24', askedAt: '2026-12-06T00:00:00Z' }, storage)
    const saved = savedTickets(storage)
    expect(saved).toHaveLength(20)
    expect(saved[0]?.ticket).toBe('t24')
    expect(saved.filter((t) => t.ticket === 't24')).toHaveLength(1)
  })

  it('reads nothing from a damaged entry', () => {
    const storage = new MemoryStorage()
    storage.setItem('doorstep.consultation.tickets', '{not json')
    expect(savedTickets(storage)).toEqual([])
  })
})

describe('waitingText', () => {
  it('says how long a question has waited in Chinese', () => {
    expect(waitingText(30)).toBe('不到 1 分钟')
    expect(waitingText(300)).toBe('5 分钟')
    expect(waitingText(3 * 3600 + 120)).toBe('3 小时 2 分钟')
  })
})

describe('centre time', () => {
  it('shows a moment as the centre (UTC+8) reads it', () => {
    expect(centreTime('2026-12-08T01:00:00+00:00')).toBe('12月8日 09:00')
    expect(centreTime('2026-12-07T16:30:00Z')).toBe('12月8日 00:30')
  })
})
