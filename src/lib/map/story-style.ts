/**
 * MapLibre sources and layers for the story's GeoJSON layers, styled by `kind`.
 * Pure: the map component adds what this returns; tests check the expressions.
 *
 * Palette: Okabe & Ito's colour-blind-safe set, plus shape and dash differences so that
 * no distinction rests on colour alone.
 */
import type {
	AddLayerObject,
	ExpressionSpecification,
	FilterSpecification,
	GeoJSONSourceSpecification,
	VectorSourceSpecification
} from 'maplibre-gl';
import { FONT_BOLD, FONT_REGULAR } from './basemap-style';
import { UNCERTAINTY_LAYER } from '$lib/story/compiled';
import {
	CLAIM_COLOURS,
	FALLBACK_COLOUR,
	iconKinds,
	kindStyle,
	kindsWhere,
	UNCERTAINTY_KIND,
	type KindTable
} from '$lib/story/kinds';

export { CLAIM_COLOURS } from '$lib/story/kinds';

/** What the style needs to know about a layer (a compiled layer without its data). */
export interface StyleLayerInput {
	id: string;
	cluster: boolean;
	hidden: boolean;
	kinds: string[];
	/** Distinct `claimedBy` values of the layer's claim features, in data order. */
	claimants?: string[];
	/** How many features the layer has (a dense layer of doubt is drawn from a closer zoom). */
	featureCount?: number;
	/** Served as vector tiles (`$lib/map/story-tiles`), not as one GeoJSON file. */
	tiled?: boolean;
}

/**
 * Uncertainty circles in a layer denser than this are drawn from `DENSE_DOUBT_MINZOOM` on:
 * thousands of circles of a few kilometres are specks at a country's scale, and uploading
 * their outlines to the GPU froze the page for 1–2 s (bench/, 100,000 events). The real story
 * has a handful and draws them at every zoom.
 */
export const DENSE_DOUBT = 1000;
export const DENSE_DOUBT_MINZOOM = 6;

export const sourceId = (layerId: string) => `story-${layerId}`;

/** MapLibre layer ids for one story layer. Stable: tests and the legend use them. */
export const mapLayerIds = (layerId: string) => ({
	fill: `story-${layerId}-fill`,
	outline: `story-${layerId}-outline`,
	line: `story-${layerId}-line`,
	lineDashed: `story-${layerId}-line-dashed`,
	arrows: `story-${layerId}-arrows`,
	points: `story-${layerId}-points`,
	icons: `story-${layerId}-icons`,
	halo: `story-${layerId}-halo`,
	labels: `story-${layerId}-labels`,
	lineLabels: `story-${layerId}-line-labels`,
	clusters: `story-${layerId}-clusters`,
	clusterCount: `story-${layerId}-cluster-count`
});

/** The map layers a reader can hover and click (clusters included). */
export function interactiveLayerIds(layers: StyleLayerInput[]): string[] {
	return layers.flatMap((l) => {
		const ids = mapLayerIds(l.id);
		const out = [ids.icons, ids.points, ids.line, ids.lineDashed, ids.fill];
		if (l.cluster) out.push(ids.clusters);
		return out;
	});
}

/** Whether a feature's kind is one of `kinds`. */
const kindIn = (kinds: string[]): ExpressionSpecification => [
	'in',
	['get', 'kind'],
	['literal', kinds]
];

/**
 * `case` over kinds: the value of the first kind that has one, else `fallback`. A table
 * without such kinds gives the fallback alone (a `case` needs a condition).
 */
function byKindCase(
	pairs: [kind: string, value: number][],
	fallback: number,
	before: unknown[] = []
): ExpressionSpecification | number {
	const conditions = pairs.flatMap(([kind, value]) => [['==', ['get', 'kind'], kind], value]);
	if (before.length + conditions.length === 0) return fallback;
	return ['case', ...before, ...conditions, fallback] as unknown as ExpressionSpecification;
}

/** A `match` expression from kind to colour; claims are coloured by who makes them. */
export function colourExpression(
	kinds: KindTable,
	claimants: string[] = []
): ExpressionSpecification {
	const entries = Object.entries(kinds);
	const byKind: ExpressionSpecification =
		entries.length === 0
			? (FALLBACK_COLOUR as unknown as ExpressionSpecification)
			: ([
					'match',
					['get', 'kind'],
					...entries.flatMap(([kind, style]) => [kind, style.colour]),
					FALLBACK_COLOUR
				] as unknown as ExpressionSpecification);
	const byClaimant = kindsWhere(kinds, (k) => !!k.byClaimant);
	if (claimants.length === 0 || byClaimant.length === 0) return byKind;
	return [
		'case',
		kindIn(byClaimant),
		[
			'match',
			['coalesce', ['get', 'claimedBy'], ''],
			...claimants.flatMap((c, i) => [c, CLAIM_COLOURS[i % CLAIM_COLOURS.length]]),
			byKind
		],
		byKind
	] as unknown as ExpressionSpecification;
}

const isPolygon: ExpressionSpecification = ['==', ['geometry-type'], 'Polygon'];
const isLine: ExpressionSpecification = ['==', ['geometry-type'], 'LineString'];
const isPoint: ExpressionSpecification = ['==', ['geometry-type'], 'Point'];
const notCluster: ExpressionSpecification = ['!', ['has', 'point_count']];
/** Kinds drawn dashed (built in: what never happened, the unflown leg, and generalised lines, borders). */
export const dashedKinds = (kinds: KindTable) =>
	kindsWhere(kinds, (k) => k.geometry === 'line' && !!k.dashed);
/** Highlighted features (hovered passage, selection) are drawn heavier. */
const highlighted: ExpressionSpecification = ['boolean', ['feature-state', 'highlight'], false];

/**
 * Whether a layer's points are clustered in a view. Not while a time window is set: a cluster
 * is made in MapLibre's worker from every point of the source, before any layer filter, so it
 * would go on counting (and drawing) points outside the window.
 */
export const clustered = (layer: StyleLayerInput, inTime: FilterSpecification | null) =>
	layer.cluster && !inTime;

/** How points cluster, in pixels and zooms: the GeoJSON source's options and the tiler's. */
export const CLUSTER = { radius: 40, maxZoom: 11 } as const;
/** A tiled layer's deepest tiles: one zoom past the clusters, where every point stands alone. */
export const TILE_MAX_ZOOM = CLUSTER.maxZoom + 1;
/** The one layer inside a story tile. */
export const STORY_TILE_LAYER = 'features';
/** A clustered layer's two tile sets; other layers have `all` only. */
export type TileSet = 'all' | 'clusters';
/** Where a tile of a set is: deeper than the clusters, a clustered layer's two sets are one. */
export const tileSource = (set: TileSet, z: number): TileSet =>
	set === 'clusters' && z > CLUSTER.maxZoom ? 'all' : set;
/** The deepest zoom a set has tiles of. */
export const setMaxZoom = (set: TileSet) => (set === 'clusters' ? CLUSTER.maxZoom : TILE_MAX_ZOOM);
/** The protocol a tiled layer's tiles are asked through (`$lib/map/story-tile-protocol`). */
export const STORY_TILE_PROTOCOL = 'story-tiles';

/** Where a layer's files are: its GeoJSON, or its tiles and their index. */
export const layerData = (origin: string, layerId: string) => ({
	geojson: `${origin}/data/${layerId}.geojson`,
	index: `${origin}/data/${layerId}/tiles.json`,
	tile: (set: TileSet, z: number | string, x: number | string, y: number | string) =>
		`${origin}/data/${layerId}/${set}/${z}/${x}/${y}.pbf`
});

/** A tiled layer's tile URL template for MapLibre, through the story's tile protocol. */
export const tileTemplate = (layerId: string, set: TileSet) =>
	`${STORY_TILE_PROTOCOL}://${layerId}/${set}/{z}/{x}/{y}`;

/** The tile set a tiled layer draws from in a view: clusters unless a time window is set. */
export const tileSet = (layer: StyleLayerInput, inTime: FilterSpecification | null): TileSet =>
	clustered(layer, inTime) ? 'clusters' : 'all';

export function storySource(
	layer: StyleLayerInput,
	origin: string,
	inTime: FilterSpecification | null = null
): GeoJSONSourceSpecification | VectorSourceSpecification {
	// Feature-state (highlighting) needs an id MapLibre keeps: ours are strings.
	if (layer.tiled)
		return {
			type: 'vector',
			tiles: [tileTemplate(layer.id, tileSet(layer, inTime))],
			maxzoom: TILE_MAX_ZOOM,
			promoteId: 'fid'
		};
	return {
		type: 'geojson',
		data: layerData(origin, layer.id).geojson,
		promoteId: 'fid',
		...(clustered(layer, inTime)
			? { cluster: true, clusterRadius: CLUSTER.radius, clusterMaxZoom: CLUSTER.maxZoom }
			: {})
	};
}

/** What a view shows of a story layer: whether it is on, and the time window as a filter. */
export interface LayerShowing {
	visible: boolean;
	/** `timeFilter` of the window (`$lib/map/source-data`); null lets every date through. */
	inTime: FilterSpecification | null;
}

/** A map layer's own filter with the time window's added. */
export function filterInTime(
	base: FilterSpecification | undefined,
	inTime: FilterSpecification | null
): FilterSpecification | null {
	if (!inTime) return base ?? null;
	return base
		? (['all', base, inTime] as ExpressionSpecification)
		: (inTime as ExpressionSpecification);
}

/**
 * A story layer's map layers as a view shows them. The map is created from these, so a
 * link's layers and time window are drawn from the first frame, not patched in after the
 * style has loaded (which a cold start used to miss).
 */
export function shownLayers(
	layer: StyleLayerInput,
	show: LayerShowing,
	kinds: KindTable
): AddLayerObject[] {
	// storyLayers makes style layers only (never custom ones): each has a layout and a filter.
	type StyleLayer = AddLayerObject & { layout?: object; filter?: FilterSpecification };
	return storyLayers(layer, kinds).map((l: StyleLayer) => {
		const out: StyleLayer = {
			...l,
			layout: { ...l.layout, visibility: show.visible ? 'visible' : 'none' }
		};
		const filter = filterInTime(l.filter, show.inTime);
		if (filter) out.filter = filter;
		return out;
	});
}

/** The map layers of one story layer, drawn as the story's kind table says. */
export function storyLayers(layer: StyleLayerInput, kinds: KindTable): AddLayerObject[] {
	const ids = mapLayerIds(layer.id);
	const source = sourceId(layer.id);
	const colour = colourExpression(kinds, layer.claimants);
	const isDashed = kindIn(dashedKinds(kinds));
	/** Point kinds drawn as shaped icons (the rest, claims above all, are circles and rings). */
	const hasIcon = kindIn(iconKinds(kinds));
	/** Accounts rather than located facts: rings, not dots. */
	const isRing = kindIn(kindsWhere(kinds, (k) => k.symbol === 'ring'));
	/** Place names: drawn as text. */
	const isLabel = kindIn(kindsWhere(kinds, (k) => k.symbol === 'label'));
	const arrowKinds = kindsWhere(kinds, (k) => k.geometry === 'line' && !!k.arrows);
	const widths = Object.entries(kinds)
		.filter(([, k]) => k.width !== undefined)
		.map(([id, k]): [string, number] => [id, k.width!]);
	const opacities = Object.entries(kinds)
		.filter(([, k]) => k.opacity !== undefined)
		.map(([id, k]): [string, number] => [id, k.opacity!]);
	const visibility = layer.hidden ? 'none' : 'visible';
	const dense = layer.id === UNCERTAINTY_LAYER && (layer.featureCount ?? 0) > DENSE_DOUBT;
	const out: AddLayerObject[] = [
		{
			id: ids.fill,
			type: 'fill',
			source,
			filter: isPolygon,
			layout: { visibility },
			paint: {
				'fill-color': colour,
				// Uncertainty areas are translucent so what lies beneath stays readable.
				'fill-opacity': [
					'case',
					highlighted,
					0.35,
					['==', ['get', 'kind'], UNCERTAINTY_KIND],
					0.14,
					0.22
				]
			}
		},
		{
			id: ids.outline,
			type: 'line',
			source,
			filter: isPolygon,
			layout: { visibility },
			paint: {
				'line-color': colour,
				'line-width': ['case', highlighted, 2.5, 1],
				'line-dasharray': [2, 2]
			}
		},
		{
			id: ids.line,
			type: 'line',
			source,
			filter: ['all', isLine, ['!', isDashed]],
			layout: { visibility, 'line-cap': 'round', 'line-join': 'round' },
			paint: {
				'line-color': colour,
				'line-width': byKindCase(widths, 2.5, [highlighted, 6]),
				'line-opacity': byKindCase(opacities, 1)
			}
		},
		{
			id: ids.lineDashed,
			type: 'line',
			source,
			filter: ['all', isLine, isDashed],
			layout: { visibility },
			paint: {
				'line-color': colour,
				'line-width': ['case', highlighted, 5, 2.5],
				'line-dasharray': [3, 2]
			}
		},
		{
			// A ring under a highlighted marker: icon size cannot follow feature-state.
			// Of size 0 elsewhere, not merely transparent: a transparent circle is still
			// drawn, pixel by pixel, under every point (at a million events, most of a frame).
			id: ids.halo,
			type: 'circle',
			source,
			filter: ['all', isPoint, notCluster, ['!', isLabel]],
			layout: { visibility },
			paint: {
				'circle-radius': ['case', highlighted, 15, 0],
				'circle-color': '#ffffff',
				'circle-opacity': ['case', highlighted, 0.7, 0],
				'circle-stroke-color': '#1f1d1a',
				'circle-stroke-width': ['case', highlighted, 2, 0],
				'circle-stroke-opacity': ['case', highlighted, 1, 0]
			}
		},
		{
			id: ids.points,
			type: 'circle',
			source,
			filter: ['all', isPoint, notCluster, ['!', isLabel], ['!', hasIcon]],
			layout: { visibility },
			paint: {
				'circle-color': colour,
				'circle-radius': ['case', isRing, 6, 7],
				'circle-stroke-color': ['case', isRing, colour, '#ffffff'],
				'circle-stroke-width': ['case', isRing, 3, 2],
				// Claims are rings, not dots: an account, not a located fact.
				'circle-opacity': ['case', isRing, 0.15, 1]
			}
		},
		{
			id: ids.icons,
			type: 'symbol',
			source,
			filter: ['all', isPoint, notCluster, hasIcon],
			layout: {
				visibility,
				'icon-image': ['concat', 'marker-', ['get', 'kind']],
				'icon-allow-overlap': true,
				'icon-ignore-placement': true
			}
		},
		{
			id: ids.labels,
			type: 'symbol',
			source,
			filter: ['all', isPoint, notCluster, ['any', isLabel, ['has', 'label']]],
			layout: {
				visibility,
				'text-field': ['coalesce', ['get', 'label'], ['get', 'title']],
				'text-font': ['case', isLabel, ['literal', [FONT_BOLD]], ['literal', [FONT_REGULAR]]],
				'text-size': ['case', isLabel, 13, 12],
				'text-anchor': ['case', isLabel, 'center', 'left'],
				'text-offset': ['case', isLabel, ['literal', [0, 0]], ['literal', [0.9, 0]]],
				'text-max-width': 10,
				'text-optional': true
			},
			paint: {
				// Place names in their kind's colour (never a claimant's).
				'text-color': colour,
				'text-halo-color': '#ffffff',
				'text-halo-width': 1.5
			}
		}
	];
	// Lines that carry a label say what they are along their length ("Alleged western route").
	out.push({
		id: ids.lineLabels,
		type: 'symbol',
		source,
		filter: ['all', isLine, ['has', 'label']],
		layout: {
			visibility,
			'symbol-placement': 'line',
			'symbol-spacing': 400,
			'text-field': ['get', 'label'],
			'text-font': [FONT_REGULAR],
			'text-size': 11,
			'text-offset': [0, -0.9],
			'text-max-angle': 30,
			'text-optional': true
		},
		paint: { 'text-color': colour, 'text-halo-color': '#ffffff', 'text-halo-width': 1.5 }
	});
	if (layer.kinds.some((k) => arrowKinds.includes(k))) {
		// Direction of travel: chevrons along the line, pointing the way the coordinates run.
		out.push({
			id: ids.arrows,
			type: 'symbol',
			source,
			filter: ['all', isLine, kindIn(arrowKinds)],
			layout: {
				visibility,
				'symbol-placement': 'line',
				'symbol-spacing': 80,
				'text-field': '›',
				'text-font': [FONT_BOLD],
				'text-size': 22,
				'text-keep-upright': false,
				'text-allow-overlap': true,
				'text-ignore-placement': true
			},
			paint: { 'text-color': colour, 'text-halo-color': '#ffffff', 'text-halo-width': 1 }
		});
	}
	if (layer.cluster) {
		out.push(
			{
				id: ids.clusters,
				type: 'circle',
				source,
				filter: ['has', 'point_count'],
				layout: { visibility },
				paint: {
					'circle-color': kindStyle(kinds, layer.kinds[0]).colour,
					'circle-radius': 14,
					'circle-stroke-color': '#ffffff',
					'circle-stroke-width': 2
				}
			},
			{
				id: ids.clusterCount,
				type: 'symbol',
				source,
				filter: ['has', 'point_count'],
				layout: {
					visibility,
					'text-field': ['get', 'point_count_abbreviated'],
					'text-font': [FONT_BOLD],
					'text-size': 13,
					'text-allow-overlap': true
				},
				paint: { 'text-color': '#ffffff' }
			}
		);
	}
	const tiled = layer.tiled ? out.map((l) => ({ ...l, 'source-layer': STORY_TILE_LAYER })) : out;
	return dense ? tiled.map((l) => ({ ...l, minzoom: DENSE_DOUBT_MINZOOM })) : tiled;
}
