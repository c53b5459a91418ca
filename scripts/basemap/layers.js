// @ts-check
// From a world-atlas topology to the planar GeoJSON of the three geometry layers (countries,
// boundaries, coastline), cut at the antimeridian and rounded. Pure: the caller reads the file.

import * as topojson from 'topojson-client';
import { cutLines, cutPolygon } from './antimeridian.js';
import { roundLines, roundPolygon } from './rounding.js';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('geojson').MultiPolygon} MultiPolygon */
/** @typedef {import('geojson').MultiLineString} MultiLineString */
/** @typedef {{ name: string, iso: string }} CountryProperties */
/** @typedef {import('geojson').Feature<MultiPolygon, CountryProperties>} CountryFeature */
/** @typedef {import('geojson').Feature<MultiLineString, Record<string, never>>} LineFeature */
/**
 * @typedef {object} WorldAtlasTopology
 * @property {'Topology'} type
 * @property {{ countries: import('topojson-specification').GeometryCollection<{ name: string }> }} objects
 * @property {import('topojson-specification').Arc[]} arcs
 * @property {import('topojson-specification').Transform} [transform]
 * @property {import('geojson').BBox} [bbox]
 */
/**
 * @typedef {object} GeometryLayers
 * @property {CountryFeature[]} countries
 * @property {LineFeature[]} boundaries land borders between two countries
 * @property {LineFeature[]} coastline edges used by one country only
 */

/**
 * Latitude beyond which a line segment runs along a pole. 50m Antarctica has a ring round the
 * pole at -89.999°, an artefact of closing the polygon there; it is not a coast.
 */
const POLAR_LAT = 89.9;

/**
 * Converts a parsed world-atlas countries file into the three geometry layers.
 * @param {WorldAtlasTopology} topology
 * @param {number} decimals decimals kept in [lon, lat]
 * @returns {GeometryLayers}
 */
export function geometryLayers(topology, decimals) {
	const object = topology.objects.countries;
	const topo = /** @type {import('topojson-specification').Topology} */ (topology);

	/** @type {CountryFeature[]} */
	const countries = [];
	for (const geometry of object.geometries) {
		const feature = /** @type {import('geojson').Feature} */ (topojson.feature(topo, geometry));
		/** @type {Position[][][]} */
		let polygons = [];
		if (feature.geometry.type === 'Polygon') polygons = [feature.geometry.coordinates];
		else if (feature.geometry.type === 'MultiPolygon') polygons = feature.geometry.coordinates;
		/** @type {Position[][][]} */
		const cut = [];
		for (const polygon of polygons) {
			for (const piece of cutPolygon(polygon)) {
				const rounded = roundPolygon(piece, decimals);
				if (rounded) cut.push(rounded);
			}
		}
		/** @type {CountryFeature} */
		const country = {
			type: 'Feature',
			properties: countryProperties(geometry),
			geometry: { type: 'MultiPolygon', coordinates: cut }
		};
		// Vatican at 10m is a zero-area sliver in the source: no polygon survives, but the
		// country stays (empty geometry) and its bbox tells the labels where it is.
		if (cut.length === 0) country.bbox = bboxOf(polygons);
		countries.push(country);
	}

	const borders = topojson.mesh(topo, object, (a, b) => a !== b);
	const coasts = topojson.mesh(topo, object, (a, b) => a === b);
	return {
		countries,
		boundaries: [lineFeature(roundLines(cutLines(borders.coordinates), decimals))],
		coastline: [lineFeature(dropPolarSegments(roundLines(cutLines(coasts.coordinates), decimals)))]
	};
}

/**
 * `iso` is world-atlas's ISO 3166-1 numeric id as a string ("250" for France); a few entities
 * have none (Kosovo, N. Cyprus, Somaliland, …) and get "".
 * @param {import('topojson-specification').GeometryObject<{ name: string }>} geometry
 * @returns {CountryProperties}
 */
export function countryProperties(geometry) {
	const name = /** @type {{ name?: unknown } | undefined} */ (geometry.properties)?.name;
	if (typeof name !== 'string' || name === '') throw new Error('world-atlas country without name');
	return { name, iso: geometry.id === undefined ? '' : String(geometry.id) };
}

/**
 * @param {Position[][][]} polygons
 * @returns {[number, number, number, number]}
 */
function bboxOf(polygons) {
	const box = /** @type {[number, number, number, number]} */ ([
		Infinity,
		Infinity,
		-Infinity,
		-Infinity
	]);
	for (const polygon of polygons) {
		for (const [x, y] of polygon.flat()) {
			box[0] = Math.min(box[0], x);
			box[1] = Math.min(box[1], y);
			box[2] = Math.max(box[2], x);
			box[3] = Math.max(box[3], y);
		}
	}
	return box;
}

/**
 * @param {Position[][]} lines
 * @returns {LineFeature}
 */
function lineFeature(lines) {
	return {
		type: 'Feature',
		properties: {},
		geometry: { type: 'MultiLineString', coordinates: lines }
	};
}

/**
 * Splits lines where they run along a pole and drops those parts.
 * @param {Position[][]} lines
 * @returns {Position[][]}
 */
export function dropPolarSegments(lines) {
	/** @type {Position[][]} */
	const out = [];
	for (const line of lines) {
		/** @type {Position[]} */
		let current = [line[0]];
		for (let i = 1; i < line.length; i++) {
			const polar = Math.abs(line[i - 1][1]) >= POLAR_LAT && Math.abs(line[i][1]) >= POLAR_LAT;
			if (polar) {
				if (current.length >= 2) out.push(current);
				current = [line[i]];
			} else {
				current.push(line[i]);
			}
		}
		if (current.length >= 2) out.push(current);
	}
	return out;
}
