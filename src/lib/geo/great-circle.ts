/**
 * Great-circle paths between two points (a flight's shortest route), and their split at the
 * point of the path nearest to a third point: the part flown before a crash, and the part
 * never flown.
 */
import { greatCircle, lineSlice, nearestPointOnLine, point } from '@turf/turf';
import type { LineString, Position } from 'geojson';
import { roundGeometry, roundPosition } from './coordinates';

/** Vertices along a great circle: enough that the curve looks smooth at any zoom of a region. */
export const GREAT_CIRCLE_POINTS = 128;

/**
 * The great circle from `from` to `to` as one LineString. Turf splits a path that crosses the
 * antimeridian into a MultiLineString; here longitudes are unwrapped instead (179 → 181), which
 * MapLibre draws continuously and which can be sliced.
 */
export function greatCirclePath(
	from: Position,
	to: Position,
	npoints = GREAT_CIRCLE_POINTS
): LineString {
	const { geometry } = greatCircle(from, to, { npoints });
	const parts = geometry.type === 'LineString' ? [geometry.coordinates] : geometry.coordinates;
	const coordinates: Position[] = [];
	for (const part of parts) {
		for (const [lon, lat] of part) {
			const previous = coordinates[coordinates.length - 1];
			let x = lon;
			if (previous) while (x - previous[0] > 180) x -= 360;
			if (previous) while (previous[0] - x > 180) x += 360;
			if (previous && previous[0] === x && previous[1] === lat) continue;
			coordinates.push([x, lat]);
		}
	}
	return roundGeometry({ type: 'LineString', coordinates });
}

export interface SplitPath {
	/** From the start to the split point. */
	flown: LineString;
	/** From the split point to the end. */
	unflown: LineString;
	/** The point of the path nearest to `via`, where it is split. */
	split: Position;
}

/** Split a line at its point nearest to `via` (Turf nearestPointOnLine + lineSlice). */
export function splitLineNear(line: LineString, via: Position): SplitPath {
	const start = line.coordinates[0];
	const end = line.coordinates[line.coordinates.length - 1];
	const nearest = nearestPointOnLine(line, point(via));
	const split = roundPosition(nearest.geometry.coordinates);
	const flown = lineSlice(point(start), nearest, line).geometry;
	const unflown = lineSlice(nearest, point(end), line).geometry;
	return { flown: roundGeometry(flown), unflown: roundGeometry(unflown), split };
}

/** The great circle from `from` to `to`, split where it passes nearest to `via`. */
export function greatCircleSplit(
	from: Position,
	to: Position,
	via: Position,
	npoints = GREAT_CIRCLE_POINTS
): SplitPath & { whole: LineString } {
	const whole = greatCirclePath(from, to, npoints);
	return { whole, ...splitLineNear(whole, via) };
}
