import type { Geometry } from 'geojson';
import { describe, expect, test } from 'vitest';
import {
	hasTooManyDecimals,
	isRingClosed,
	positionsOf,
	ringSignedArea,
	roundCoordinate,
	roundGeometry
} from '$lib/geo/coordinates';
import { lineLengthKm, pointToGeometryKm, pointToLineKm, roundKm } from '$lib/geo/measure';

describe('decimals', () => {
	test.each([
		[36.03, false],
		[35.918284, false],
		[-122.379, false],
		[180, false],
		[2.35220001, true],
		[35.9182841, true],
		[1e-7, true]
	])('%d has too many decimals: %s', (value, expected) => {
		expect(hasTooManyDecimals(value)).toBe(expected);
	});

	test('rounding to 6 decimals never leaves too many, and never writes -0', () => {
		expect(roundCoordinate(35.91215912159123)).toBe(35.912159);
		expect(roundCoordinate(-0.0000001)).toBe(0);
		expect(Object.is(roundCoordinate(-0.0000001), -0)).toBe(false);
		expect(hasTooManyDecimals(roundCoordinate(1 / 3))).toBe(false);
	});

	test('roundGeometry rounds every position and leaves its input alone', () => {
		const line: Geometry = {
			type: 'LineString',
			coordinates: [
				[1.23456789, 2.3456789],
				[3, 4]
			]
		};
		const copy = structuredClone(line);
		expect(roundGeometry(line)).toEqual({
			type: 'LineString',
			coordinates: [
				[1.234568, 2.345679],
				[3, 4]
			]
		});
		expect(line).toEqual(copy);
	});
});

describe('rings', () => {
	const ccw = [
		[0, 0],
		[1, 0],
		[1, 1],
		[0, 1],
		[0, 0]
	];
	test('counter-clockwise rings have positive signed area (RFC 7946 exterior)', () => {
		expect(ringSignedArea(ccw)).toBeGreaterThan(0);
		expect(ringSignedArea([...ccw].reverse())).toBeLessThan(0);
	});
	test('closed means the last position repeats the first', () => {
		expect(isRingClosed(ccw)).toBe(true);
		expect(isRingClosed(ccw.slice(0, -1))).toBe(false);
		expect(isRingClosed([])).toBe(false);
	});
});

test('positionsOf walks every position with its path', () => {
	const polygon: Geometry = {
		type: 'MultiPolygon',
		coordinates: [
			[
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 0]
				]
			],
			[
				[
					[5, 5],
					[6, 5],
					[6, 6],
					[5, 5]
				]
			]
		]
	};
	const paths = [...positionsOf(polygon)].map(({ path }) => path.join(','));
	expect(paths).toHaveLength(8);
	expect(paths[4]).toBe('1,0,0');
	expect([...positionsOf({ type: 'Point', coordinates: [1, 2] })]).toEqual([
		{ position: [1, 2], path: [] }
	]);
});

describe('measure', () => {
	test('a degree of latitude is ~111.2 km', () => {
		expect(
			lineLengthKm({
				type: 'LineString',
				coordinates: [
					[0, 0],
					[0, 1]
				]
			})
		).toBeCloseTo(111.19, 1);
		expect(
			lineLengthKm({
				type: 'MultiLineString',
				coordinates: [
					[
						[0, 0],
						[0, 1]
					],
					[
						[5, 0],
						[5, 1]
					]
				]
			})
		).toBeCloseTo(222.39, 1);
	});
	test('point to line: the nearest part', () => {
		const km = pointToLineKm([0.5, 0], {
			type: 'MultiLineString',
			coordinates: [
				[
					[0, 1],
					[1, 1]
				],
				[
					[0, 0.5],
					[1, 0.5]
				]
			]
		});
		expect(km).toBeCloseTo(55.6, 0);
	});
	test('point to a polygon is 0 inside and the distance to its edge outside', () => {
		const square: Geometry = {
			type: 'Polygon',
			coordinates: [
				[
					[0, 0],
					[1, 0],
					[1, 1],
					[0, 1],
					[0, 0]
				]
			]
		};
		expect(pointToGeometryKm([0.5, 0.5], square)).toBe(0);
		expect(pointToGeometryKm([0.5, -1], square)).toBeCloseTo(111.2, 0);
		expect(pointToGeometryKm([0, 0], { type: 'Point', coordinates: [0, 1] })).toBeCloseTo(111.2, 0);
	});
	test('roundKm: 0.01 km below 10 km, 0.1 km above', () => {
		expect(roundKm(4.5887)).toBe(4.59);
		expect(roundKm(774.8533)).toBe(774.9);
	});
});
