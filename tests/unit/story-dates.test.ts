import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import {
	compareRanges,
	compareStoryDates,
	dateProblem,
	daysInMonth,
	parseStoryDate,
	rangesOverlap
} from '$lib/story/dates';

describe('parseStoryDate', () => {
	test.each([
		['2015-11-13', '2015-11-13', '2015-11-13'],
		['2015-11', '2015-11-01', '2015-11-30'],
		['2015-02', '2015-02-01', '2015-02-28'],
		['2016-02', '2016-02-01', '2016-02-29'],
		['2015', '2015-01-01', '2015-12-31'],
		['2015-09-30/2015-11-27', '2015-09-30', '2015-11-27'],
		['2015-09/2015-11', '2015-09-01', '2015-11-30'],
		['2011/2015-11-27', '2011-01-01', '2015-11-27'],
		['2015-09-30/..', '2015-09-30', null],
		['../2015-11-27', null, '2015-11-27']
	])('%s covers %s to %s', (value, start, end) => {
		expect(parseStoryDate(value)).toEqual({ start, end });
		expect(dateProblem(value)).toBeUndefined();
	});

	test.each([
		['2015-02-29', '"2015-02-29" is not a day of the calendar (2015-02 has 28 days)'],
		['2015-04-31', '"2015-04-31" is not a day of the calendar (2015-04 has 30 days)'],
		['2015-11-00', '"2015-11-00" is not a day of the calendar (2015-11 has 30 days)'],
		['2015-13', '"2015-13" has no month 13'],
		['2015-00-10', '"2015-00-10" has no month 00'],
		['2015-11-27/2015-11-01', '"2015-11-27/2015-11-01" ends before it starts'],
		['../..', '"../.." needs a start or an end'],
		[
			'2015-11-01/2015-11-02/2015-11-03',
			'"2015-11-01/2015-11-02/2015-11-03" is neither an ISO date (YYYY-MM-DD) nor an interval (start/end)'
		],
		['27/11/2015', '"27/11/2015" is neither an ISO date (YYYY-MM-DD) nor an interval (start/end)'],
		['27/11', '"27" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)'],
		['2015-1-5', '"2015-1-5" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)']
	])('%s is rejected: %s', (value, reason) => {
		expect(dateProblem(value)).toBe(reason);
		expect(() => parseStoryDate(value)).toThrow(RangeError);
		expect(() => parseStoryDate(value)).toThrow(reason);
	});

	test('2000 is a leap year, 1900 and 2100 are not', () => {
		expect(daysInMonth(2000, 2)).toBe(29);
		expect(daysInMonth(1900, 2)).toBe(28);
		expect(daysInMonth(2100, 2)).toBe(28);
		expect(dateProblem('2000-02-29')).toBeUndefined();
		expect(dateProblem('1900-02-29')).toBeDefined();
	});

	test('agrees with the JavaScript calendar on every day', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1900, max: 2100 }),
				fc.integer({ min: 1, max: 12 }),
				fc.integer({ min: 1, max: 31 }),
				(y, m, d) => {
					const value = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
					const real = new Date(Date.UTC(y, m - 1, d)).getUTCDate() === d;
					expect(dateProblem(value) === undefined).toBe(real);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('chronological order', () => {
	test('sorts by start, then by end, with unknown starts first and open ends last', () => {
		const dates = [
			'2015-11-13',
			'2015-11',
			'2015-09-30/..',
			'../2015-01-01',
			'2015-11-13/2015-11-14',
			'2015',
			'2015-11-01'
		];
		const sorted = [...dates].sort(compareStoryDates);
		expect(sorted).toEqual([
			'../2015-01-01',
			'2015',
			'2015-09-30/..',
			'2015-11-01',
			'2015-11',
			'2015-11-13',
			'2015-11-13/2015-11-14'
		]);
	});

	test('compareRanges is an order: antisymmetric and transitive on generated ranges', () => {
		const day = fc
			.integer({ min: 0, max: 60 })
			.map((n) => new Date(Date.UTC(2015, 9, 1 + n)).toISOString().slice(0, 10));
		const range = fc.record({
			start: fc.option(day, { nil: null }),
			end: fc.option(day, { nil: null })
		});
		fc.assert(
			fc.property(range, range, range, (a, b, c) => {
				expect(Math.sign(compareRanges(a, b))).toBe(-Math.sign(compareRanges(b, a)) || 0);
				if (compareRanges(a, b) <= 0 && compareRanges(b, c) <= 0)
					expect(compareRanges(a, c)).toBeLessThanOrEqual(0);
			}),
			{ numRuns: 300 }
		);
	});
});

describe('rangesOverlap', () => {
	const r = (value: string) => parseStoryDate(value);
	test.each([
		['2015-11-13', '2015-11', true],
		['2015-11-13', '2015-11-14/2015-11-30', false],
		['2015-11-30', '2015-11-14/2015-11-30', true],
		['2015-09-30/..', '2016-06', true],
		['2015-09-30/..', '2015-09-29', false],
		['../2015-01-01', '2014', true],
		['../2015-01-01', '2015-01-02/..', false]
	])('%s and %s: %s', (a, b, expected) => {
		expect(rangesOverlap(r(a), r(b))).toBe(expected);
		expect(rangesOverlap(r(b), r(a))).toBe(expected);
	});
});
