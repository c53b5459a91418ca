/**
 * Story dates: ISO 8601 days, months, years and intervals (`2015-09-30/2015-11-27`, with `..`
 * for an open end as in ISO 8601-2), turned into the first and last day they cover.
 *
 * Days are kept as `YYYY-MM-DD` strings: they sort as text, need no time zone, and are what
 * URLs (`t=2015-11-01..2015-11-30`) and the timeline use.
 */

/** The days a date covers, inclusive. `null` is an open end (ongoing, or start unknown). */
export interface DayRange {
	start: string | null;
	end: string | null;
}

const dayPattern = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
	if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
	return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** One ISO date of any precision → its first and last day; or the reason it is not a date. */
function parseOne(value: string): { first: string; last: string } | string {
	const match = dayPattern.exec(value);
	if (!match) return `"${value}" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)`;
	const year = Number(match[1]);
	if (match[2] === undefined) return { first: `${match[1]}-01-01`, last: `${match[1]}-12-31` };
	const month = Number(match[2]);
	if (month < 1 || month > 12) return `"${value}" has no month ${match[2]}`;
	const lastDay = daysInMonth(year, month);
	if (match[3] === undefined) {
		return { first: `${match[1]}-${match[2]}-01`, last: `${match[1]}-${match[2]}-${pad(lastDay)}` };
	}
	const day = Number(match[3]);
	if (day < 1 || day > lastDay)
		return `"${value}" is not a day of the calendar (${match[1]}-${match[2]} has ${lastDay} days)`;
	return { first: value, last: value };
}

/**
 * Why a story date is invalid, or `undefined` when it is valid. Checks the calendar
 * (no 2015-02-29, no month 13) and that an interval does not end before it starts.
 */
export function dateProblem(value: string): string | undefined {
	const result = parse(value);
	return typeof result === 'string' ? result : undefined;
}

/** The days a story date covers. Throws a `RangeError` for an invalid date (see `dateProblem`). */
export function parseStoryDate(value: string): DayRange {
	const result = parse(value);
	if (typeof result === 'string') throw new RangeError(result);
	return result;
}

function parse(value: string): DayRange | string {
	const parts = value.split('/');
	if (parts.length === 1) {
		const one = parseOne(value);
		return typeof one === 'string' ? one : { start: one.first, end: one.last };
	}
	if (parts.length !== 2)
		return `"${value}" is neither an ISO date (YYYY-MM-DD) nor an interval (start/end)`;
	const [a, b] = parts;
	if (a === '..' && b === '..') return `"${value}" needs a start or an end`;
	const start = a === '..' ? null : parseOne(a);
	const end = b === '..' ? null : parseOne(b);
	if (typeof start === 'string') return start;
	if (typeof end === 'string') return end;
	if (start && end && end.last < start.first) return `"${value}" ends before it starts`;
	return { start: start ? start.first : null, end: end ? end.last : null };
}

/** Chronological order: by start (unknown starts first), then by end (open ends last). */
export function compareRanges(a: DayRange, b: DayRange): number {
	return compareEnds(a.start, b.start, -1) || compareEnds(a.end, b.end, 1);
}

/** Compare two days where `null` sorts first (`nullRank` −1) or last (+1). */
function compareEnds(a: string | null, b: string | null, nullRank: -1 | 1): number {
	if (a === b) return 0;
	if (a === null) return nullRank;
	if (b === null) return -nullRank;
	return a < b ? -1 : 1;
}

/** Compare two story dates chronologically (see `compareRanges`). Throws on invalid dates. */
export function compareStoryDates(a: string, b: string): number {
	return compareRanges(parseStoryDate(a), parseStoryDate(b));
}

/** Whether two day ranges share at least one day (open ends reach forever). */
export function rangesOverlap(a: DayRange, b: DayRange): boolean {
	const startsBeforeBEnds = a.start === null || b.end === null || a.start <= b.end;
	const bStartsBeforeAEnds = b.start === null || a.end === null || b.start <= a.end;
	return startsBeforeBEnds && bStartsBeforeAEnds;
}
