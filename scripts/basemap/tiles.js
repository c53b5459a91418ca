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
/** @typedef {keyof typeof LAYERS} LayerKey */
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
 * Encodes one tile of the pyramid. Layers without features are left out, so a tile over open sea
 * is a valid tile with no layers: zero bytes, which MapLibre and @mapbox/vector-tile read as empty.
 * @param {Record<Resolution, LayerIndexes>} indexes
 * @param {number} z
 * @param {number} x
 * @param {number} y
 * @returns {Uint8Array}
 */
export function encodeTile(indexes, z, x, y) {
	const resolution = resolutionForTile(z, x, y);
	const layerIndexes = indexes[resolution];
	/** @type {Record<string, LegacyTile>} */
	const layers = {};
	for (const key of LAYER_ORDER) {
		const tile = layerIndexes[key].getTile(z, x, y);
		if (!tile) continue;
		const features = /** @type {LegacyFeature[]} */ (
			tile.features.map(cleanFeature).filter(Boolean)
		);
		if (features.length) layers[LAYERS[key]] = { features };
	}
	return vtpbf.fromGeojsonVt(layers, { version: 2, extent: EXTENT });
}
