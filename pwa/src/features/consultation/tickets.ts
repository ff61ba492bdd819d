// The member's tickets on this phone (no account): kept in localStorage so "我的咨询" can
// list them and a push notification can lead back. A ticket is the only key to an answer.
const KEY = 'doorstep.consultation.tickets'
const MAX = 20

export interface SavedTicket {
  ticket: string
  question: string
  askedAt: string
}

export function savedTickets(storage: Storage = localStorage): SavedTicket[] {
  try {
    const value: unknown = JSON.parse(storage.getItem(KEY) ?? '[]')
    return Array.isArray(value)
      ? (value as SavedTicket[]).filter((t) => typeof t.ticket === 'string')
      : []
  } catch {
    return []
  }
}

export function saveTicket(entry: SavedTicket, storage: Storage = localStorage): void {
  const others = savedTickets(storage).filter((t) => t.ticket !== entry.ticket)
  storage.setItem(KEY, JSON.stringify([entry, ...others].slice(0, MAX)))
}

/** "3 分钟" / "2 小时 5 分钟": how long a question has waited. */
export function waitingText(seconds: number): string {
  const minutes = Math.floor(seconds / 60)
  if (minutes < 1) return '不到 1 分钟'
  if (minutes < 60) return `${minutes} 分钟`
  const hours = Math.floor(minutes / 60)
  return `${hours} 小时 ${minutes % 60} 分钟`
}

/** "12月8日 09:00": a moment in the centre's time zone (all of China is UTC+8). */
export function centreTime(iso: string): string {
  const parts = new Intl.DateTimeFormat('zh-CN', {
    timeZone: 'Asia/Shanghai',
    month: 'numeric',
    day: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  }).formatToParts(new Date(iso))
  const part = (type: string): string => parts.find((p) => p.type === type)?.value ?? ''
  return `${part('month')}月${part('day')}日 ${part('hour')}:${part('minute')}`
}
