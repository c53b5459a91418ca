/**
 * Stand-ins (`$lib/map/stand-ins`): features that share a marker's cell and a look are drawn
 * once, counted, and still shown under exactly the time windows one of them meets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegacyFeature } from 'geojson-vt';
import { standIns, type StandInTags } from '$lib/map/stand-ins';
import { sourceProperties, timeFilter } from '$lib/map/source-data';
import { dateInWindow, dayIndex, fromDayIndex, type TimeWindow } from '$lib/time/window';
import type { CompiledProperties } from '$lib/story/compiled';
import { passes } from './filter-eval';

const CELL = 256;

/** A feature as geojson-vt gives it, with the tile properties a story date makes. */
function feature(
	geometry: LegacyFeature['geometry'],
	type: 1 | 2 | 3,
	date: string,
	extra: Record<string, unknown> = {}
): LegacyFeature {
	const props = sourceProperties({
		fid: `f${Math.random()}`,
		event: 'e',
		kind: 'attack',
		title: 'T',
		date
	} as CompiledProperties);
	return { type, geometry, tags: { ...props, ...extra } } as LegacyFeature;
}
const point = (x: number, y: number, date = '2015-11-01', extra: Record<string, unknown> = {}) =>
	feature([[x, y]], 1, date, extra);

const day0 = dayIndex('2015-01-01');
const day = fc.integer({ min: 0, max: 400 }).map((i) => fromDayIndex(day0 + i));
/** Closed story dates: a day, a month, a closed interval (open ones are never stood in for). */
const closedDate = fc.oneof(
	day,
	day.map((d) => d.slice(0, 7)),
	fc.tuple(day, day).map(([a, b]) => (a <= b ? `${a}/${b}` : `${b}/${a}`))
);
/** Windows as a link can hold them: either end open, never ending before they start. */
const timeWindow: fc.Arbitrary<TimeWindow> = fc
	.record({ from: fc.option(day, { nil: undefined }), to: fc.option(day, { nil: undefined }) })
	.map(({ from, to }) => (from && to && from > to ? { from: to, to: from } : { from, to }))
	.map(({ from, to }) => ({ ...(from ? { from } : {}), ...(to ? { to } : {}) }));

describe('standIns', () => {
	it('draws the features of one cell and look once, counting them', () => {
		const out = standIns(
			[point(10, 10), point(200, 250), point(100, 100, '2015-11-05'), point(300, 10)],
			CELL
		);
		expect(out).toHaveLength(2);
		const tags = out[0].tags as unknown as StandInTags;
		expect(tags.stands_for).toBe(3);
		expect(tags).not.toHaveProperty('fid');
		expect(out[0].id).toBeUndefined();
		expect(out[0].geometry).toEqual([[10, 10]]);
		expect(tags.start).toBe('2015-11-01');
		expect(tags.end).toBe('2015-11-05');
		expect(tags.days).toBe('10001');
		expect(tags.d0).toBe(dayIndex('2015-11-01'));
		// The one in the next cell stays itself.
		expect(out[1].tags).toHaveProperty('fid');
	});

	it('keeps apart what looks different, what is large, and what has open dates', () => {
		const out = standIns(
			[
				point(10, 10),
				point(12, 12, '2015-11-01', { kind: 'airstrike' }),
				point(14, 14, '2015-11-01', { claimedBy: 'Russia' }),
				point(16, 16, '2015-11-01', { label: 'Aleppo' }),
				point(18, 18, '2015-11/..'),
				feature(
					[
						[
							[0, 0],
							[CELL, 0]
						]
					],
					2,
					'2015-11-01'
				),
				feature(
					[
						[
							[20, 20],
							[30, 30]
						]
					],
					2,
					'2015-11-01'
				)
			],
			CELL
		);
		expect(out).toHaveLength(7);
		expect(out.every((f) => !('stands_for' in (f.tags ?? {})))).toBe(true);
	});

	it('groups by the cell of a feature’s middle, on the tile’s grid, including its buffer', () => {
		const out = standIns([point(-10, -10), point(-250, -100), point(5, 5)], CELL);
		expect(out.map((f) => f.tags?.stands_for ?? 1)).toEqual([2, 1]);
	});

	it('shows a stand-in under exactly the windows one of its features meets', () => {
		fc.assert(
			fc.property(fc.array(closedDate, { minLength: 2, maxLength: 8 }), timeWindow, (dates, w) => {
				const [only] = standIns(
					dates.map((d, i) => point(i, i, d)),
					CELL
				);
				expect(only.tags?.stands_for).toBe(dates.length);
				const filter = timeFilter(w);
				const shown = filter ? passes(filter, only.tags!) : true;
				expect(shown).toBe(dates.some((d) => dateInWindow(d, w)));
			}),
			{ numRuns: 1000 }
		);
	});

	it('stands in for a whole layer in one cell without running out of stack', () => {
		const many = Array.from({ length: 200_000 }, (_, i) =>
			point(i % 200, (i * 7) % 200, fromDayIndex(day0 + (i % 330)))
		);
		const [only] = standIns(many, CELL);
		expect(only.tags?.stands_for).toBe(200_000);
		expect(String(only.tags?.days)).toMatch(/^1{330}$/);
	});
});
