// @ts-check
// From the three world-atlas topologies to the GeoJSON each zoom band is tiled from. Pure.

import { DECIMALS } from './config.js';
import { countryLabels } from './labels.js';
import { geometryLayers } from './layers.js';

/** @typedef {import('./config.js').Resolution} Resolution */
/** @typedef {import('./layers.js').WorldAtlasTopology} WorldAtlasTopology */
/** @typedef {import('./layers.js').GeometryLayers} GeometryLayers */
/** @typedef {import('./labels.js').LabelFeature} LabelFeature */
/** @typedef {GeometryLayers & { labels: LabelFeature[] }} ResolutionLayers */

/** Decimals of label points, whatever the resolution (≈ 11 m: far finer than a label needs). */
export const LABEL_DECIMALS = 4;

/** @type {Resolution[]} */
export const RESOLUTIONS = ['110m', '50m', '10m'];

/**
 * Label points come from the 10m data for every zoom, so a label does not jump when the map
 * switches resolution; each resolution gets the labels of the countries it contains (10m has
 * every country the coarser files have, under the same name).
 * @param {Record<Resolution, WorldAtlasTopology>} topologies
 * @returns {Record<Resolution, ResolutionLayers>}
 */
export function prepareLayers(topologies) {
	/** @type {Partial<Record<Resolution, GeometryLayers>>} */
	const geometry = {};
	for (const resolution of RESOLUTIONS) {
		geometry[resolution] = geometryLayers(topologies[resolution], DECIMALS[resolution]);
	}
	const detailed = /** @type {GeometryLayers} */ (geometry['10m']);
	const labels = new Map(
		countryLabels(detailed.countries, LABEL_DECIMALS).map((label) => [label.properties.name, label])
	);

	/** @type {Partial<Record<Resolution, ResolutionLayers>>} */
	const out = {};
	for (const resolution of RESOLUTIONS) {
		const layers = /** @type {GeometryLayers} */ (geometry[resolution]);
		out[resolution] = {
			...layers,
			labels: layers.countries.map((country) => {
				const label = labels.get(country.properties.name);
				if (!label) throw new Error(`${country.properties.name} (${resolution}) is not in 10m`);
				return label;
			})
		};
	}
	return /** @type {Record<Resolution, ResolutionLayers>} */ (out);
}
