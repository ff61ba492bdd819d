// The 考核 export from the server: /exports/staff-metrics.{csv,xlsx}?from=&to= with the
// Bearer token (a plain link cannot send it), saved through an object URL.

export type ExportFormat = 'csv' | 'xlsx'

export function exportPath(format: ExportFormat, from: string, to: string): string {
  const query = new URLSearchParams({ from, to })
  return `/exports/staff-metrics.${format}?${query.toString()}`
}

export function exportFileName(format: ExportFormat, from: string, to: string): string {
  return `staff-metrics-${from}-${to}.${format}`
}

/** The server's Chinese message for a refused export, or a general one. */
export async function exportProblem(response: Response, fallback: string): Promise<string> {
  try {
    const body = (await response.json()) as { message?: unknown }
    return typeof body.message === 'string' && body.message !== '' ? body.message : fallback
  } catch {
    return fallback
  }
}

export async function downloadExport(
  format: ExportFormat,
  from: string,
  to: string,
  token: string | null,
  fallbackError: string,
): Promise<void> {
  const response = await fetch(exportPath(format, from, to), {
    headers: token ? { Authorization: `Bearer ${token}` } : {},
  })
  if (!response.ok) throw new Error(await exportProblem(response, fallbackError))
  const link = document.createElement('a')
  link.href = URL.createObjectURL(await response.blob())
  link.download = exportFileName(format, from, to)
  link.click()
  setTimeout(() => URL.revokeObjectURL(link.href), 10_000)
}
