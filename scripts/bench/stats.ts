// Small statistics and formatting helpers shared by the benchmark sections.

/** The q-quantile (0..1) of a list of numbers, by nearest rank. */
export function quantile(values: readonly number[], q: number): number {
  if (values.length === 0) return Number.NaN
  const sorted = [...values].sort((a, b) => a - b)
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))
  return sorted[rank]!
}

/** The median of a list of numbers. */
export function median(values: readonly number[]): number {
  return quantile(values, 0.5)
}

/** A ratio rounded for a table (`1.07×`), or a dash when either side is missing. */
export function ratio(value: number | undefined, base: number | undefined): string {
  if (value === undefined || base === undefined || !Number.isFinite(value) || !Number.isFinite(base) || !base)
    return '–'
  return `${(value / base).toFixed(2)}×`
}

/** A number with a fixed count of decimals, or a dash. */
export function fixed(value: number | undefined, decimals = 2): string {
  return value === undefined || !Number.isFinite(value) ? '–' : value.toFixed(decimals)
}

/** An integer with thousands separators, or a dash. */
export function count(value: number | undefined): string {
  return value === undefined || !Number.isFinite(value) ? '–' : Math.round(value).toLocaleString('en-US')
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1024 / 1024).toFixed(1)
}

/** Bytes as KB with one decimal. */
export function kb(bytes: number | undefined): string {
  return bytes === undefined || !Number.isFinite(bytes) ? '–' : (bytes / 1024).toFixed(1)
}

/** A markdown table from a header row and body rows. */
export function table(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`
  const rule = header.map((_, i) => (i === 0 ? '---' : '---:'))
  return [line(header), line(rule), ...rows.map(line)].join('\n')
}
