const pad = (n: number, width = 2): string => String(n).padStart(width, '0');

/** `YYYY-MM-DD`. */
export function formatDate(year: number, month: number, day: number): string {
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** `HH:MM:SS`. */
export function formatTime(hour: number, minute: number, second: number): string {
  return `${pad(hour)}:${pad(minute)}:${pad(second)}`;
}

/** Years a publication date may plausibly have; anything else is a misread number. */
export function isPlausibleYear(year: number): boolean {
  return year >= 1800 && year <= 2199;
}
