/**
 * The offline basemap as a MapLibre style: Natural Earth vector tiles and SDF glyphs
 * generated at build time (scripts/basemap, scripts/glyphs) and served from our own origin.
 * Pure: takes the origin, returns a style spec, so it can be unit-tested without a browser.
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';

/** Tiles exist for z0–6; MapLibre overzooms them beyond (the story never needs street detail). */
export const BASEMAP_MAX_TILE_ZOOM = 6;
export const MAP_MIN_ZOOM = 1;
export const MAP_MAX_ZOOM = 14;

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';

/** Colours chosen so the story's colour-blind-safe palette stands out on a quiet base. */
export const BASEMAP_COLOURS = {
	sea: '#d6e4ea',
	land: '#f4f1ea',
	border: '#a49c91',
	coast: '#8fa9b5',
	label: '#5d5a55',
	labelHalo: '#f4f1ea'
} as const;

export function basemapStyle(origin: string): StyleSpecification {
	const base = origin.replace(/\/$/, '');
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
		{
			id: 'land',
			type: 'fill',
			source: 'basemap',
			'source-layer': 'countries',
			paint: { 'fill-color': BASEMAP_COLOURS.land, 'fill-antialias': false }
		},
		{
			id: 'coastline',
			type: 'line',
			source: 'basemap',
			'source-layer': 'coastline',
			paint: {
				'line-color': BASEMAP_COLOURS.coast,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1]
			}
		},
		{
			id: 'country-borders',
			type: 'line',
			source: 'basemap',
			'source-layer': 'boundaries',
			layout: { 'line-join': 'round' },
			paint: {
				'line-color': BASEMAP_COLOURS.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2]
			}
		},
		{
			id: 'country-labels',
			type: 'symbol',
			source: 'basemap',
			'source-layer': 'country_labels',
			// Bigger countries first; small ones appear as the reader zooms in.
			filter: ['<=', ['get', 'rank'], ['+', 1, ['floor', ['zoom']]]],
			layout: {
				'text-field': ['get', 'name'],
				'text-font': [FONT_REGULAR],
				'text-size': ['interpolate', ['linear'], ['zoom'], 1, 10, 6, 14],
				'text-max-width': 7,
				'text-transform': 'uppercase',
				'text-letter-spacing': 0.08,
				'symbol-sort-key': ['get', 'rank']
			},
			paint: {
				'text-color': BASEMAP_COLOURS.label,
				'text-halo-color': BASEMAP_COLOURS.labelHalo,
				'text-halo-width': 1.2
			}
		}
	];
	return {
		version: 8,
		name: 'Offline Natural Earth',
		glyphs: `${base}/generated/glyphs/{fontstack}/{range}.pbf`,
		sources: {
			basemap: {
				type: 'vector',
				tiles: [`${base}/generated/basemap/tiles/{z}/{x}/{y}.pbf`],
				minzoom: 0,
				// Credited by the page itself (Attribution.svelte), not MapLibre's control, which
				// renders attribution strings as HTML.
				maxzoom: BASEMAP_MAX_TILE_ZOOM
			}
		},
		layers
	};
}
