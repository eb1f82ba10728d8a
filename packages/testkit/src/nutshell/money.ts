type Money = { currency: string; amount: string; formatted: string }

const formatted = new Map<string, [string, string]>()

/** A REST money value: `{ currency, amount: "1000.00", formatted: "$1,000.00" }`. */
export function money(amount: number, currency = 'USD'): Money {
  const key = `${currency}:${amount}`
  let strings = formatted.get(key)
  if (!strings) {
    const fixed = amount.toFixed(2)
    const [whole, cents] = fixed.split('.')
    const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',')
    strings = [fixed, `${currency === 'USD' ? '$' : `${currency} `}${grouped}.${cents}`]
    // Large seeds reuse a few hundred amounts: format each once.
    if (formatted.size < 10_000) formatted.set(key, strings)
  }
  return { currency, amount: strings[0], formatted: strings[1] }
}

/** The amount of a money value or a number a caller sent. */
export function amountOf(value: unknown): number | undefined {
  if (typeof value === 'number') return value
  if (typeof value === 'string' && value.trim() !== '' && !Number.isNaN(Number(value))) return Number(value)
  if (value && typeof value === 'object' && 'amount' in value)
    return amountOf((value as { amount: unknown }).amount)
  return undefined
}
