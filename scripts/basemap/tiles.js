// @ts-check
// Slicing the GeoJSON layers into Mapbox Vector Tiles (geojson-vt) and encoding them (vt-pbf).
// Pure: returns bytes, the caller writes files.

import { createRequire } from 'node:module';
import GeoJSONVT from 'geojson-vt';
import { EXTENT, LAYERS, LOD_BANDS, SIMPLIFY_TOLERANCE, TILE_BUFFER } from './config.js';
import { resolutionForTile } from './level-of-detail.js';

/** @typedef {import('./config.js').Resolution} Resolution */
/** @typedef {import('geojson-vt').LegacyTile} LegacyTile */
/** @typedef {import('geojson-vt').LegacyFeature} LegacyFeature */
/** @typedef {'countries' | 'boundaries' | 'coastline' | 'labels'} LayerKey the layers cut by geojson-vt */
/**
 * @typedef {object} ResolutionData
 * @property {import('geojson').Feature[]} countries
 * @property {import('geojson').Feature[]} boundaries
 * @property {import('geojson').Feature[]} coastline
 * @property {import('geojson').Feature[]} labels
 */
/** @typedef {Record<LayerKey, GeoJSONVT>} LayerIndexes */

// vt-pbf is CommonJS without type declarations; this is the one function used.
const require = createRequire(import.meta.url);
/** @type {{ fromGeojsonVt(layers: Record<string, LegacyTile>, options: { version: number, extent: number }): Uint8Array }} */
const vtpbf = require('vt-pbf');

/** Layer order inside a tile (also the drawing order a style would typically use). */
const LAYER_ORDER = /** @type {LayerKey[]} */ (['countries', 'boundaries', 'coastline', 'labels']);

/**
 * A detail tile's cover: a square over the whole tile and its buffer. Drawn in the sea's colour
 * under the detail layers, it hides the overzoomed world tiles beneath, whose coarser coast would
 * otherwise show through along the 1:10m one. Wound clockwise in tile coordinates (y down): an
 * exterior ring for the vector tile spec.
 * @type {LegacyFeature}
 */
const COVER = {
	type: 3,
	geometry: [
		[
			[-TILE_BUFFER, -TILE_BUFFER],
			[EXTENT + TILE_BUFFER, -TILE_BUFFER],
			[EXTENT + TILE_BUFFER, EXTENT + TILE_BUFFER],
			[-TILE_BUFFER, EXTENT + TILE_BUFFER],
			[-TILE_BUFFER, -TILE_BUFFER]
		]
	],
	tags: {}
};

/**
 * Highest zoom each resolution is used at: its geojson-vt index keeps full detail there and
 * simplifies below it.
 * @param {Resolution} resolution
 */
export function maxZoomFor(resolution) {
	let max = -1;
	for (const band of LOD_BANDS) {
		if (band.resolution === resolution || band.outsideStory === resolution) {
			max = Math.max(max, band.maxzoom);
		}
	}
	if (max < 0) throw new Error(`resolution ${resolution} is not used by any zoom`);
	return max;
}

/**
 * One geojson-vt index per layer for one resolution.
 * @param {ResolutionData} data
 * @param {number} maxZoom
 * @returns {LayerIndexes}
 */
export function indexLayers(data, maxZoom) {
	/** @type {import('geojson-vt').Options} */
	const options = {
		maxZoom,
		tolerance: SIMPLIFY_TOLERANCE,
		extent: EXTENT,
		buffer: TILE_BUFFER
	};
	/** @param {import('geojson').Feature[]} features */
	const index = (features) => new GeoJSONVT({ type: 'FeatureCollection', features }, options);
	return {
		countries: index(data.countries),
		boundaries: index(data.boundaries),
		coastline: index(data.coastline),
		labels: index(data.labels)
	};
}

/**
 * Rounding to tile integers can leave repeated vertices and rings that enclose nothing; they cost
 * bytes and draw nothing. Removes them (points are kept as they are).
 * @param {LegacyFeature} feature
 * @returns {LegacyFeature | null}
 */
export function cleanFeature(feature) {
	if (feature.type === 1) return feature;
	const minLength = feature.type === 3 ? 4 : 2;
	/** @type {[number, number][][]} */
	const rings = [];
	for (const ring of feature.geometry) {
		/** @type {[number, number][]} */
		const out = [];
		for (const p of ring) {
			const last = out[out.length - 1];
			if (!last || last[0] !== p[0] || last[1] !== p[1]) out.push(p);
		}
		if (out.length < minLength) continue;
		if (feature.type === 3 && ringArea(out) === 0) continue;
		rings.push(out);
	}
	return rings.length ? { ...feature, geometry: rings } : null;
}

/** @param {[number, number][]} ring */
function ringArea(ring) {
	let sum = 0;
	for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
		sum += (ring[j][0] - ring[i][0]) * (ring[j][1] + ring[i][1]);
	}
	return sum;
}

/**
 * Encodes one tile of the world pyramid (z0..MAX_ZOOM). Layers without features are left out, so
 * a tile over open sea with no place is a valid tile with no layers: zero bytes, which MapLibre
 * and @mapbox/vector-tile read as empty.
 * @param {Record<Resolution, LayerIndexes>} indexes
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @param {LegacyFeature[]} [places] the tile's places, in rank order (places.js)
 * @returns {Uint8Array}
 */
export function encodeTile(indexes, z, x, y, places = []) {
	return encodeLayers(indexes[resolutionForTile(z, x, y)], LAYER_ORDER, z, x, y, { places });
}

/**
 * Encodes one tile of a story's region (DETAIL_MIN_ZOOM..DETAIL_MAX_ZOOM): the cover, 1:10m land,
 * borders and coast at full detail, and the places. Country labels stay with the world tiles,
 * which MapLibre overzooms.
 * @param {LayerIndexes} detailIndexes 1:10m, indexed to DETAIL_MAX_ZOOM
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @param {LegacyFeature[]} [places]
 * @returns {Uint8Array}
 */
export function encodeDetailTile(detailIndexes, z, x, y, places = []) {
	return encodeLayers(detailIndexes, ['countries', 'boundaries', 'coastline'], z, x, y, {
		cover: [COVER],
		places
	});
}

/**
 * @param {LayerIndexes} layerIndexes
 * @param {LayerKey[]} keys
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @param {{ cover?: LegacyFeature[], places?: LegacyFeature[] }} extra
 */
function encodeLayers(layerIndexes, keys, z, x, y, { cover, places }) {
	/** @type {Record<string, LegacyTile>} */
	const layers = {};
	if (cover) layers[LAYERS.detailCover] = /** @type {LegacyTile} */ ({ features: cover });
	for (const key of keys) {
		const tile = layerIndexes[key].getTile(z, x, y);
		if (!tile) continue;
		const features = /** @type {LegacyFeature[]} */ (
			tile.features.map(cleanFeature).filter(Boolean)
		);
		if (features.length) layers[LAYERS[key]] = /** @type {LegacyTile} */ ({ features });
	}
	if (places?.length) layers[LAYERS.places] = /** @type {LegacyTile} */ ({ features: places });
	return vtpbf.fromGeojsonVt(layers, { version: 2, extent: EXTENT });
}
