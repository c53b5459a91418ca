// @ts-check
// Cutting world-atlas geometry at the antimeridian.
//
// world-atlas is made for d3's spherical rendering: its rings were "stitched" across ±180°
// (Russia, Fiji, Antarctica), and Antarctica's ring goes round the South Pole instead of closing
// along it. A planar renderer such as MapLibre joins 179° to -179° the long way round, so Russia
// turns into a band across Europe. d3-geo already solves this for its own projections: its
// antimeridian pre-clip splits rings on the sphere and closes pole-enclosing rings along the pole.
// Streaming the geometry through a plate carrée projection scaled to degrees therefore gives back
// [lon, lat] rings that never cross ±180°.

import { geoArea, geoEquirectangular, geoStream } from 'd3-geo';
import { closeRing, lonSpan, pointInRing, signedArea } from './geometry.js';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('geojson').Polygon} Polygon */
/** @typedef {[[number, number], [number, number]]} Extent */

/**
 * No ring may span more than this many degrees of longitude after the cut (the app and the tests
 * rely on it). Only Antarctica's main ring exceeds it once cut at ±180°; it is cut again at 0°.
 */
export const MAX_RING_SPAN = 180;

/**
 * The two halves of the world, in the projection's output coordinates (x = lon, y = -lat),
 * slightly larger than the world so points that land exactly on ±180° or ±90° stay inside.
 * @type {Extent[]}
 */
const HALVES = [
	[
		[-181, -91],
		[0, 91]
	],
	[
		[0, -91],
		[181, 91]
	]
];

/**
 * A projection whose output is [lon, -lat] in degrees. precision(0) turns off d3's adaptive
 * resampling, which would otherwise add points along long edges.
 * @param {Extent | null} extent
 */
function degreeProjection(extent) {
	const projection = geoEquirectangular()
		.scale(180 / Math.PI)
		.translate([0, 0])
		.precision(0);
	return extent ? projection.clipExtent(extent) : projection;
}

/**
 * Streams a geometry through the projection and collects the output lines or rings as [lon, lat]
 * (flipping d3's y-down output back to latitude).
 * @param {import('d3-geo').GeoPermissibleObjects} object
 * @param {Extent | null} extent
 * @returns {Position[][]}
 */
function project(object, extent) {
	/** @type {Position[][]} */
	const out = [];
	/** @type {Position[]} */
	let line = [];
	// A fresh sink object per call: d3 caches the stream it built for the last sink it saw.
	const sink = {
		/** @param {number} x @param {number} y */
		point(x, y) {
			line.push([x, y === 0 ? 0 : -y]);
		},
		lineStart() {
			line = [];
		},
		lineEnd() {
			if (line.length) out.push(line);
		},
		polygonStart() {},
		polygonEnd() {},
		sphere() {
			throw new Error('antimeridian: a polygon covers the whole sphere (inverted winding?)');
		}
	};
	geoStream(object, degreeProjection(extent).stream(sink));
	return out;
}

/**
 * d3 treats a ring's winding as meaningful: a polygon whose exterior runs the "wrong" way covers
 * the rest of the sphere. A few tiny 10m islands (three Maldives triangles) are wound that way;
 * no real country covers more than a hemisphere, so such polygons are reversed.
 * @param {Position[][]} rings
 * @returns {Position[][]}
 */
export function orientForSphere(rings) {
	const area = geoArea({ type: 'Polygon', coordinates: rings });
	return area > 2 * Math.PI ? rings.map((ring) => [...ring].reverse()) : rings;
}

/**
 * Groups cut rings into polygons. d3 keeps the spherical winding, which in [lon, lat] (y up)
 * makes exteriors clockwise (negative signed area) and holes counter-clockwise. Each hole joins
 * the smallest exterior that contains it. Output follows RFC 7946: exteriors counter-clockwise,
 * holes clockwise, rings closed.
 * @param {Position[][]} rings
 * @returns {Position[][][]}
 */
function assemble(rings) {
	/** @type {{ ring: Position[], area: number }[]} */
	const exteriors = [];
	/** @type {Position[][]} */
	const holes = [];
	for (const raw of rings) {
		const ring = closeRing(raw);
		if (ring.length < 4) continue;
		const area = signedArea(ring);
		if (area < 0) exteriors.push({ ring: [...ring].reverse(), area: -area });
		else if (area > 0) holes.push(ring);
	}
	/** @type {Position[][][]} */
	const polygons = exteriors.map((e) => [e.ring]);
	for (const hole of holes) {
		let best = -1;
		for (let i = 0; i < exteriors.length; i++) {
			if (best !== -1 && exteriors[i].area >= exteriors[best].area) continue;
			if (ringInside(hole, exteriors[i].ring)) best = i;
		}
		// A hole outside every exterior would be an inverted island; dropping it loses nothing
		// that could be drawn. The area tests would catch it if that ever removed real land.
		if (best !== -1) polygons[best].push([...hole].reverse());
	}
	return polygons;
}

/**
 * Whether `inner` lies inside `outer`, by a majority vote of a few of its vertices (holes may
 * touch their exterior at a vertex, where the even-odd test can go either way).
 * @param {Position[]} inner
 * @param {Position[]} outer
 */
function ringInside(inner, outer) {
	const samples = Math.min(5, inner.length - 1);
	let votes = 0;
	for (let k = 0; k < samples; k++) {
		const p = inner[Math.floor((k * (inner.length - 1)) / samples)];
		if (pointInRing(p, outer)) votes++;
	}
	return votes * 2 > samples;
}

/**
 * Cuts one spherical polygon (world-atlas winding) into planar [lon, lat] polygons that neither
 * cross the antimeridian nor span more than MAX_RING_SPAN degrees; pole-enclosing rings are
 * closed along the pole so they stay filled.
 * @param {Position[][]} rings
 * @returns {Position[][][]}
 */
export function cutPolygon(rings) {
	/** @type {Polygon} */
	const polygon = { type: 'Polygon', coordinates: orientForSphere(rings) };
	const whole = project(polygon, null);
	if (whole.every((ring) => lonSpan(ring) <= MAX_RING_SPAN)) return assemble(whole);
	// Only a ring that went round a pole can still be this wide: cut it into the western and
	// eastern halves as well, with d3's planar rectangle clip.
	return HALVES.flatMap((half) => assemble(project(polygon, half)));
}

/**
 * Cuts lines (e.g. coastlines) where they cross the antimeridian.
 * @param {Position[][]} lines
 * @returns {Position[][]}
 */
export function cutLines(lines) {
	return project({ type: 'MultiLineString', coordinates: lines }, null).filter(
		(line) => line.length >= 2
	);
}
