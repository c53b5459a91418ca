/** Lengths and distances in kilometres (Turf, on the sphere), rounded for display. */
import {
	distance,
	length,
	lineString,
	multiLineString,
	point,
	pointToLineDistance,
	pointToPolygonDistance
} from '@turf/turf';
import type { Geometry, LineString, MultiLineString, Position } from 'geojson';
import { roundTo } from './coordinates';

/** Round a distance as the popups show it: 0.01 km below 10 km, 0.1 km above. */
export function roundKm(km: number): number {
	return roundTo(km, km < 10 ? 2 : 1);
}

/** Length of a line in km (unrounded). */
export function lineLengthKm(line: LineString | MultiLineString): number {
	const feature =
		line.type === 'LineString' ? lineString(line.coordinates) : multiLineString(line.coordinates);
	return length(feature, { units: 'kilometers' });
}

/** Shortest distance in km from a point to a line (the nearest of its parts). */
export function pointToLineKm(position: Position, line: LineString | MultiLineString): number {
	const parts = line.type === 'LineString' ? [line.coordinates] : line.coordinates;
	return Math.min(
		...parts.map((coordinates) =>
			pointToLineDistance(point(position), lineString(coordinates), { units: 'kilometers' })
		)
	);
}

/**
 * Shortest distance in km from a point to any geometry: to a point, a line, or a polygon's edge
 * (0 inside it). Undefined for geometry collections.
 */
export function pointToGeometryKm(position: Position, geometry: Geometry): number | undefined {
	switch (geometry.type) {
		case 'Point':
			return distance(position, geometry.coordinates, { units: 'kilometers' });
		case 'MultiPoint':
			return Math.min(
				...geometry.coordinates.map((p) => distance(position, p, { units: 'kilometers' }))
			);
		case 'LineString':
		case 'MultiLineString':
			return pointToLineKm(position, geometry);
		case 'Polygon':
		case 'MultiPolygon':
			return Math.max(0, pointToPolygonDistance(position, geometry, { units: 'kilometers' }));
		default:
			return undefined;
	}
}
