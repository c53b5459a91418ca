// @ts-check
// The story's regions: where the basemap gets tiles deeper than the world pyramid (z7 and up).
// Each of the story's features, boxed and widened by a margin counted in tiles of the zoom being
// cut, so that a view at that zoom centred anywhere on the feature is covered (an event page
// opens at zoom 8–12 on its features). Pure: the caller passes the features' boxes.

import { DETAIL_MARGIN_TILES, DETAIL_MAX_ZOOM, DETAIL_MIN_ZOOM } from './config.js';
import { tileAt } from './level-of-detail.js';

/** @typedef {import('./config.js').BBox} BBox */
/** @typedef {import('./level-of-detail.js').TileId} TileId */
/**
 * @typedef {object} DetailRegions
 * @property {number} minzoom
 * @property {number} maxzoom
 * @property {BBox[]} bounds boxes holding the regions, one per detail source (its `bounds`)
 * @property {Map<number, Set<string>>} tiles per zoom, `x/y` of every tile cut in detail
 */

/**
 * Tile columns/rows of a box at zoom z, widened by `margin` tiles and clamped to the pyramid.
 * @param {BBox} bbox
 * @param {number} z
 * @param {number} margin
 */
function tileRange([west, south, east, north], z, margin) {
	const n = 2 ** z;
	const nw = tileAt(west, north, z);
	const se = tileAt(east, south, z);
	return {
		x0: Math.max(0, nw.x - margin),
		x1: Math.min(n - 1, se.x + margin),
		y0: Math.max(0, nw.y - margin),
		y1: Math.min(n - 1, se.y + margin)
	};
}

/** @param {number} x @param {number} z */
const tileLon = (x, z) => (x / 2 ** z) * 360 - 180;
/** @param {number} y @param {number} z */
const tileLat = (y, z) =>
	(180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * y) / 2 ** z));

/** @typedef {{ x0: number, y0: number, x1: number, y1: number }} TileBox */

/** @param {TileBox} b */
const boxArea = (b) => (b.x1 - b.x0 + 1) * (b.y1 - b.y0 + 1);

/** @param {TileBox} a @param {TileBox} b @returns {TileBox} */
const union = (a, b) => ({
	x0: Math.min(a.x0, b.x0),
	y0: Math.min(a.y0, b.y0),
	x1: Math.max(a.x1, b.x1),
	y1: Math.max(a.y1, b.y1)
});

/**
 * Groups boxes (tile ranges at one zoom) into as few boxes as possible without paying for empty
 * tiles: two boxes merge when their union is no larger than the two apart. Each resulting box is
 * one detail source (MapLibre takes one `bounds` per source), and every tile inside it must exist.
 * Deterministic: the input order decides ties.
 * @param {TileBox[]} boxes
 * @returns {TileBox[]}
 */
export function mergeBoxes(boxes) {
	const out = boxes.map((b) => ({ ...b }));
	for (let merged = true; merged;) {
		merged = false;
		for (let i = 0; i < out.length && !merged; i++) {
			for (let j = i + 1; j < out.length && !merged; j++) {
				const u = union(out[i], out[j]);
				if (boxArea(u) <= boxArea(out[i]) + boxArea(out[j])) {
					out[i] = u;
					out.splice(j, 1);
					merged = true;
				}
			}
		}
	}
	return out.sort((a, b) => a.y0 - b.y0 || a.x0 - b.x0);
}

/**
 * The detail tiles of a story. A box is `[west, south, east, north]`; boxes crossing the
 * antimeridian are not expected (the story's checks keep coordinates in range, and no story
 * so far straddles ±180°) and are treated as their west..east span.
 * @param {BBox[]} boxes one per feature
 * @param {{ minzoom?: number, maxzoom?: number, margin?: number }} [options]
 * @returns {DetailRegions | null} null when the story has no features
 */
export function detailRegions(boxes, options = {}) {
	const minzoom = options.minzoom ?? DETAIL_MIN_ZOOM;
	const maxzoom = options.maxzoom ?? DETAIL_MAX_ZOOM;
	const margin = options.margin ?? DETAIL_MARGIN_TILES;
	const valid = boxes.filter((b) => b.every(Number.isFinite) && b[0] <= b[2] && b[1] <= b[3]);
	if (valid.length === 0) return null;
	// Regions are measured at the deepest zoom, where tiles are densest; a shallower tile is in
	// a region when any of its descendants is.
	const ranges = valid.map((box) => tileRange(box, maxzoom, margin));
	/** @type {Map<number, Set<string>>} */
	const tiles = new Map();
	for (let z = minzoom; z <= maxzoom; z++) {
		const shift = 2 ** (maxzoom - z);
		const set = new Set();
		for (const r of ranges) {
			for (let x = Math.floor(r.x0 / shift); x <= Math.floor(r.x1 / shift); x++) {
				for (let y = Math.floor(r.y0 / shift); y <= Math.floor(r.y1 / shift); y++) {
					set.add(`${x}/${y}`);
				}
			}
		}
		tiles.set(z, set);
	}
	// Pulled in from the tile edges by about a metre: MapLibre asks for every tile `bounds`
	// touches, and an edge rounded outwards would ask for a tile that was never cut.
	const inset = 1e-5;
	const bounds = mergeBoxes(ranges).map(
		(a) =>
			/** @type {BBox} */ (
				[
					tileLon(a.x0, maxzoom) + inset,
					tileLat(a.y1 + 1, maxzoom) + inset,
					tileLon(a.x1 + 1, maxzoom) - inset,
					tileLat(a.y0, maxzoom) - inset
				].map((v) => Math.round(v * 1e6) / 1e6)
			)
	);
	return { minzoom, maxzoom, bounds, tiles };
}

/**
 * Every tile of the detail sources, zoom by zoom, each once, in a fixed order: the tiles of the
 * regions and, inside an area's `bounds` but outside every region, empty ones, so that MapLibre
 * finds a file for every tile it asks for (an empty tile lets the world pyramid, overzoomed,
 * show through).
 * @param {DetailRegions} regions
 * @returns {Generator<TileId & { inRegion: boolean }>}
 */
export function* detailTiles(regions) {
	for (let z = regions.minzoom; z <= regions.maxzoom; z++) {
		const inRegion = /** @type {Set<string>} */ (regions.tiles.get(z));
		const seen = new Set();
		for (const bounds of regions.bounds) {
			const r = tileRange(bounds, z, 0);
			for (let x = r.x0; x <= r.x1; x++) {
				for (let y = r.y0; y <= r.y1; y++) {
					const key = `${x}/${y}`;
					if (seen.has(key)) continue;
					seen.add(key);
					yield { z, x, y, inRegion: inRegion.has(key) };
				}
			}
		}
	}
}
