/**
 * Stand-ins (`$lib/map/stand-ins`): features that share a marker's cell and a look are drawn
 * once, counted, and still shown under exactly the time windows one of them meets.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LegacyFeature } from 'geojson-vt';
import {
	MAX_STAND_IN_CELL_PX,
	STAND_IN_CELL_PX,
	standIns,
	thinTile,
	type StandInTags
} from '$lib/map/stand-ins';
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

	it('stands in for lines larger than a cell only when they visit the same cells in order', () => {
		const line = (...xy: [number, number][]) => feature([xy], 2, '2015-11-01');
		const out = standIns(
			[
				line([10, 10], [300, 10], [600, 300]),
				// Cells (0,0) (1,0) (1,0) (2,1): the same path, two vertices in one cell.
				line([20, 30], [280, 40], [290, 50], [620, 310]),
				// Through (1,1) instead of (1,0).
				line([10, 10], [300, 300], [600, 300]),
				// The first line backwards.
				line([600, 300], [300, 10], [10, 10])
			],
			CELL
		);
		expect(out.map((f) => f.tags?.stands_for ?? 1)).toEqual([2, 1, 1]);
		expect(out[0].geometry).toEqual([
			[
				[10, 10],
				[300, 10],
				[600, 300]
			]
		]);
	});

	it('draws no line more than a cell’s diagonal from a line it stands for', () => {
		// Vertices in a 3 × 3 block of cells, so paths often repeat.
		const vertex = fc
			.tuple(fc.nat(2), fc.nat(CELL - 1), fc.nat(2), fc.nat(CELL - 1))
			.map(([cx, dx, cy, dy]): [number, number] => [cx * CELL + dx, cy * CELL + dy]);
		const large = fc
			.array(vertex, { minLength: 2, maxLength: 4 })
			.filter((xy) =>
				xy.some(([x, y]) => Math.abs(x - xy[0][0]) >= CELL || Math.abs(y - xy[0][1]) >= CELL)
			);
		fc.assert(
			fc.property(fc.array(large, { minLength: 1, maxLength: 30 }), (lines) => {
				const input = lines.map((xy) => feature([xy], 2, '2015-11-01'));
				const out = standIns(input, CELL);
				expect(out.reduce((n, f) => n + Number(f.tags?.stands_for ?? 1), 0)).toBe(lines.length);
				const drawn = out.map((f) => f.geometry[0] as [number, number][]);
				// Every line is within a cell's diagonal of a drawn line, both ways.
				for (const xy of lines)
					expect(
						drawn.some(
							(d) => farthest(xy, d) <= Math.SQRT2 * CELL && farthest(d, xy) <= Math.SQRT2 * CELL
						)
					).toBe(true);
				// And lines of one path are drawn once.
				const path = (xy: XY[]) =>
					xy
						.map(([x, y]) => `${Math.floor(x / CELL)},${Math.floor(y / CELL)}`)
						.filter((c, i, all) => c !== all[i - 1])
						.join(' ');
				expect(out).toHaveLength(new Set(lines.map(path)).size);
			}),
			{ numRuns: 500 }
		);
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

type XY = [number, number];
/** Distance from a point to a segment. */
function toSegment([px, py]: XY, [ax, ay]: XY, [bx, by]: XY): number {
	const dx = bx - ax;
	const dy = by - ay;
	const t =
		dx || dy
			? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)))
			: 0;
	return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}
/** How far line `a` strays from line `b`, sampled at ninths of each of its steps. */
function farthest(a: XY[], b: XY[]): number {
	let worst = 0;
	for (let i = 0; i < a.length; i++)
		for (let k = 0; k <= (i + 1 < a.length ? 8 : 0); k++) {
			const p: XY =
				i + 1 < a.length
					? [
							a[i][0] + ((a[i + 1][0] - a[i][0]) * k) / 9,
							a[i][1] + ((a[i + 1][1] - a[i][1]) * k) / 9
						]
					: a[i];
			let near = Infinity;
			for (let j = 0; j + 1 < b.length; j++) near = Math.min(near, toSegment(p, b[j], b[j + 1]));
			worst = Math.max(worst, near);
		}
	return worst;
}

describe('thinTile', () => {
	const UNITS = CELL / STAND_IN_CELL_PX;
	const total = (fs: LegacyFeature[]) =>
		fs.reduce((n, f) => n + Number(f.tags?.stands_for ?? 1), 0);
	/** One point in each of n × n marker cells (of 4,096 units across, as a tile of 8,192). */
	const grid = (n: number, step = CELL) =>
		Array.from({ length: n * n }, (_, i) =>
			point((i % n) * step + 5, Math.floor(i / n) * step + 5)
		);

	it('keeps marker-sized cells where the tile holds no more than its budget', () => {
		const sparse = grid(10);
		expect(thinTile(sparse, UNITS, 100)).toEqual(standIns(sparse, CELL));
		expect(thinTile(sparse, UNITS, 100)).toHaveLength(100);
	});

	it('grows the cells of a denser tile until it fits, still counting every feature', () => {
		const dense = grid(32);
		const out = thinTile(dense, UNITS, 300);
		// 16 px: 1,024 features; 32 px: 256.
		expect(out).toHaveLength(256);
		expect(total(out)).toBe(dense.length);
		expect(out.every((f) => f.tags?.stands_for === 4)).toBe(true);
	});

	it('stops at its largest cell, however dense the tile', () => {
		const dense = grid(32);
		const out = thinTile(dense, UNITS, 1);
		const side = 32 / (MAX_STAND_IN_CELL_PX / STAND_IN_CELL_PX);
		expect(out).toHaveLength(side * side);
		expect(total(out)).toBe(dense.length);
	});
});
