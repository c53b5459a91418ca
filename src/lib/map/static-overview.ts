/**
 * A static overview map for browsers that cannot run MapLibre (no WebGL): Natural Earth
 * countries and the story's features projected once, at build time, into SVG path data.
 * Pure: the topology and the layers are passed in, the result is plain JSON that
 * `StaticMap.svelte` draws (served as `/overview.json`, prerendered).
 *
 * d3-geo does the spherical work: Mercator like the interactive map, cut at the antimeridian
 * (so Russia does not smear across the map, RECIPES), clipped to the frame, fitted to the
 * story's bounds.
 */
import { geoMercator, geoPath } from 'd3-geo';
import type {
	Feature,
	FeatureCollection,
	Geometry,
	MultiLineString,
	MultiPolygon,
	Point,
	Polygon,
	Position
} from 'geojson';
import { pointOnFeature, simplify } from '@turf/turf';
import Supercluster from 'supercluster';
import { feature, mesh } from 'topojson-client';
import type { GeometryCollection, Topology } from 'topojson-specification';
import { BASEMAP_COLOURS } from './basemap-style';
import { CLAIM_COLOURS, CLUSTER, dashedKinds } from './story-style';
import { BUILT_IN_KINDS, kindStyle, type KindTable, type PointSymbol } from '$lib/story/kinds';

export type BBox = [west: number, south: number, east: number, north: number];

/** What the overview needs of a feature's properties (a compiled feature has all of these). */
export interface OverviewFeatureProperties {
	fid: string;
	event: string;
	title: string;
	kind: string;
	passages: string[];
	label?: string;
	claimedBy?: string;
	/** For uncertainty areas: the feature they surround. */
	of?: string;
}

export interface OverviewLayerInput {
	id: string;
	title: string;
	data: FeatureCollection<Geometry | null, OverviewFeatureProperties>;
}

export interface OverviewInput {
	/** A world-atlas `countries-*.json` topology (Natural Earth; 50m or 110m is enough here). */
	topology: Topology;
	/** The story's layers in draw order. */
	layers: OverviewLayerInput[];
	/** How the story's kinds look and are called (built-in kinds when absent). */
	kinds?: KindTable;
	/** The bounds to frame: [west, south, east, north]. */
	bbox: BBox;
	/** Size of the SVG's coordinate system (its viewBox). */
	width?: number;
	height?: number;
	/** Space around the bounds, in the same units. */
	padding?: number;
	/** Decimals in path data: 1 is a tenth of a unit, invisible at any sensible display size. */
	digits?: number;
	/**
	 * A story with more features than this is summarised: each layer's points are clustered
	 * (`OverviewSummary`), its largest lines and areas (`SHAPES_PER_LAYER`) stay shapes and the
	 * rest join the clusters. A shape and a link for each of 100,000 features made a 7.5 MB
	 * overview, and 1,000,000 features drawn as one path per kind a 38 MB one.
	 */
	summariseAbove?: number;
}

export type OverviewGeometry = 'point' | 'line' | 'area';

export interface OverviewShape {
	/** The feature id. */
	id: string;
	layer: string;
	event: string;
	kind: string;
	/** What the kind is called (the legend's words), for the feature's accessible name. */
	kindLabel: string;
	/** Points: how the kind is marked (`ring` for accounts, `label` for place names). */
	symbol?: PointSymbol;
	title: string;
	/** The same colour the interactive map uses for this kind (claims: by claimant). */
	colour: string;
	geometry: OverviewGeometry;
	/** SVG path data for lines and areas; empty for points (use `x`, `y`). */
	d: string;
	/** A point's position in the viewBox. */
	x?: number;
	y?: number;
	/** Drawn dashed, as on the map (the unflown leg, borders). */
	dashed: boolean;
	/** The feature's first passage: links go to it. */
	passage?: string;
	/** A place name to draw by the point (kind `place`), cut short; the whole text is `title`. */
	label?: string;
	/** For uncertainty areas: the feature they belong to. */
	of?: string;
}

/**
 * The overview's projection: d3's Mercator, `x = translate[0] + scale·λ`,
 * `y = translate[1] − scale·ln(tan(π/4 + φ/2))` (λ, φ in radians), so the browser can place a
 * coordinate on the overview without d3 (`projectOnOverview`, the locator inset).
 */
export interface OverviewProjection {
	scale: number;
	translate: [number, number];
}

/**
 * What a summarised story draws in place of most of its features: clusters, each at the
 * centre of the features it stands for, with how many. Drawn, not linked: the event list
 * and the article still lead to every event.
 */
export interface OverviewSummary {
	id: string;
	layer: string;
	geometry: 'cluster';
	/** The colour of the kind of one of its features (a layer's kinds may be mixed). */
	colour: string;
	x: number;
	y: number;
	count: number;
}

/**
 * In a summarised story, how many lines, areas and multipoints a layer keeps as shapes (the
 * largest on the frame): each is a link with its title and path, about 0.5 KB.
 */
export const SHAPES_PER_LAYER = 200;

export interface StaticOverview {
	width: number;
	height: number;
	projection: OverviewProjection;
	colours: { sea: string; land: string; border: string; coast: string };
	/** Every country, as one path. */
	land: string;
	/** Borders between countries, as one path. */
	borders: string;
	/** Story features, bottom to top: areas, then lines, then points; in layer order within each. */
	shapes: OverviewShape[];
	/** What a summarised story draws (`summariseAbove`): clusters, above the shapes. */
	summaries: OverviewSummary[];
}

const RANK: Record<OverviewGeometry, number> = { area: 0, line: 1, point: 2 };

function geometryKind(g: Geometry): OverviewGeometry | undefined {
	switch (g.type) {
		case 'Point':
		case 'MultiPoint':
			return 'point';
		case 'LineString':
		case 'MultiLineString':
			return 'line';
		case 'Polygon':
		case 'MultiPolygon':
			return 'area';
		default:
			return undefined;
	}
}

/** A label short enough to draw: data can be any length; the full text stays in the title. */
export function shortLabel(text: string, max = 40): string {
	const chars = [...text.trim()];
	return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

/** Twice the signed planar area of a ring in lon/lat: positive when counter-clockwise. */
function ringArea(ring: Position[]): number {
	let sum = 0;
	for (let i = 0; i < ring.length - 1; i++) {
		sum += ring[i][0] * ring[i + 1][1] - ring[i + 1][0] * ring[i][1];
	}
	return sum;
}

/**
 * Rings wound the way d3-geo reads them. RFC 7946 (our data, Turf's circles) winds exterior
 * rings counter-clockwise; d3 treats rings as spherical and takes a counter-clockwise
 * exterior as "everything but this", which would paint the whole world. d3 wants exteriors
 * clockwise and holes counter-clockwise. Returns new arrays: the input is not mutated.
 */
export function rewindForD3(g: Polygon | MultiPolygon): Polygon | MultiPolygon {
	const polygon = (rings: Position[][]) =>
		rings.map((ring, i) => {
			const ccw = ringArea(ring) > 0;
			const wantCcw = i > 0;
			return ccw === wantCcw ? ring.slice() : ring.slice().reverse();
		});
	return g.type === 'Polygon'
		? { type: 'Polygon', coordinates: polygon(g.coordinates) }
		: { type: 'MultiPolygon', coordinates: g.coordinates.map(polygon) };
}

/** A geometry as d3-geo reads it: areas rewound (`rewindForD3`), the rest as they are. */
function d3Geometry(g: Geometry): Geometry {
	return g.type === 'Polygon' || g.type === 'MultiPolygon' ? rewindForD3(g) : g;
}

const round = (n: number, digits: number) => {
	const k = 10 ** digits;
	return Math.round(n * k) / k;
};

/** Where a coordinate lies on the overview (its viewBox units), by the overview's own projection. */
export function projectOnOverview(
	{ scale, translate }: OverviewProjection,
	[lng, lat]: [number, number]
): [number, number] {
	const phi = (Math.max(-85.05113, Math.min(85.05113, lat)) * Math.PI) / 180;
	return [
		translate[0] + (scale * lng * Math.PI) / 180,
		translate[1] - scale * Math.log(Math.tan(Math.PI / 4 + phi / 2))
	];
}

export function staticOverview(input: OverviewInput): StaticOverview {
	const { topology, layers, bbox } = input;
	const kinds = input.kinds ?? BUILT_IN_KINDS;
	const dashed = dashedKinds(kinds);
	const width = input.width ?? 1000;
	const height = input.height ?? 750;
	const padding = input.padding ?? 40;
	const digits = input.digits ?? 1;
	const [west, south, east, north] = bbox;

	// Fitting to the corners (not a bbox polygon) avoids d3's spherical winding rules.
	const projection = geoMercator().fitExtent(
		[
			[padding, padding],
			[width - padding, height - padding]
		],
		{
			type: 'MultiPoint',
			coordinates: [
				[west, south],
				[east, south],
				[east, north],
				[west, north]
			]
		}
	);
	projection.clipExtent([
		[0, 0],
		[width, height]
	]);
	const path = geoPath(projection).digits(digits);

	const countries = topology.objects.countries as GeometryCollection;
	const land = path(feature(topology, countries) as FeatureCollection) ?? '';
	const borders = path(mesh(topology, countries, (a, b) => a !== b) as MultiLineString) ?? '';

	const shapes: (OverviewShape & { order: number })[] = [];
	const summaries: OverviewSummary[] = [];
	// The zoom at which MapLibre's 512-pixel world is as wide as the overview's (d3's Mercator
	// spans 2π·scale units): clusters there look like the map's at its first view.
	const zoom = Math.max(0, Math.round(Math.log2((2 * Math.PI * projection.scale()) / 512)));
	const featureCount = layers.reduce((n, l) => n + l.data.features.length, 0);
	const summarise = input.summariseAbove !== undefined && featureCount > input.summariseAbove;
	// Half a unit on the overview, in degrees: what simplification may move a vertex without it
	// showing. Mercator draws a degree of latitude longer than one of longitude, by 1/cos φ, most
	// at the frame's pole-most edge: the tolerance is taken there.
	const poleward = (Math.min(85, Math.max(Math.abs(south), Math.abs(north))) * Math.PI) / 180;
	const tolerance = (0.5 * Math.cos(poleward)) / ((projection.scale() * Math.PI) / 180);
	layers.forEach((layer, order) => {
		const claimants: string[] = [];
		for (const f of layer.data.features) {
			const by = f.properties.claimedBy;
			if (kinds[f.properties.kind]?.byClaimant && by && !claimants.includes(by)) claimants.push(by);
		}
		if (!summarise) {
			for (const f of layer.data.features) {
				const shape = featureShape(f, layer.id, order, claimants);
				if (shape) shapes.push(shape);
			}
			return;
		}
		// Points are clustered. Lines, areas and multipoints compete for the layer's shapes, the
		// largest on the frame first; the rest join the clusters at a point on themselves, so the
		// overview's size follows the picture, not the story (38 MB at 1,000,000 events when
		// every line and area was drawn).
		const points: Feature<Point, OverviewFeatureProperties>[] = [];
		// Supercluster hands back new features for lone points, with the properties given: these
		// find the line or area a lone point stands for, to draw it as itself.
		const standsFor = new Map<
			OverviewFeatureProperties,
			Feature<Geometry, OverviewFeatureProperties>
		>();
		const candidates: { f: Feature<Geometry, OverviewFeatureProperties>; size: number }[] = [];
		for (const f of layer.data.features) {
			if (!f.geometry) continue;
			// An uncertainty area: the feature it surrounds is drawn or counted already.
			if (f.properties.of) continue;
			if (f.geometry.type === 'Point') {
				points.push(f as Feature<Point, OverviewFeatureProperties>);
				continue;
			}
			const [[x0, y0], [x1, y1]] = path.bounds(d3Geometry(f.geometry));
			candidates.push({
				f: f as Feature<Geometry, OverviewFeatureProperties>,
				size: Math.max(x1 - x0, y1 - y0)
			});
		}
		candidates.sort((a, b) => b.size - a.size);
		candidates.forEach(({ f, size }, i) => {
			// Smaller than a couple of units, a shape is a speck: the cluster shows it better.
			const shape =
				i < SHAPES_PER_LAYER && size >= 2 ? featureShape(f, layer.id, order, claimants) : undefined;
			if (shape) {
				shapes.push(shape);
				return;
			}
			const at: Feature<Point, OverviewFeatureProperties> = {
				type: 'Feature',
				geometry: pointOnFeature(f).geometry,
				properties: f.properties
			};
			// Alone, a speck is drawn as the point that stands for it, where it can be seen.
			if (size >= 2) standsFor.set(f.properties, f);
			points.push(at);
		});
		if (points.length === 0) return;
		const index = new Supercluster<OverviewFeatureProperties>({
			radius: CLUSTER.radius,
			maxZoom: zoom,
			minPoints: 2
		}).load(points);
		for (const c of index.getClusters([-180, -85, 180, 85], zoom)) {
			if (!('cluster' in c.properties && c.properties.cluster)) {
				const shape = featureShape(
					standsFor.get(c.properties as OverviewFeatureProperties) ??
						(c as Feature<Point, OverviewFeatureProperties>),
					layer.id,
					order,
					claimants
				);
				if (shape) shapes.push(shape);
				continue;
			}
			const xy = projection(c.geometry.coordinates as [number, number]);
			if (!xy) continue;
			summaries.push({
				id: `${layer.id}:cluster:${c.properties.cluster_id}`,
				layer: layer.id,
				geometry: 'cluster',
				colour: kindStyle(kinds, points[0].properties.kind).colour,
				x: round(xy[0], digits),
				y: round(xy[1], digits),
				count: c.properties.point_count
			});
		}
	});

	/** A feature's own shape, a link to its event; undefined when it has nothing to draw here. */
	function featureShape(
		f: Feature<Geometry | null, OverviewFeatureProperties>,
		layerId: string,
		order: number,
		claimants: string[]
	): (OverviewShape & { order: number }) | undefined {
		if (!f.geometry) return;
		const geometry = geometryKind(f.geometry);
		if (!geometry) return;
		const p = f.properties;
		const style = kindStyle(kinds, p.kind);
		const colour =
			style.byClaimant && p.claimedBy
				? CLAIM_COLOURS[claimants.indexOf(p.claimedBy) % CLAIM_COLOURS.length]
				: style.colour;
		const shape: OverviewShape & { order: number } = {
			id: p.fid,
			layer: layerId,
			event: p.event,
			kind: p.kind,
			kindLabel: style.label,
			title: p.title,
			colour,
			geometry,
			d: '',
			dashed: dashed.includes(p.kind),
			passage: p.passages[0],
			order
		};
		if (p.of) shape.of = p.of;
		if (geometry === 'point') {
			const at =
				f.geometry.type === 'Point'
					? f.geometry.coordinates
					: (f.geometry as { coordinates: number[][] }).coordinates[0];
			const xy = projection([at[0], at[1]]);
			if (!xy) return;
			shape.x = round(xy[0], digits);
			shape.y = round(xy[1], digits);
			if (style.symbol) shape.symbol = style.symbol;
			// Place names only: at overview scale other labels pile up (six Paris sites).
			if (style.symbol === 'label') shape.label = shortLabel(p.label ?? p.title);
		} else {
			shape.d = path(d3Geometry(simplify(f.geometry, { tolerance }))) ?? '';
			// Wholly outside the frame: nothing to draw or to focus.
			if (!shape.d) return;
		}
		return shape;
	}
	shapes.sort((a, b) => RANK[a.geometry] - RANK[b.geometry] || a.order - b.order);

	const [tx, ty] = projection.translate();
	return {
		width,
		height,
		projection: { scale: projection.scale(), translate: [tx, ty] },
		colours: {
			sea: BASEMAP_COLOURS.sea,
			land: BASEMAP_COLOURS.land,
			border: BASEMAP_COLOURS.border,
			coast: BASEMAP_COLOURS.coast
		},
		land,
		borders,
		shapes: shapes.map(({ order: _order, ...s }) => s),
		summaries
	};
}
