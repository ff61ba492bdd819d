// Dates of the dispatch calendar (pure): the Monday-to-Sunday week around a day.
export function addDays(day: string, n: number): string {
  const d = new Date(`${day}T00:00:00Z`)
  d.setUTCDate(d.getUTCDate() + n)
  return d.toISOString().slice(0, 10)
}

export function weekOf(day: string): string[] {
  const weekday = (new Date(`${day}T00:00:00Z`).getUTCDay() + 6) % 7 // Monday = 0
  const monday = addDays(day, -weekday)
  return Array.from({ length: 7 }, (_, i) => addDays(monday, i))
}
