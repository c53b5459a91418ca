// @ts-check
// Rounding coordinates to a fixed number of decimals, and removing what rounding makes degenerate
// (repeated vertices, rings that collapse to nothing). Rounding also absorbs the float noise of the
// degree → radian → degree trip through d3 (180.00000000000003 becomes 180).

import { closeRing, signedArea } from './geometry.js';

/** @typedef {import('geojson').Position} Position */

/**
 * @param {number} value
 * @param {number} decimals
 */
export function roundTo(value, decimals) {
	const factor = 10 ** decimals;
	const rounded = Math.round(value * factor) / factor;
	// Math.round(-0.00001 * 1e4) is -0: normalise so output never depends on the sign of zero.
	return rounded === 0 ? 0 : rounded;
}

/**
 * Rounds a line's positions and drops consecutive duplicates.
 * @param {Position[]} line
 * @param {number} decimals
 * @returns {Position[]}
 */
export function roundLine(line, decimals) {
	/** @type {Position[]} */
	const out = [];
	for (const p of line) {
		const x = roundTo(p[0], decimals);
		const y = roundTo(p[1], decimals);
		const last = out[out.length - 1];
		if (last && last[0] === x && last[1] === y) continue;
		out.push([x, y]);
	}
	return out;
}

/**
 * Rounds a ring; returns null when it no longer encloses any area.
 * @param {Position[]} ring
 * @param {number} decimals
 * @returns {Position[] | null}
 */
export function roundRing(ring, decimals) {
	const rounded = closeRing(roundLine(ring, decimals));
	if (rounded.length < 4 || signedArea(rounded) === 0) return null;
	return rounded;
}

/**
 * Rounds every ring of a polygon; a polygon whose exterior collapses is dropped (null), a
 * collapsed hole is simply left out.
 * @param {Position[][]} polygon
 * @param {number} decimals
 * @returns {Position[][] | null}
 */
export function roundPolygon(polygon, decimals) {
	const [exterior, ...holes] = polygon;
	const outer = roundRing(exterior, decimals);
	if (!outer) return null;
	/** @type {Position[][]} */
	const rings = [outer];
	for (const hole of holes) {
		const inner = roundRing(hole, decimals);
		if (inner) rings.push(inner);
	}
	return rings;
}

/**
 * Rounds lines, dropping those reduced to a single point.
 * @param {Position[][]} lines
 * @param {number} decimals
 */
export function roundLines(lines, decimals) {
	return lines.map((line) => roundLine(line, decimals)).filter((line) => line.length >= 2);
}
