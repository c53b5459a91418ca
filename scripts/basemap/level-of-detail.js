// @ts-check
// Which Natural Earth resolution each tile is cut from, and the Web Mercator tile arithmetic
// that decision needs.

import { LOD_BANDS, MAX_ZOOM, MIN_ZOOM, STORY_REGION } from './config.js';

/** @typedef {import('./config.js').Resolution} Resolution */
/** @typedef {import('./config.js').BBox} BBox */
/** @typedef {{ z: number, x: number, y: number }} TileId */

/** @param {number} x @param {number} z */
function tileLon(x, z) {
	return (x / 2 ** z) * 360 - 180;
}

/** @param {number} y @param {number} z */
function tileLat(y, z) {
	const n = Math.PI - (2 * Math.PI * y) / 2 ** z;
	return (180 / Math.PI) * Math.atan(Math.sinh(n));
}

/**
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @returns {BBox} [west, south, east, north] in degrees
 */
export function tileBounds(z, x, y) {
	return [tileLon(x, z), tileLat(y + 1, z), tileLon(x + 1, z), tileLat(y, z)];
}

/**
 * Tile column and row holding a point (clamped to the pyramid).
 * @param {number} lon
 * @param {number} lat
 * @param {number} z
 */
export function tileAt(lon, lat, z) {
	const n = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const y = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
	const clamp = (/** @type {number} */ v) => Math.min(n - 1, Math.max(0, Math.floor(v)));
	return { x: clamp(((lon + 180) / 360) * n), y: clamp(y) };
}

/**
 * Every tile at zoom z that overlaps a bounding box.
 * @param {BBox} bbox
 * @param {number} z
 * @returns {TileId[]}
 */
export function tilesCovering([west, south, east, north], z) {
	const nw = tileAt(west, north, z);
	const se = tileAt(east, south, z);
	/** @type {TileId[]} */
	const tiles = [];
	for (let x = nw.x; x <= se.x; x++) for (let y = nw.y; y <= se.y; y++) tiles.push({ z, x, y });
	return tiles;
}

/**
 * Whether two boxes share more than an edge.
 * @param {BBox} a
 * @param {BBox} b
 */
export function bboxesOverlap(a, b) {
	return a[0] < b[2] && a[2] > b[0] && a[1] < b[3] && a[3] > b[1];
}

/**
 * The LOD band of a zoom level.
 * @param {number} z
 */
export function bandForZoom(z) {
	const band = LOD_BANDS.find((b) => z >= b.minzoom && z <= b.maxzoom);
	if (!band) throw new Error(`zoom ${z} outside ${MIN_ZOOM}..${MAX_ZOOM}`);
	return band;
}

/**
 * The resolution a tile is cut from. The whole tile uses one resolution, so borders never mix two
 * generalisations inside a tile; where 10m and 50m tiles meet (at the edge of the story region,
 * z5–z6 only) lines can be off by a few hundred metres, far from the story.
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @returns {Resolution}
 */
export function resolutionForTile(z, x, y) {
	const band = bandForZoom(z);
	if (band.resolution === band.outsideStory) return band.resolution;
	return bboxesOverlap(tileBounds(z, x, y), STORY_REGION) ? band.resolution : band.outsideStory;
}

/**
 * Every tile of the pyramid, zoom by zoom, in a fixed order.
 * @returns {Generator<TileId>}
 */
export function* allTiles() {
	for (let z = MIN_ZOOM; z <= MAX_ZOOM; z++) {
		const n = 2 ** z;
		for (let x = 0; x < n; x++) for (let y = 0; y < n; y++) yield { z, x, y };
	}
}
