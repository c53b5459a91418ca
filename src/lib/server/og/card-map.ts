/**
 * The map part of a preview image: a Mercator projection fitted to a bbox, and the story's
 * features drawn over the basemap as the story's kind table says (`$lib/story/kinds`: colours,
 * dashes). Pure: returns SVG markup built only from numbers and `#hex` colours (a story's
 * declared colours are checked again by `safeColour`); no other string from the data reaches it (labels are outlines, see `text-paths.ts`).
 */
import { geoMercator, geoPath, type GeoProjection } from 'd3-geo';
import type { Geometry, Polygon, Position } from 'geojson';
import type { Scale } from '$lib/geo/natural-earth';
import { ringSignedArea } from '$lib/geo/coordinates';
import {
	BUILT_IN_KINDS,
	CLAIM_COLOURS,
	FALLBACK_COLOUR,
	kindStyle,
	UNCERTAINTY_KIND,
	type KindTable
} from '$lib/story/kinds';
import type { BBox, CompiledFeature, CompiledProperties } from '$lib/story/compiled';
import { fitLine, measureText, textPathData, type FontStack } from './text-paths';

export interface Rect {
	x: number;
	y: number;
	width: number;
	height: number;
}

/** Mercator's useful latitudes: beyond these the projection runs off to infinity. */
const MAX_LAT = 84;
/**
 * The least the picture shows, in degrees of longitude across the map: an event in one
 * city is framed with its region around it (coasts, borders) so that it reads as a place.
 */
export const MIN_SPAN_DEGREES = 18;
/** Below this visible span (degrees of longitude) the 1:10m basemap is used; above, 1:50m. */
export const DETAIL_SPAN_DEGREES = 30;

/**
 * A Mercator projection that fits `bbox` inside `frame` less `padding`, zoomed out to show at
 * least `MIN_SPAN_DEGREES`, and clipping to the frame.
 */
export function fitProjection(bbox: BBox, frame: Rect, padding = { x: 70, y: 56 }): GeoProjection {
	const [west, south, east, north] = bbox;
	const s = clampLat(Math.min(south, north));
	const n = clampLat(Math.max(south, north));
	const w = Math.min(west, east);
	const e = Math.max(west, east);
	const corners = {
		type: 'MultiPoint' as const,
		coordinates: [
			[w, s],
			[w, n],
			[e, s],
			[e, n]
		]
	};
	const inner: [[number, number], [number, number]] = [
		[frame.x + padding.x, frame.y + padding.y],
		[frame.x + frame.width - padding.x, frame.y + frame.height - padding.y]
	];
	const projection = geoMercator().fitExtent(inner, corners);
	const maxScale = frame.width / ((MIN_SPAN_DEGREES * Math.PI) / 180);
	if (!(projection.scale() <= maxScale)) {
		// Too close (or a single point, where fitting gives Infinity): centre at the least zoom.
		projection.scale(maxScale).translate([0, 0]);
		const [x0, y0] = projection([w, s])!;
		const [x1, y1] = projection([e, n])!;
		projection.translate([
			frame.x + frame.width / 2 - (x0 + x1) / 2,
			frame.y + frame.height / 2 - (y0 + y1) / 2
		]);
	}
	return projection.clipExtent([
		[frame.x - 4, frame.y - 4],
		[frame.x + frame.width + 4, frame.y + frame.height + 4]
	]);
}

function clampLat(lat: number): number {
	return Math.max(-MAX_LAT, Math.min(MAX_LAT, lat));
}

/** The lon/lat box the frame shows (Mercator: the frame's corners, inverted). */
export function visibleBBox(projection: GeoProjection, frame: Rect): BBox {
	const [w, n] = projection.invert!([frame.x, frame.y])!;
	const [e, s] = projection.invert!([frame.x + frame.width, frame.y + frame.height])!;
	return [w, s, e, n];
}

/** Which Natural Earth scale draws a view well: 1:10m close up, 1:50m for a region. */
export function basemapScaleFor(view: BBox): Scale {
	return view[2] - view[0] < DETAIL_SPAN_DEGREES ? '10m' : '50m';
}

/** A palette colour, never anything else (the value ends up in an SVG attribute). */
function safeColour(colour: string | undefined): string {
	return colour && /^#[0-9a-f]{3,8}$/i.test(colour) ? colour : FALLBACK_COLOUR;
}

/** The colour the map gives a feature: by kind, and claims by who makes them (the legend's order). */
export function colourOf(
	p: CompiledProperties,
	claimants: Record<string, string[]>,
	kinds: KindTable = BUILT_IN_KINDS
): string {
	const style = kindStyle(kinds, p.kind);
	if (style.byClaimant && p.claimedBy) {
		const i = claimants[p.layer]?.indexOf(p.claimedBy) ?? -1;
		if (i >= 0) return safeColour(CLAIM_COLOURS[i % CLAIM_COLOURS.length]);
	}
	return safeColour(style.colour);
}

/**
 * d3-geo reads polygon rings by their winding on the sphere: an RFC 7946 ring
 * (counter-clockwise exterior) would be the whole world minus the area. Rewind for d3:
 * exteriors clockwise, holes counter-clockwise (planar, in lon/lat: right for small areas).
 */
export function forD3(geometry: Geometry): Geometry {
	const rewind = (rings: Position[][]) =>
		rings.map((ring, i) => {
			const clockwise = ringSignedArea(ring) < 0;
			return clockwise === (i === 0) ? ring : [...ring].reverse();
		});
	if (geometry.type === 'Polygon')
		return { ...geometry, coordinates: rewind(geometry.coordinates) };
	if (geometry.type === 'MultiPolygon') {
		return { ...geometry, coordinates: geometry.coordinates.map(rewind) };
	}
	return geometry;
}

const isArea = (g: Geometry): g is Polygon | Extract<Geometry, { type: 'MultiPolygon' }> =>
	g.type === 'Polygon' || g.type === 'MultiPolygon';
const isLine = (g: Geometry) => g.type === 'LineString' || g.type === 'MultiLineString';

const fmt = (n: number) => (Math.round(n * 10) / 10).toString();

export interface FeatureMarksInput {
	/** In draw order: later ones on top within each kind of mark. */
	features: CompiledFeature[];
	projection: GeoProjection;
	frame: Rect;
	claimants: Record<string, string[]>;
	/** How the story's kinds look (built-in kinds when absent). */
	kinds?: KindTable;
	/** Font for place labels. */
	labelFont: FontStack;
	/** Rectangles labels must not cover (the credit, the title band). */
	avoid?: Rect[];
}

export const LABEL_SIZE = 22;
const MARKER_RADIUS = 11;
const PLACE_RADIUS = 5;
const MAX_LABEL_WIDTH = 360;
/** Markers of one look closer than this many pixels are drawn once (they cover each other). */
export const MARK_CELL = 3;

/** SVG for the features: areas, then lines, then markers, then place labels on top. */
export function featureMarks({
	features,
	projection,
	frame,
	claimants,
	kinds = BUILT_IN_KINDS,
	labelFont,
	avoid = []
}: FeatureMarksInput): string {
	const path = geoPath(projection).digits(1);
	// Shapes drawn alike are one path (attributes → their outlines), and a marker is drawn once
	// per few pixels and look: the picture's elements grow with the frame, not the story. A
	// 1,000,000-event story's card had more elements than the SVG renderer accepts (1,000,000).
	// Each look is the attributes of the paths drawn for it, bottom first (a line's casing, then
	// its stroke), keyed by those attributes.
	type Look = { attributes: string[]; outlines: string[] };
	const areas = new Map<string, Look>();
	const lines = new Map<string, Look>();
	const add = (shapes: Map<string, Look>, attributes: string[], d: string) => {
		const key = attributes.join('\n');
		const look = shapes.get(key);
		if (look) look.outlines.push(d);
		else shapes.set(key, { attributes, outlines: [d] });
	};
	const drawn = (shapes: Map<string, Look>) =>
		[...shapes.values()].flatMap(({ attributes, outlines }) =>
			pathData(outlines).map((d) => attributes.map((a) => `<path d="${d}" ${a}/>`).join(''))
		);
	const markers: string[] = [];
	const marked = new Set<string>();
	const places: { x: number; y: number; text: string }[] = [];
	const inside = (x: number, y: number) =>
		x >= frame.x && x <= frame.x + frame.width && y >= frame.y && y <= frame.y + frame.height;

	for (const f of features) {
		const g = f.geometry;
		if (!g) continue;
		const p = f.properties;
		const style = kindStyle(kinds, p.kind);
		const colour = colourOf(p, claimants, kinds);
		if (isArea(g)) {
			const d = path(forD3(g));
			if (!d) continue;
			add(
				areas,
				[
					p.kind === UNCERTAINTY_KIND
						? `fill="${colour}" fill-opacity="0.22" stroke="${colour}" stroke-opacity="0.8" stroke-width="2" stroke-dasharray="6 4"`
						: `fill="${colour}" fill-opacity="0.28" stroke="${colour}" stroke-width="2.5"`
				],
				d
			);
		} else if (isLine(g)) {
			const d = path(g);
			if (!d) continue;
			// Lines the map draws thinner than 4 px on purpose (borders) stay thinner here.
			const width = style.width !== undefined && style.width < 4 ? 3 : 4.5;
			const dash = style.dashed ? ' stroke-dasharray="12 8"' : '';
			add(
				lines,
				[
					`fill="none" stroke="#ffffff" stroke-opacity="0.7" stroke-width="${width + 3}" stroke-linecap="round" stroke-linejoin="round"`,
					`fill="none" stroke="${colour}" stroke-width="${width}" stroke-linecap="round" stroke-linejoin="round"${dash}`
				],
				d
			);
		} else if (g.type === 'Point' || g.type === 'MultiPoint') {
			const positions = g.type === 'Point' ? [g.coordinates] : g.coordinates;
			for (const position of positions) {
				const xy = projection(position as [number, number]);
				if (!xy || !inside(xy[0], xy[1])) continue;
				const [x, y] = xy;
				const spot = `${style.symbol}|${colour}|${Math.round(x / MARK_CELL)}|${Math.round(y / MARK_CELL)}`;
				if (marked.has(spot)) continue;
				marked.add(spot);
				if (style.symbol === 'label') {
					markers.push(
						`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${PLACE_RADIUS}" fill="${colour}" stroke="#ffffff" stroke-width="2"/>`
					);
					places.push({ x, y, text: p.label ?? p.title });
				} else {
					markers.push(
						`<circle cx="${fmt(x)}" cy="${fmt(y)}" r="${MARKER_RADIUS}" fill="${colour}" stroke="#ffffff" stroke-width="3"/>`
					);
				}
			}
		}
	}
	return [
		...drawn(areas),
		...drawn(lines),
		...markers,
		placeLabels(places, labelFont, frame, avoid)
	].join('');
}

/**
 * Outlines joined into path data of at most `max` characters each (one outline longer than
 * that stays whole): the SVG parser refuses an attribute over 10,000,000 bytes, which the
 * uncertainty circles of a 1,000,000-event story passed as one path.
 */
export function pathData(outlines: string[], max = 1_000_000): string[] {
	const out: string[] = [];
	let batch: string[] = [];
	let length = 0;
	for (const d of outlines) {
		if (length + d.length > max && batch.length > 0) {
			out.push(batch.join(''));
			batch = [];
			length = 0;
		}
		batch.push(d);
		length += d.length;
	}
	if (batch.length > 0) out.push(batch.join(''));
	return out;
}

/** Place labels beside their dots, right or else left, skipped where they would collide. */
function placeLabels(
	places: { x: number; y: number; text: string }[],
	font: FontStack,
	frame: Rect,
	avoid: Rect[]
): string {
	const taken: Rect[] = [...avoid];
	const paths: string[] = [];
	const size = LABEL_SIZE;
	for (const place of places) {
		const text = fitLine(font, place.text, size, MAX_LABEL_WIDTH);
		const width = measureText(font, text, size);
		const height = size * 1.1;
		const gap = PLACE_RADIUS + 6;
		const candidates: Rect[] = [
			{ x: place.x + gap, y: place.y - height / 2, width, height },
			{ x: place.x - gap - width, y: place.y - height / 2, width, height },
			{ x: place.x - width / 2, y: place.y - gap - height, width, height },
			{ x: place.x - width / 2, y: place.y + gap, width, height }
		];
		const box = candidates.find((r) => within(r, frame) && !taken.some((t) => overlaps(r, t)));
		if (!box) continue;
		taken.push(box);
		// Baseline: the box's bottom less the descent (Noto Sans: ~0.27 em).
		const d = textPathData(font, text, box.x, box.y + height - size * 0.3, size);
		paths.push(d);
	}
	if (paths.length === 0) return '';
	const d = paths.join('');
	return (
		`<path d="${d}" fill="none" stroke="#ffffff" stroke-opacity="0.9" stroke-width="5" stroke-linejoin="round"/>` +
		`<path d="${d}" fill="#2f2b26"/>`
	);
}

function within(r: Rect, frame: Rect): boolean {
	return (
		r.x >= frame.x + 4 &&
		r.y >= frame.y + 4 &&
		r.x + r.width <= frame.x + frame.width - 4 &&
		r.y + r.height <= frame.y + frame.height - 4
	);
}

function overlaps(a: Rect, b: Rect): boolean {
	return a.x < b.x + b.width && b.x < a.x + a.width && a.y < b.y + b.height && b.y < a.y + a.height;
}
