// @ts-check
// One label point per country: the pole of inaccessibility (polylabel) of its largest polygon,
// and a rank by area so the app can show big countries first.

import { geoArea } from 'd3-geo';
// @ts-expect-error -- polylabel 2 ships JavaScript without type declarations (typed below)
import untypedPolylabel from 'polylabel';
import { MERCATOR_MAX_LAT, RANK_THRESHOLDS_KM2 } from './config.js';
import { roundTo } from './rounding.js';

/** @typedef {import('geojson').Position} Position */
/** @typedef {import('./layers.js').CountryFeature} CountryFeature */
/** @typedef {{ name: string, rank: number }} LabelProperties */
/** @typedef {import('geojson').Feature<import('geojson').Point, LabelProperties>} LabelFeature */

/** @type {(polygon: number[][][], precision?: number) => [number, number]} */
const polylabel = untypedPolylabel;

/** Mean Earth radius (IUGG), km. */
const EARTH_RADIUS_KM = 6371.0088;

/**
 * Spherical area of a planar [lon, lat] polygon in steradians, whatever its winding (d3 reads
 * winding as "which side is inside"; no country polygon is larger than a hemisphere).
 * @param {Position[][]} polygon
 */
export function polygonArea(polygon) {
	let total = 0;
	polygon.forEach((ring, i) => {
		const a = geoArea({ type: 'Polygon', coordinates: [ring] });
		const area = Math.min(a, 4 * Math.PI - a);
		total += i === 0 ? area : -area;
	});
	return Math.max(total, 0);
}

/**
 * Rank 1..6 from an area in km² (1 = largest).
 * @param {number} areaKm2
 */
export function rankForArea(areaKm2) {
	const index = RANK_THRESHOLDS_KM2.findIndex((threshold) => areaKm2 >= threshold);
	return index === -1 ? RANK_THRESHOLDS_KM2.length + 1 : index + 1;
}

/** @param {number} lat */
function mercatorY(lat) {
	const clamped = Math.max(-MERCATOR_MAX_LAT, Math.min(MERCATOR_MAX_LAT, lat));
	return (180 / Math.PI) * Math.log(Math.tan(Math.PI / 4 + (clamped * Math.PI) / 360));
}

/** @param {number} y */
function mercatorLat(y) {
	return (360 / Math.PI) * Math.atan(Math.exp((y * Math.PI) / 180)) - 90;
}

/**
 * Label anchor for one polygon: polylabel in Web Mercator, so the point is central in the shape
 * as the map draws it (in plain lon/lat, northern countries would get points squeezed south).
 * @param {Position[][]} polygon
 * @returns {Position} [lon, lat]
 */
export function labelAnchor(polygon) {
	const projected = polygon.map((ring) => ring.map(([x, y]) => [x, mercatorY(y)]));
	let minX = Infinity;
	let minY = Infinity;
	let maxX = -Infinity;
	let maxY = -Infinity;
	for (const [x, y] of projected[0]) {
		minX = Math.min(minX, x);
		maxX = Math.max(maxX, x);
		minY = Math.min(minY, y);
		maxY = Math.max(maxY, y);
	}
	// Precision relative to the polygon's size, so Monaco gets as good a point as Russia.
	const precision = Math.max(maxX - minX, maxY - minY) / 1000;
	if (!(precision > 0)) return polygon[0][0];
	const [x, y] = polylabel(projected, precision);
	return [x, mercatorLat(y)];
}

/**
 * One label per country, in the order given.
 * @param {CountryFeature[]} countries
 * @param {number} decimals
 * @returns {LabelFeature[]}
 */
export function countryLabels(countries, decimals) {
	return countries.map((country) => {
		const polygons = country.geometry.coordinates;
		if (polygons.length === 0) {
			// A country too small to keep a polygon (see layers.js) is labelled at its bbox centre.
			const box = country.bbox;
			if (!box) throw new Error(`no polygon and no bbox for ${country.properties.name}`);
			const center = [(box[0] + box[2]) / 2, (box[1] + box[3]) / 2];
			return labelFeature(country.properties.name, rankForArea(0), center, decimals);
		}
		let largest = polygons[0];
		let largestArea = -1;
		let totalArea = 0;
		for (const polygon of polygons) {
			const area = polygonArea(polygon);
			totalArea += area;
			if (area > largestArea) {
				largest = polygon;
				largestArea = area;
			}
		}
		const areaKm2 = totalArea * EARTH_RADIUS_KM ** 2;
		return labelFeature(
			country.properties.name,
			rankForArea(areaKm2),
			labelAnchor(largest),
			decimals
		);
	});
}

/**
 * @param {string} name
 * @param {number} rank
 * @param {Position} point
 * @param {number} decimals
 * @returns {LabelFeature}
 */
function labelFeature(name, rank, [lon, lat], decimals) {
	return {
		type: 'Feature',
		properties: { name, rank },
		geometry: { type: 'Point', coordinates: [roundTo(lon, decimals), roundTo(lat, decimals)] }
	};
}
