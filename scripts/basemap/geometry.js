// @ts-check
// Small planar helpers on [lon, lat] rings, shared by the antimeridian cut, rounding and labels.

/** @typedef {import('geojson').Position} Position */

/**
 * Signed planar area (shoelace); positive when the ring runs counter-clockwise with y up.
 * Works whether or not the ring repeats its first position at the end.
 * @param {Position[]} ring
 */
export function signedArea(ring) {
	let sum = 0;
	for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return sum / 2;
}

/**
 * Longitude span of a ring or line, in degrees.
 * @param {Position[]} ring
 */
export function lonSpan(ring) {
	let min = Infinity;
	let max = -Infinity;
	for (const [x] of ring) {
		if (x < min) min = x;
		if (x > max) max = x;
	}
	return max - min;
}

/**
 * Even-odd point-in-ring test.
 * @param {Position} point
 * @param {Position[]} ring
 */
export function pointInRing(point, ring) {
	const [x, y] = point;
	let inside = false;
	for (let i = 0, n = ring.length, j = n - 1; i < n; j = i++) {
		const [xi, yi] = ring[i];
		const [xj, yj] = ring[j];
		if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) inside = !inside;
	}
	return inside;
}

/**
 * Returns the ring closed (last position equal to the first), copying only when needed.
 * @param {Position[]} ring
 */
export function closeRing(ring) {
	if (ring.length === 0) return ring;
	const first = ring[0];
	const last = ring[ring.length - 1];
	return first[0] === last[0] && first[1] === last[1] ? ring : [...ring, [first[0], first[1]]];
}
