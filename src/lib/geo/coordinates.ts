/**
 * Positions and rings: rounding to the 6 decimals the story data allows (about 0.1 m),
 * counting decimals, and ring orientation as RFC 7946 §3.1.6 defines it.
 */
import type { Geometry, Position } from 'geojson';

/** 6 decimals of a degree is ~0.11 m: finer than any source the story cites. */
export const MAX_DECIMALS = 6;

export function roundTo(value: number, decimals: number): number {
	const factor = 10 ** decimals;
	const rounded = Math.round(value * factor) / factor;
	return rounded === 0 ? 0 : rounded; // no -0 in JSON output
}

export const roundCoordinate = (value: number) => roundTo(value, MAX_DECIMALS);

export function roundPosition(position: Position): Position {
	return position.map(roundCoordinate);
}

/** A copy of a geometry with every coordinate rounded to 6 decimals. */
export function roundGeometry<G extends Geometry>(geometry: G): G {
	switch (geometry.type) {
		case 'Point':
			return { ...geometry, coordinates: roundPosition(geometry.coordinates) };
		case 'MultiPoint':
		case 'LineString':
			return { ...geometry, coordinates: geometry.coordinates.map(roundPosition) };
		case 'MultiLineString':
		case 'Polygon':
			return {
				...geometry,
				coordinates: geometry.coordinates.map((line) => line.map(roundPosition))
			};
		case 'MultiPolygon':
			return {
				...geometry,
				coordinates: geometry.coordinates.map((poly) => poly.map((ring) => ring.map(roundPosition)))
			};
		case 'GeometryCollection':
			return { ...geometry, geometries: geometry.geometries.map(roundGeometry) };
	}
}

/** Whether a number has more than `MAX_DECIMALS` decimals (JSON numbers print their shortest form). */
export function hasTooManyDecimals(value: number): boolean {
	return Number.isFinite(value) && Number(value.toFixed(MAX_DECIMALS)) !== value;
}

/** Every position of a geometry with its path below `coordinates` (`[0, 3]` for ring 0, vertex 3). */
export function* positionsOf(
	geometry: Geometry
): Generator<{ position: Position; path: number[] }> {
	switch (geometry.type) {
		case 'Point':
			yield { position: geometry.coordinates, path: [] };
			return;
		case 'MultiPoint':
		case 'LineString':
			for (const [i, position] of geometry.coordinates.entries()) yield { position, path: [i] };
			return;
		case 'MultiLineString':
		case 'Polygon':
			for (const [i, line] of geometry.coordinates.entries()) {
				for (const [j, position] of line.entries()) yield { position, path: [i, j] };
			}
			return;
		case 'MultiPolygon':
			for (const [i, polygon] of geometry.coordinates.entries()) {
				for (const [j, ring] of polygon.entries()) {
					for (const [k, position] of ring.entries()) yield { position, path: [i, j, k] };
				}
			}
			return;
		case 'GeometryCollection':
			for (const [i, inner] of geometry.geometries.entries()) {
				for (const item of positionsOf(inner))
					yield { position: item.position, path: [i, ...item.path] };
			}
	}
}

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
export function ringSignedArea(ring: readonly Position[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length; i++) {
		const [x1, y1] = ring[i];
		const [x2, y2] = ring[(i + 1) % ring.length];
		sum += x1 * y2 - x2 * y1;
	}
	return sum;
}

export function isRingClosed(ring: readonly Position[]): boolean {
	if (ring.length === 0) return false;
	const first = ring[0];
	const last = ring[ring.length - 1];
	return first.length === last.length && first.every((value, i) => value === last[i]);
}
