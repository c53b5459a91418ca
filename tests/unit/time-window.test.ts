import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
	FIRST_DAY_INDEX,
	LAST_DAY_INDEX,
	addDays,
	dateInWindow,
	dateSpan,
	dayIndex,
	fromDayIndex,
	inWindow,
	isRealDate,
	type DayRange,
	type TimeWindow
} from '../../src/lib/time/window';

describe('dateSpan', () => {
	it.each([
		['2015-11-13', { start: '2015-11-13', end: '2015-11-13' }],
		['2015-11', { start: '2015-11-01', end: '2015-11-30' }],
		['2016-02', { start: '2016-02-01', end: '2016-02-29' }],
		['2015-02', { start: '2015-02-01', end: '2015-02-28' }],
		['2015', { start: '2015-01-01', end: '2015-12-31' }],
		['2015-09-30/2015-11-27', { start: '2015-09-30', end: '2015-11-27' }],
		['2015-09/2015-11', { start: '2015-09-01', end: '2015-11-30' }],
		['2015-09-30/..', { start: '2015-09-30', end: null }],
		['../2015-11-27', { start: null, end: '2015-11-27' }]
	])('%s covers %o', (date, span) => expect(dateSpan(date)).toEqual(span));

	it('throws on an invalid story date', () => {
		for (const bad of ['2015-02-30', '2015-13', '2015-11-27/2015-09-30', '../..', 'soon', '']) {
			expect(() => dateSpan(bad)).toThrow(RangeError);
		}
	});
});

describe('inWindow', () => {
	const window = { from: '2015-11-20', to: '2015-11-27' };
	const day = (d: string) => dateInWindow(d, window);

	it('includes both edges of the window', () => {
		expect(day('2015-11-20')).toBe(true);
		expect(day('2015-11-27')).toBe(true);
		expect(day('2015-11-19')).toBe(false);
		expect(day('2015-11-28')).toBe(false);
	});

	it('treats a month as all its days', () => {
		expect(dateInWindow('2015-11', { from: '2015-11-30', to: '2015-12-05' })).toBe(true);
		expect(dateInWindow('2015-11', { from: '2015-12-01', to: '2015-12-05' })).toBe(false);
		expect(dateInWindow('2015-11', { from: '2015-10-01', to: '2015-11-01' })).toBe(true);
		expect(dateInWindow('2015-11', { from: '2015-10-01', to: '2015-10-31' })).toBe(false);
		expect(dateInWindow('2015', { from: '2015-12-31' })).toBe(true);
		expect(dateInWindow('2015', { to: '2014-12-31' })).toBe(false);
	});

	it('matches an interval that overlaps the window on any day', () => {
		expect(dateInWindow('2015-09-30/2015-11-20', window)).toBe(true); // ends on the window's first day
		expect(dateInWindow('2015-11-27/2015-12-31', window)).toBe(true); // starts on its last day
		expect(dateInWindow('2015-09-30/2015-12-31', window)).toBe(true); // contains it
		expect(dateInWindow('2015-11-21/2015-11-22', window)).toBe(true); // inside it
		expect(dateInWindow('2015-09-30/2015-11-19', window)).toBe(false);
		expect(dateInWindow('2015-11-28/2015-12-31', window)).toBe(false);
	});

	it('lets ongoing and open-start events reach forever', () => {
		expect(dateInWindow('2015-09-30/..', { from: '2030-01-01', to: '2030-01-02' })).toBe(true);
		expect(dateInWindow('2015-09-30/..', { to: '2015-09-30' })).toBe(true);
		expect(dateInWindow('2015-09-30/..', { to: '2015-09-29' })).toBe(false);
		expect(dateInWindow('../2015-11-27', { from: '1900-01-01', to: '1900-01-01' })).toBe(true);
		expect(dateInWindow('../2015-11-27', { from: '2015-11-28' })).toBe(false);
	});

	it('handles open windows', () => {
		expect(dateInWindow('2015-11-13', {})).toBe(true);
		expect(dateInWindow('2015-11-13', { from: '2015-11-13' })).toBe(true);
		expect(dateInWindow('2015-11-13', { from: '2015-11-14' })).toBe(false);
		expect(dateInWindow('2015-11-13', { to: '2015-11-13' })).toBe(true);
		expect(dateInWindow('2015-11-13', { to: '2015-11-12' })).toBe(false);
	});
});

describe('day arithmetic', () => {
	it('counts days since 1970-01-01 UTC', () => {
		expect(dayIndex('1970-01-01')).toBe(0);
		expect(dayIndex('1970-01-02')).toBe(1);
		expect(dayIndex('1969-12-31')).toBe(-1);
		expect(dayIndex('2000-03-01')).toBe(11017);
		expect(dayIndex('2015-11-27')).toBe(16766);
		expect(dayIndex('0000-01-01')).toBe(FIRST_DAY_INDEX);
		expect(dayIndex('9999-12-31')).toBe(LAST_DAY_INDEX);
		// Date.UTC would put these in 1900–1999.
		expect(dayIndex('0099-12-31')).toBe(new Date(0).setUTCFullYear(99, 11, 31) / 86_400_000);
		expect(dayIndex('0099-12-31')).not.toBe(Date.UTC(99, 11, 31) / 86_400_000);
	});

	it('throws on what is not a real day', () => {
		for (const bad of [
			'2015-02-29',
			'2015-13-01',
			'2015-11',
			'15-11-27',
			'2015-11-27T00:00Z',
			''
		]) {
			expect(() => dayIndex(bad)).toThrow(RangeError);
		}
		for (const bad of [0.5, NaN, Infinity, FIRST_DAY_INDEX - 1, LAST_DAY_INDEX + 1]) {
			expect(() => fromDayIndex(bad)).toThrow(RangeError);
		}
	});

	it('moves by days across months, leap days and years', () => {
		expect(addDays('2015-11-27', 0)).toBe('2015-11-27');
		expect(addDays('2015-11-30', 1)).toBe('2015-12-01');
		expect(addDays('2015-12-31', 1)).toBe('2016-01-01');
		expect(addDays('2016-02-28', 1)).toBe('2016-02-29');
		expect(addDays('2016-03-01', -1)).toBe('2016-02-29');
		expect(addDays('2015-03-01', -1)).toBe('2015-02-28');
		expect(addDays('1900-02-28', 1)).toBe('1900-03-01');
		expect(addDays('2015-11-27', -58)).toBe('2015-09-30');
	});

	it('knows the calendar', () => {
		expect(isRealDate('2015-11-13')).toBe(true);
		expect(isRealDate('2016-02-29')).toBe(true);
		expect(isRealDate('2000-02-29')).toBe(true);
		expect(isRealDate('2015-02-29')).toBe(false);
		expect(isRealDate('1900-02-29')).toBe(false);
		expect(isRealDate('2015-02-30')).toBe(false);
		expect(isRealDate('2015-04-31')).toBe(false);
		expect(isRealDate('2015-13-01')).toBe(false);
		expect(isRealDate('2015-00-01')).toBe(false);
		expect(isRealDate('2015-01-00')).toBe(false);
		expect(isRealDate('2015-1-01')).toBe(false);
		expect(isRealDate('2015-11')).toBe(false);
		expect(isRealDate(' 2015-11-13')).toBe(false);
		expect(isRealDate('2015-11-13\n')).toBe(false);
		expect(isRealDate('')).toBe(false);
	});
});

const anyIndex = fc.integer({ min: FIRST_DAY_INDEX, max: LAST_DAY_INDEX });
const storyIndex = fc.integer({ min: dayIndex('2014-01-01'), max: dayIndex('2016-12-31') });
const storyDay = storyIndex.map(fromDayIndex);

/** A span with optional open ends, from day indexes. */
const span = fc
	.tuple(fc.option(storyIndex, { nil: null }), fc.option(storyIndex, { nil: null }))
	.map(([a, b]) => (a !== null && b !== null && a > b ? [b, a] : [a, b]))
	.map(([a, b]): DayRange => ({
		start: a === null ? null : fromDayIndex(a),
		end: b === null ? null : fromDayIndex(b)
	}));
const window = fc
	.tuple(fc.option(storyDay, { nil: undefined }), fc.option(storyDay, { nil: undefined }))
	.map(([a, b]) => (a !== undefined && b !== undefined && a > b ? [b, a] : [a, b]))
	.map(([from, to]): TimeWindow => ({
		...(from !== undefined && { from }),
		...(to !== undefined && { to })
	}));

describe('properties', () => {
	it('dayIndex and fromDayIndex are inverse, and agree with Date', () => {
		fc.assert(
			fc.property(anyIndex, (n) => {
				const day = fromDayIndex(n);
				expect(isRealDate(day)).toBe(true);
				expect(dayIndex(day)).toBe(n);
				const date = new Date(0);
				date.setUTCFullYear(
					Number(day.slice(0, 4)),
					Number(day.slice(5, 7)) - 1,
					Number(day.slice(8, 10))
				);
				expect(date.getTime() / 86_400_000).toBe(n);
			}),
			{ numRuns: 5000 }
		);
	});

	it('days sort as text the way their indexes sort as numbers', () => {
		fc.assert(
			fc.property(anyIndex, anyIndex, (a, b) => {
				expect(Math.sign(a - b)).toBe(Math.sign(fromDayIndex(a).localeCompare(fromDayIndex(b))));
			})
		);
	});

	it('addDays is consistent with dayIndex', () => {
		fc.assert(
			fc.property(storyDay, fc.integer({ min: -5000, max: 5000 }), (day, n) => {
				expect(dayIndex(addDays(day, n)) - dayIndex(day)).toBe(n);
				expect(addDays(addDays(day, n), -n)).toBe(day);
			})
		);
	});

	it('inWindow is interval overlap on the day number line', () => {
		fc.assert(
			fc.property(span, window, (s, w) => {
				const index = (d: string | null | undefined, open: number) =>
					d == null ? open : dayIndex(d);
				const overlap =
					Math.max(index(s.start, -Infinity), index(w.from, -Infinity)) <=
					Math.min(index(s.end, Infinity), index(w.to, Infinity));
				expect(inWindow(s, w)).toBe(overlap);
			}),
			{ numRuns: 3000 }
		);
	});

	it('a window containing a span’s start (or end) contains the span', () => {
		fc.assert(
			fc.property(span, window, (s, w) => {
				const contains = (d: string) =>
					(w.from === undefined || w.from <= d) && (w.to === undefined || d <= w.to);
				if (s.start !== null && contains(s.start)) expect(inWindow(s, w)).toBe(true);
				if (s.end !== null && contains(s.end)) expect(inWindow(s, w)).toBe(true);
			}),
			{ numRuns: 3000 }
		);
	});

	it('widening a window never drops a span', () => {
		fc.assert(
			fc.property(span, window, fc.nat(400), fc.nat(400), (s, w, before, after) => {
				const wider: TimeWindow = {
					...(w.from !== undefined && { from: addDays(w.from, -before) }),
					...(w.to !== undefined && { to: addDays(w.to, after) })
				};
				if (inWindow(s, w)) expect(inWindow(s, wider)).toBe(true);
				expect(inWindow(s, {})).toBe(true);
			})
		);
	});

	it('a story date is in the window of its own days', () => {
		fc.assert(
			fc.property(storyDay, fc.constantFrom(10, 7, 4), (day, length) => {
				const date = day.slice(0, length);
				const { start, end } = dateSpan(date);
				expect(dateInWindow(date, { from: start!, to: start! })).toBe(true);
				expect(dateInWindow(date, { from: end!, to: end! })).toBe(true);
				expect(dateInWindow(date, { from: day, to: day })).toBe(true);
				expect(dateInWindow(date, { to: addDays(start!, -1) })).toBe(false);
				expect(dateInWindow(date, { from: addDays(end!, 1) })).toBe(false);
			})
		);
	});
});
