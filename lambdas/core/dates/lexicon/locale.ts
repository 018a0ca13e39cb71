/** How a locale writes an all-numeric date: `3/4/2024` is 4 March (`day-first`) or 3 April (`month-first`). */
export type NumericDateOrder = 'day-first' | 'month-first';

// Regions whose English writes the month first: the United States and the territories and associated states
// that follow its usage. Canada writes both orders, so it decides nothing.
const MONTH_FIRST_REGIONS = new Set(['US', 'PR', 'GU', 'AS', 'VI', 'UM', 'MP', 'FM', 'MH', 'PW', 'PH']);
const EITHER_ORDER_REGIONS = new Set(['CA']);

/**
 * The numeric date order of a BCP 47 locale, or undefined when the locale has no region (`en`) or its region
 * writes both orders: then a date such as "03/04/2024" cannot be read safely.
 */
export function numericDateOrder(locale: string | undefined): NumericDateOrder | undefined {
  if (locale === undefined) return undefined;
  const region = /^[a-z]{2,3}(?:[-_][a-z]{4})?[-_]([a-z]{2}|\d{3})(?:$|[-_])/i
    .exec(locale)?.[1]
    ?.toUpperCase();
  if (region === undefined || EITHER_ORDER_REGIONS.has(region)) return undefined;
  return MONTH_FIRST_REGIONS.has(region) ? 'month-first' : 'day-first';
}
