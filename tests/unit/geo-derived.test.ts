/**
 * Derived geometry against fixtures, as Turf tests its packages: every
 * tests/fixtures/geo/in/<name>.json is run and compared with out/<name>.geojson.
 * Outputs are written only with REGEN=1 (`REGEN=1 npx vitest run tests/unit/geo-derived`);
 * review the diff before committing them. Fixtures are named after what they guard.
 */
import { distance, length, lineString, nearestPointOnLine, point } from '@turf/turf';
import type { Feature, FeatureCollection, Geometry, LineString, Polygon, Position } from 'geojson';
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { sharedBorder } from '$lib/geo/border';
import { framingBBox } from '$lib/geo/bounds';
import { distanceToCountryKm } from '$lib/geo/containment';
import { ringSignedArea } from '$lib/geo/coordinates';
import { greatCircleSplit } from '$lib/geo/great-circle';
import { lineLengthKm, roundKm } from '$lib/geo/measure';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { uncertaintyCircle } from '$lib/geo/uncertainty';

const countries = loadNaturalEarth('10m');
const inDir = path.resolve('tests/fixtures/geo/in');
const outDir = path.resolve('tests/fixtures/geo/out');
const names = readdirSync(inDir)
	.filter((file) => file.endsWith('.json'))
	.map((file) => file.slice(0, -'.json'.length))
	.sort();

type Input =
	| { op: 'border'; countries: [string, string] }
	| { op: 'great-circle-split'; from: Position; to: Position; via: Position }
	| { op: 'uncertainty'; center: Position; radiusKm: number }
	| { op: 'bounds'; geometries: Geometry[] };

const feature = (geometry: Geometry, properties: Record<string, unknown>): Feature => ({
	type: 'Feature',
	properties,
	geometry
});

/** What each fixture's operation derives, as a FeatureCollection. */
function run(input: Input): FeatureCollection {
	switch (input.op) {
		case 'border': {
			const border = sharedBorder(countries, ...input.countries);
			if (!border) throw new Error(`no border between ${input.countries.join(' and ')}`);
			return {
				type: 'FeatureCollection',
				features: [feature(border, { lengthKm: roundKm(lineLengthKm(border)) })]
			};
		}
		case 'great-circle-split': {
			const { whole, flown, unflown, split } = greatCircleSplit(input.from, input.to, input.via);
			return {
				type: 'FeatureCollection',
				features: [
					feature(whole, { part: 'whole', lengthKm: roundKm(lineLengthKm(whole)) }),
					feature(flown, { part: 'flown', lengthKm: roundKm(lineLengthKm(flown)) }),
					feature(unflown, { part: 'unflown', lengthKm: roundKm(lineLengthKm(unflown)) }),
					feature({ type: 'Point', coordinates: split }, { part: 'split' })
				]
			};
		}
		case 'uncertainty':
			return {
				type: 'FeatureCollection',
				features: [
					feature(uncertaintyCircle(input.center, input.radiusKm), { radiusKm: input.radiusKm })
				]
			};
		case 'bounds': {
			const bbox = framingBBox(input.geometries);
			if (!bbox) throw new Error('no bounds');
			return {
				type: 'FeatureCollection',
				bbox,
				features: input.geometries.map((geometry) => feature(geometry, {}))
			};
		}
	}
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null) {
		Object.values(value).forEach(deepFreeze);
		Object.freeze(value);
	}
	return value;
}

/** Tab-indented JSON with each position on one line, so diffs of outputs stay readable. */
const stringify = (value: unknown) =>
	JSON.stringify(value, null, '\t').replace(
		/\[\s+(-?[\d.eE+-]+),\s+(-?[\d.eE+-]+)\s+\]/g,
		'[$1, $2]'
	) + '\n';

const readInput = (name: string): Input =>
	JSON.parse(readFileSync(path.join(inDir, `${name}.json`), 'utf8'));

describe('derived geometry matches tests/fixtures/geo/out', () => {
	test('there are fixtures', () => expect(names.length).toBeGreaterThanOrEqual(8));

	test.each(names)('%s', (name) => {
		const actual = run(readInput(name));
		const outFile = path.join(outDir, `${name}.geojson`);
		if (process.env.REGEN) writeFileSync(outFile, stringify(actual));
		expect(existsSync(outFile), `${outFile} is missing: run with REGEN=1`).toBe(true);
		expect(actual).toEqual(JSON.parse(readFileSync(outFile, 'utf8')));
	});

	test.each(names)('%s does not mutate its input', (name) => {
		const input = readInput(name);
		const before = JSON.stringify(input);
		run(deepFreeze(input)); // a write into a frozen object throws in strict mode
		expect(JSON.stringify(input)).toBe(before);
	});
});

const km = (a: Position, b: Position) => distance(a, b, { units: 'kilometers' });

describe('the Syria–Turkey border (Natural Earth 1:10m)', () => {
	const border = run(readInput('syria-turkey-border')).features[0].geometry as LineString;
	const ends = [border.coordinates[0], border.coordinates[border.coordinates.length - 1]];
	const kassab: Position = [35.99, 35.92]; // Kassab (Syria), on the coast opposite Samandağ's bay
	const iraq = countries.byName.get('Iraq')!;

	test('is one continuous line', () => {
		expect(border.type).toBe('LineString');
		expect(border.coordinates.length).toBeGreaterThan(100);
	});

	test('starts at the Mediterranean near Kassab / Samandağ and ends at the Iraqi tripoint', () => {
		const coastal = ends.find((end) => km(end, kassab) < 15);
		const tripoint = ends.find((end) => distanceToCountryKm(end, iraq) < 1);
		expect(coastal, `ends: ${JSON.stringify(ends)}`).toBeDefined();
		expect(tripoint, `ends: ${JSON.stringify(ends)}`).toBeDefined();
		expect(tripoint![0]).toBeGreaterThan(42); // the Tigris, east of Cizre
		expect(distanceToCountryKm(coastal!, iraq)).toBeGreaterThan(300);
	});

	test('is as long as Natural Earth 1:10m makes it (the real border is ~900 km; 10m smooths it to ~775 km)', () => {
		const lengthKm = lineLengthKm(border);
		expect(lengthKm).toBeGreaterThan(700);
		expect(lengthKm).toBeLessThan(950);
	});

	test('does not depend on the order the countries are named in', () => {
		const reversed = run(readInput('border-order-does-not-matter')).features[0]
			.geometry as LineString;
		expect(reversed).toEqual(border);
	});

	test('has coordinates rounded to 6 decimals', () => {
		for (const [lon, lat] of border.coordinates) {
			expect(Number(lon.toFixed(6))).toBe(lon);
			expect(Number(lat.toFixed(6))).toBe(lat);
		}
	});

	test('is null for countries that share no border, and for unknown names', () => {
		expect(sharedBorder(countries, 'Syria', 'Egypt')).toBeNull();
		expect(sharedBorder(countries, 'Syria', 'Narnia')).toBeNull();
		expect(sharedBorder(countries, 'Syria', 'Syria')).toBeNull();
	});
});

describe('the Sinai flight: great circle split at the crash', () => {
	const input = readInput('sinai-great-circle-split') as Extract<
		Input,
		{ op: 'great-circle-split' }
	>;
	const [whole, flown, unflown, split] = run(input).features.map((f) => f.geometry) as [
		LineString,
		LineString,
		LineString,
		{ coordinates: Position }
	];

	test('runs from Sharm el-Sheikh to St Petersburg', () => {
		expect(whole.coordinates[0]).toEqual(input.from);
		expect(whole.coordinates[whole.coordinates.length - 1]).toEqual(input.to);
		expect(lineLengthKm(whole)).toBeGreaterThan(3500);
		expect(lineLengthKm(whole)).toBeLessThan(3600);
	});

	test('the flown part starts at the origin and ends at the path point nearest the crash', () => {
		const nearest = nearestPointOnLine(lineString(whole.coordinates), point(input.via)).geometry
			.coordinates;
		expect(flown.coordinates[0]).toEqual(input.from);
		expect(km(flown.coordinates[flown.coordinates.length - 1], nearest)).toBeLessThan(0.01);
		expect(split.coordinates).toEqual(flown.coordinates[flown.coordinates.length - 1]);
		expect(km(split.coordinates, input.via)).toBeLessThan(10); // the crash lies ~4.6 km off the great circle
	});

	test('the unflown part continues from the split to the destination', () => {
		expect(unflown.coordinates[0]).toEqual(split.coordinates);
		expect(unflown.coordinates[unflown.coordinates.length - 1]).toEqual(input.to);
	});

	test('flown + unflown ≈ the whole path', () => {
		const sum = lineLengthKm(flown) + lineLengthKm(unflown);
		expect(Math.abs(sum - lineLengthKm(whole))).toBeLessThan(0.001 * lineLengthKm(whole));
		expect(lineLengthKm(flown)).toBeGreaterThan(200);
		expect(lineLengthKm(flown)).toBeLessThan(300);
	});
});

test('a great circle across the antimeridian stays one continuous line', () => {
	const [whole, flown, unflown] = run(readInput('great-circle-across-antimeridian')).features.map(
		(f) => f.geometry
	) as LineString[];
	expect(whole.type).toBe('LineString');
	for (let i = 1; i < whole.coordinates.length; i++) {
		expect(Math.abs(whole.coordinates[i][0] - whole.coordinates[i - 1][0])).toBeLessThan(10);
	}
	expect(whole.coordinates[whole.coordinates.length - 1][0]).toBeCloseTo(-122.379 + 360, 6);
	expect(
		Math.abs(
			length(lineString(flown.coordinates)) +
				length(lineString(unflown.coordinates)) -
				length(lineString(whole.coordinates))
		)
	).toBeLessThan(1);
});

describe('uncertainty circles', () => {
	test.each(['sinai-crash-uncertainty', 'uncertainty-small-radius'])(
		'%s: every vertex at the radius within 1 percent, closed, counter-clockwise',
		(name) => {
			const input = readInput(name) as Extract<Input, { op: 'uncertainty' }>;
			const ring = (run(input).features[0].geometry as Polygon).coordinates[0];
			expect(ring).toHaveLength(65);
			expect(ring[ring.length - 1]).toEqual(ring[0]);
			expect(ringSignedArea(ring)).toBeGreaterThan(0);
			for (const vertex of ring) {
				expect(Math.abs(km(input.center, vertex) - input.radiusKm) / input.radiusKm).toBeLessThan(
					0.01
				);
			}
		}
	);
});

describe('bounds', () => {
	test('a single point gets a box of about a kilometre each way', () => {
		const { bbox } = run(readInput('bounds-of-a-single-point'));
		const [west, south, east, north] = bbox!;
		const center: Position = [37.6178, 55.7517];
		expect(west).toBeLessThan(center[0]);
		expect(east).toBeGreaterThan(center[0]);
		expect(km(center, [center[0], north])).toBeCloseTo(1, 1);
		expect(km(center, [east, center[1]])).toBeCloseTo(1, 1);
		expect(km(center, [center[0], south])).toBeCloseTo(1, 1);
	});

	test('a box holds every position with 10% to spare on each side', () => {
		const { bbox } = run(readInput('bounds-of-point-and-line'));
		const [west, south, east, north] = bbox!;
		const width = 42.36 - 35.9;
		const height = 37.11 - 35.83;
		expect(west).toBeCloseTo(35.9 - 0.1 * width, 6);
		expect(east).toBeCloseTo(42.36 + 0.1 * width, 6);
		expect(south).toBeCloseTo(35.83 - 0.1 * height, 6);
		expect(north).toBeCloseTo(37.11 + 0.1 * height, 6);
	});
});
