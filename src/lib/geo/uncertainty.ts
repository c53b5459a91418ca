/**
 * The area a point's truth may lie in: a geodesic circle of the feature's `uncertaintyKm`,
 * drawn under the point so that an approximate place is never shown as a confident pin.
 */
import { circle } from '@turf/turf';
import type { Polygon, Position } from 'geojson';
import { ringSignedArea, roundGeometry } from './coordinates';

export const CIRCLE_STEPS = 64;

/** A circle polygon (RFC 7946: counter-clockwise), coordinates rounded to 6 decimals. */
export function uncertaintyCircle(
	center: Position,
	radiusKm: number,
	steps = CIRCLE_STEPS
): Polygon {
	const { geometry } = circle(center, radiusKm, { steps, units: 'kilometers' });
	const rounded = roundGeometry(geometry);
	const ring = rounded.coordinates[0];
	// Rounding keeps first = last; make the closing position the very same values anyway.
	ring[ring.length - 1] = [...ring[0]];
	if (ringSignedArea(ring) < 0) ring.reverse();
	return rounded;
}
