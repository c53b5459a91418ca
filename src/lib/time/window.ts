/**
 * The time window: which story dates fall inside a reader's `from..to` window, and the day
 * arithmetic the timeline slider needs.
 *
 * Story dates (a day, a month, a year, or an interval with `..` for an open end) are turned
 * into the days they cover by `$lib/story/dates`; this module only compares those spans with
 * a window. Days stay `YYYY-MM-DD` strings everywhere (they sort as text and need no time
 * zone); `dayIndex` turns them into integers only where the slider needs a number line.
 */
import { daysInMonth, parseStoryDate, rangesOverlap, type DayRange } from '../story/dates';

export type { DayRange } from '../story/dates';

/**
 * A reader's time window, both ends inclusive (`YYYY-MM-DD`). A missing end is open:
 * `{ from: '2015-11-20' }` is "from 20 November on", `{}` lets everything through.
 * This is the `t=<from>..<to>` key of the URL hash.
 */
export interface TimeWindow {
	from?: string;
	to?: string;
}

const dayPattern = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `day` is a real calendar day written `YYYY-MM-DD` (no 2015-02-30, no month 13). */
export function isRealDate(day: string): boolean {
	return parseDay(day) !== undefined;
}

function parseDay(day: string): [year: number, month: number, date: number] | undefined {
	const match = typeof day === 'string' ? dayPattern.exec(day) : null;
	if (!match) return undefined;
	const year = Number(match[1]);
	const month = Number(match[2]);
	const date = Number(match[3]);
	if (month < 1 || month > 12 || date < 1 || date > daysInMonth(year, month)) return undefined;
	return [year, month, date];
}

/**
 * The days a story date covers (`2015-11` → 2015-11-01 to 2015-11-30; `2015-09-30/..` →
 * from 2015-09-30, `end: null` because it is ongoing). Throws a `RangeError` on an invalid
 * date; story data is validated at build time, so that is a bug, not a reader's input.
 */
export function dateSpan(date: string): DayRange {
	return parseStoryDate(date);
}

/**
 * Whether a span shares at least one day with the window. Both edges are inclusive: an event
 * on 2015-11-20 is in `2015-11-20..2015-11-27`, one on 2015-11-19 is not. Open ends (a null
 * in the span, a missing `from`/`to` in the window) reach forever.
 */
export function inWindow(span: DayRange, window: TimeWindow): boolean {
	return rangesOverlap(span, { start: window.from ?? null, end: window.to ?? null });
}

/** `inWindow` for a story date string. Throws a `RangeError` on an invalid date, like `dateSpan`. */
export function dateInWindow(date: string, window: TimeWindow): boolean {
	return inWindow(dateSpan(date), window);
}

/**
 * Days since 1970-01-01 (UTC, proleptic Gregorian), an integer: 1970-01-02 is 1, 1969-12-31
 * is −1. Throws a `RangeError` when `day` is not a real `YYYY-MM-DD` date.
 *
 * Computed arithmetically (H. Hinnant's `days_from_civil`) rather than with `Date.UTC`,
 * which maps the years 0–99 to 1900–1999.
 */
export function dayIndex(day: string): number {
	const parts = parseDay(day);
	if (!parts) throw new RangeError(`"${String(day).slice(0, 40)}" is not a real YYYY-MM-DD date`);
	const [year, month, date] = parts;
	const y = month <= 2 ? year - 1 : year;
	const era = Math.floor(y / 400);
	const yearOfEra = y - era * 400;
	const dayOfYear = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + date - 1;
	const dayOfEra =
		yearOfEra * 365 + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100) + dayOfYear;
	return era * 146097 + dayOfEra - 719468;
}

/** The first and last day a `YYYY-MM-DD` string can name. */
export const FIRST_DAY_INDEX = -719528; // 0000-01-01
export const LAST_DAY_INDEX = 2932896; // 9999-12-31

/**
 * The inverse of `dayIndex`. Throws a `RangeError` for a non-integer or for a day outside
 * the years 0000–9999, which `YYYY-MM-DD` cannot write.
 */
export function fromDayIndex(index: number): string {
	if (!Number.isInteger(index) || index < FIRST_DAY_INDEX || index > LAST_DAY_INDEX) {
		throw new RangeError(`${index} is not a day index between 0000-01-01 and 9999-12-31`);
	}
	const z = index + 719468;
	const era = Math.floor(z / 146097);
	const dayOfEra = z - era * 146097;
	const yearOfEra = Math.floor(
		(dayOfEra -
			Math.floor(dayOfEra / 1460) +
			Math.floor(dayOfEra / 36524) -
			Math.floor(dayOfEra / 146096)) /
			365
	);
	const dayOfYear =
		dayOfEra - (365 * yearOfEra + Math.floor(yearOfEra / 4) - Math.floor(yearOfEra / 100));
	const mp = Math.floor((5 * dayOfYear + 2) / 153);
	const date = dayOfYear - Math.floor((153 * mp + 2) / 5) + 1;
	const month = mp < 10 ? mp + 3 : mp - 9;
	const year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);
	return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
}

/** `day` moved by `n` days (negative to go back). Throws like `dayIndex` and `fromDayIndex`. */
export function addDays(day: string, n: number): string {
	return fromDayIndex(dayIndex(day) + n);
}
