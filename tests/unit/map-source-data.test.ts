import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sourceProperties, timeFilter } from '$lib/map/source-data';
import { dateInWindow, fromDayIndex, dayIndex, type TimeWindow } from '$lib/time/window';
import type { CompiledProperties } from '$lib/story/compiled';
// The filter as MapLibre evaluates it.
import { passes } from './filter-eval';

const props = (date: string) =>
	({
		fid: 'f',
		event: 'e',
		kind: 'attack',
		title: 'T',
		date,
		layer: 'l',
		passages: ['p1'],
		quote: 'q',
		country: 'Syria',
		precision: 'exact',
		sources: [{ title: 'S' }]
	}) as CompiledProperties;

const day0 = dayIndex('2015-01-01');
const day = fc.integer({ min: 0, max: 400 }).map((i) => fromDayIndex(day0 + i));
/** Story dates: a day, a month, a year, closed and open intervals. */
const storyDate = fc.oneof(
	day,
	day.map((d) => d.slice(0, 7)),
	fc.constant('2015'),
	fc.tuple(day, day).map(([a, b]) => (a <= b ? `${a}/${b}` : `${b}/${a}`)),
	day.map((d) => `${d}/..`),
	day.map((d) => `../${d}`)
);
const timeWindow: fc.Arbitrary<TimeWindow> = fc
	.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })
	.map(({ from, to }) => {
		const w: TimeWindow = {};
		if (from) w.from = from;
		if (to) w.to = to;
		return w;
	});

describe('sourceProperties', () => {
	it('keeps what the style reads and the days a date covers', () => {
		expect(sourceProperties(props('2015-11'))).toEqual({
			fid: 'f',
			event: 'e',
			kind: 'attack',
			title: 'T',
			start: '2015-11-01',
			end: '2015-11-30'
		});
		expect(
			sourceProperties({ ...props('2015-09-30/..'), label: 'L', claimedBy: 'C', of: 'x' })
		).toEqual({
			fid: 'f',
			event: 'e',
			kind: 'attack',
			title: 'T',
			label: 'L',
			claimedBy: 'C',
			of: 'x',
			start: '2015-09-30'
		});
	});
});

describe('timeFilter', () => {
	it('lets everything through with no window', () => {
		expect(timeFilter({})).toBeNull();
	});

	it('shows exactly the features whose dates meet the window, as dateInWindow says', () => {
		fc.assert(
			fc.property(storyDate, timeWindow, (date, w) => {
				const filter = timeFilter(w);
				const shown = filter ? passes(filter, { ...sourceProperties(props(date)) }) : true;
				expect(shown).toBe(dateInWindow(date, w));
			}),
			{ numRuns: 2000 }
		);
	});

	it('keeps cluster circles (no dates) on the map', () => {
		expect(passes(timeFilter({ from: '2015-11-20', to: '2015-11-27' }), { point_count: 3 })).toBe(
			true
		);
	});
});
