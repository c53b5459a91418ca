/**
 * The offline basemap as a MapLibre style: Natural Earth vector tiles and SDF glyphs
 * generated at build time (scripts/basemap, scripts/glyphs) and served from our own origin.
 * Pure: takes the origin, returns a style spec, so it can be unit-tested without a browser.
 */
import type { StyleSpecification, LayerSpecification } from 'maplibre-gl';

/**
 * World tiles exist for z0–6 (scripts/basemap/config.js MAX_ZOOM); MapLibre overzooms them
 * beyond. The story's regions have detail tiles from z7 to BASEMAP_DETAIL_MAX_ZOOM (DETAIL_MAX_ZOOM
 * there); the map stops OVERZOOM levels deeper, where a town's label still means something and
 * before 1:10m coasts turn into visible straight segments.
 */
export const BASEMAP_MAX_TILE_ZOOM = 6;
export const BASEMAP_DETAIL_MAX_ZOOM = 10;
const OVERZOOM = 2;
export const MAP_MIN_ZOOM = 1;
export const MAP_MAX_ZOOM = BASEMAP_DETAIL_MAX_ZOOM + OVERZOOM;

/** The story's regions as the basemap generator wrote them (`detail` in its metadata.json). */
export interface BasemapDetail {
	minzoom: number;
	maxzoom: number;
	/** One box per detail source: every tile inside exists (MapLibre asks for no others). */
	bounds: [number, number, number, number][];
}

export const FONT_REGULAR = 'Noto Sans Regular';
export const FONT_BOLD = 'Noto Sans Bold';

/** Colours chosen so the story's colour-blind-safe palette stands out on a quiet base. */
export const BASEMAP_COLOURS = {
	sea: '#d6e4ea',
	land: '#f4f1ea',
	border: '#a49c91',
	coast: '#8fa9b5',
	label: '#5d5a55',
	place: '#3f3c37',
	labelHalo: '#f4f1ea'
} as const;

/** The land layers of one source: fill, coast, borders. */
function landLayers(source: string, suffix: string, minzoom?: number): LayerSpecification[] {
	const zoom = minzoom === undefined ? {} : { minzoom };
	return [
		{
			id: `land${suffix}`,
			type: 'fill',
			source,
			'source-layer': 'countries',
			...zoom,
			paint: { 'fill-color': BASEMAP_COLOURS.land, 'fill-antialias': false }
		},
		{
			id: `coastline${suffix}`,
			type: 'line',
			source,
			'source-layer': 'coastline',
			...zoom,
			paint: {
				'line-color': BASEMAP_COLOURS.coast,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.4, 6, 1, 12, 1.4]
			}
		},
		{
			id: `country-borders${suffix}`,
			type: 'line',
			source,
			'source-layer': 'boundaries',
			layout: { 'line-join': 'round' },
			...zoom,
			paint: {
				'line-color': BASEMAP_COLOURS.border,
				'line-width': ['interpolate', ['linear'], ['zoom'], 1, 0.5, 6, 1.2, 12, 1.6]
			}
		}
	];
}

/**
 * Towns and cities (GeoNames): a tile holds only the places of its zoom and shallower, so no
 * filter is needed; bigger places (lower rank) claim their space first, and MapLibre hides
 * labels that would collide.
 */
function placeLayer(source: string, suffix: string, minzoom?: number): LayerSpecification {
	return {
		id: `places${suffix}`,
		type: 'symbol',
		source,
		'source-layer': 'places',
		...(minzoom === undefined ? {} : { minzoom }),
		layout: {
			'text-field': ['get', 'name'],
			'text-font': [FONT_REGULAR],
			'text-size': ['interpolate', ['linear'], ['get', 'rank'], 1, 13, 8, 11],
			'text-max-width': 8,
			'text-padding': 4,
			'symbol-sort-key': ['get', 'rank']
		},
		paint: {
			'text-color': BASEMAP_COLOURS.place,
			'text-halo-color': BASEMAP_COLOURS.labelHalo,
			'text-halo-width': 1.4
		}
	};
}

/** Source id of the i-th detail area. */
export const detailSourceId = (i: number) => `basemap-detail-${i}`;

/** Ids of the layers drawing towns and cities, world and detail. */
export function placeLayerIds(detail?: BasemapDetail | null): string[] {
	return ['places', ...(detail?.bounds ?? []).map((_, i) => `places-detail-${i}`)];
}

/**
 * `detail`: the story's regions (from the generator's metadata): each area is a source of its
 * own, since MapLibre takes one `bounds` per source and must ask for no tile that was not cut.
 * Over an area from its first zoom, a cover in the sea's colour hides the overzoomed world tiles
 * and the area's 1:10m land and places are drawn on it.
 */
export function basemapStyle(origin: string, detail?: BasemapDetail | null): StyleSpecification {
	const base = origin.replace(/\/$/, '');
	const tiles = [`${base}/generated/basemap/tiles/{z}/{x}/{y}.pbf`];
	const areas = detail?.bounds ?? [];
	const detailLayers: LayerSpecification[] = areas.flatMap((_, i) => [
		{
			id: `detail-cover-${i}`,
			type: 'fill',
			source: detailSourceId(i),
			'source-layer': 'detail_cover',
			minzoom: detail!.minzoom,
			paint: { 'fill-color': BASEMAP_COLOURS.sea, 'fill-antialias': false }
		} satisfies LayerSpecification,
		...landLayers(detailSourceId(i), `-detail-${i}`, detail!.minzoom)
	]);
	const layers: LayerSpecification[] = [
		{ id: 'sea', type: 'background', paint: { 'background-color': BASEMAP_COLOURS.sea } },
		...landLayers('basemap', ''),
		...detailLayers,
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
		},
		placeLayer('basemap', ''),
		...areas.map((_, i) => placeLayer(detailSourceId(i), `-detail-${i}`, detail!.minzoom))
	];
	const sources: StyleSpecification['sources'] = {
		basemap: {
			type: 'vector',
			tiles,
			minzoom: 0,
			// Credited by the page itself (Attribution.svelte), not MapLibre's control, which
			// renders attribution strings as HTML.
			maxzoom: BASEMAP_MAX_TILE_ZOOM
		}
	};
	areas.forEach((bounds, i) => {
		sources[detailSourceId(i)] = {
			type: 'vector',
			tiles,
			bounds,
			minzoom: detail!.minzoom,
			maxzoom: detail!.maxzoom
		};
	});
	return {
		version: 8,
		name: 'Offline Natural Earth',
		glyphs: `${base}/generated/glyphs/{fontstack}/{range}.pbf`,
		sources,
		layers
	};
}
