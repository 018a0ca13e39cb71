import { type Point, shift } from '../calendar/point';
import type { Tense } from '../engine/candidate';
import { addDays, type CalendarDay, weekday } from '../reference-date';

/** An explicit direction word before an expression ("last Friday", "next week", "this month"). */
export type Direction = 'last' | 'next' | 'this' | undefined;

/** Reads a direction word; "past"/"previous" mean last, "coming"/"following" mean next. */
export function parseDirection(word: string | undefined): Direction {
  switch (word?.toLowerCase()) {
    case 'last':
    case 'past':
    case 'previous':
    case 'preceding':
      return 'last';
    case 'next':
    case 'coming':
    case 'following':
    case 'upcoming':
      return 'next';
    case 'this':
    case 'current':
    case 'present':
      return 'this';
    default:
      return undefined;
  }
}

/**
 * The day a weekday name refers to. News reports mostly look back, so without a direction word or a future
 * tense the weekday is the most recent one, publication day included.
 */
export function resolveWeekday(
  ref: CalendarDay,
  dow: number,
  direction: Direction,
  tense: Tense,
): CalendarDay {
  const back = (weekday(ref) - dow + 7) % 7;
  const ahead = (dow - weekday(ref) + 7) % 7;
  if (direction === 'last') return addDays(ref, back === 0 ? -7 : -back);
  if (direction === 'next') return addDays(ref, ahead === 0 ? 7 : ahead);
  if (tense === 'future') return addDays(ref, ahead);
  if (direction === 'this' && tense !== 'past') return addDays(ref, ahead);
  return addDays(ref, -back);
}

/**
 * The year of a month (and optional day) named without one. The two candidates are the occurrence before and the
 * one after publication. A month alone follows the tense: behind in a past-tense sentence ("collapsed in
 * February"), ahead in a future-tense one ("will resume in February"). A named day may lie on the other side
 * when it is near (a deadline reported in the past tense, "must return by Jan. 14"; a period just ended in
 * a future-tense sentence, "will report results for the period ended Feb. 28"). Without tense, the nearer.
 */
export function resolveYearOf(
  ref: CalendarDay,
  month: number,
  day: number | undefined,
  tense: Tense,
): number {
  const sameMonth = month === ref.month;
  if (sameMonth && (day === undefined || day === ref.day)) return ref.year;
  const offset = daysFromReference(ref, ref.year, month, day);
  if (offset === 0) return ref.year;
  const after = offset > 0 ? ref.year : ref.year + 1;
  const before = offset < 0 ? ref.year : ref.year - 1;
  const toAfter = daysFromReference(ref, after, month, day);
  const toBefore = -daysFromReference(ref, before, month, day);
  if (tense === 'past') return day !== undefined && toAfter <= NEAR_DAYS ? after : before;
  if (tense === 'future') return day !== undefined && toBefore <= NEAR_DAYS ? before : after;
  return toAfter < toBefore ? after : before;
}

/** How far a reported date may lie on the "wrong" side of publication for the tense (deadlines, recaps). */
const NEAR_DAYS = 62;

function daysFromReference(ref: CalendarDay, year: number, month: number, day: number | undefined): number {
  // A month alone is placed at its middle, so "November" in a December story is about 20 days back.
  const target = Date.UTC(year, month - 1, day ?? 15);
  return Math.round((target - Date.UTC(ref.year, ref.month - 1, ref.day)) / 86_400_000);
}

/**
 * The year of a quarter named without one ("the third quarter"): reports talk about the latest quarter that has
 * started, so a later quarter than the publication's is last year's unless the sentence looks ahead.
 */
export function resolveQuarterYear(ref: CalendarDay, quarter: number, tense: Tense): number {
  const current = Math.ceil(ref.month / 3);
  if (quarter > current && tense !== 'future') return ref.year - 1;
  return ref.year;
}

/** Applies a direction to a point of the publication's granularity ("last month" = one month back). */
export function applyDirection(p: Point, direction: Direction): Point {
  if (direction === 'last') return shift(p, -1);
  if (direction === 'next') return shift(p, 1);
  return p;
}
