/**
 * The one registry of kinds: what each kind of feature is called, how it is drawn and what it
 * stands for. The kinds the Reuters story needed are built in; a story's `story.json` may
 * relabel or recolour them and declare its own (`resolveKinds`). Everything that draws a kind
 * reads a `KindTable` made here: the MapLibre style and marker icons (`$lib/map`), the legend,
 * the preview images, the static overview, which feature an event opens and how it is framed.
 *
 * Pure and browser-safe: the compiled story carries its table to the pages (`shell.kinds`).
 */

/** Marker shapes a point kind can be drawn with (outlines in `$lib/map/icons`). */
export const MARKER_SHAPES = [
	'triangle',
	'diamond',
	'star',
	'square',
	'cross',
	'hexagon',
	'circle'
] as const;
export type MarkerShape = (typeof MARKER_SHAPES)[number];

/**
 * What a point kind is drawn with: a marker shape (an icon), a `ring` (an account of where
 * something happened, not a located fact: claims) or, built in only, a `label` (a place name).
 */
export const POINT_SYMBOLS = [...MARKER_SHAPES, 'ring'] as const;
export type PointSymbol = (typeof POINT_SYMBOLS)[number] | 'label';

export const KIND_GEOMETRIES = ['point', 'line', 'area'] as const;
export type KindGeometry = (typeof KIND_GEOMETRIES)[number];

/**
 * `event`: the feature locates what happened (an event's page can open it, its frame holds it).
 * `context`: it sets the event in context (a border, a leg never flown, a place name).
 */
export const KIND_ROLES = ['event', 'context'] as const;
export type KindRole = (typeof KIND_ROLES)[number];

export interface KindStyle {
	label: string;
	geometry: KindGeometry;
	/** #rrggbb. */
	colour: string;
	role: KindRole;
	/** Points: what marks them. */
	symbol?: PointSymbol;
	/** Lines: dashed (what never happened, generalised lines). */
	dashed?: boolean;
	/** Lines: chevrons along the line show the direction the coordinates run. */
	arrows?: boolean;
	/** Lines: width in px when not highlighted (default 2.5). */
	width?: number;
	/** Lines: opacity (default 1). */
	opacity?: number;
	/** An allegation: a feature of this kind must say who makes it (`claimedBy`). */
	claimed?: boolean;
	/** Coloured by who makes the claim (`CLAIM_COLOURS`, in data order) rather than by kind. */
	byClaimant?: boolean;
}

/** Kind id → how it looks. */
export type KindTable = Record<string, KindStyle>;

/** The kind of the uncertainty circles the loader derives (never authored). */
export const UNCERTAINTY_KIND = 'uncertainty';
/** The kind of place names (a label, no uncertainty circle, not an event's place). */
export const PLACE_KIND = 'place';
/** Claims: rings coloured by who makes them. */
export const CLAIM_KIND = 'claim';

/** What an unknown kind is drawn in (never in a valid story: the validator refuses it). */
export const FALLBACK_COLOUR = '#555555';

/**
 * The built-in kinds. Colours: Okabe & Ito's colour-blind-safe set; shapes and dashes carry
 * the same distinctions, so no reading depends on colour alone.
 */
export const BUILT_IN_KINDS: KindTable = {
	attack: {
		label: 'Attack',
		geometry: 'point',
		colour: '#D55E00',
		role: 'event',
		symbol: 'triangle'
	},
	crash: {
		label: 'Plane crash',
		geometry: 'point',
		colour: '#CC79A7',
		role: 'event',
		symbol: 'diamond'
	},
	shootdown: {
		label: 'Jet shot down',
		geometry: 'point',
		colour: '#E69F00',
		role: 'event',
		symbol: 'star'
	},
	diplomacy: {
		label: 'Diplomacy',
		geometry: 'point',
		colour: '#0072B2',
		role: 'event',
		symbol: 'square'
	},
	airstrike: {
		label: 'Air strikes',
		geometry: 'point',
		colour: '#000000',
		role: 'event',
		symbol: 'cross'
	},
	airbase: {
		label: 'Air base',
		geometry: 'point',
		colour: '#56B4E9',
		role: 'event',
		symbol: 'hexagon'
	},
	'smuggling-route': {
		label: 'Alleged smuggling route (arrows show direction)',
		geometry: 'line',
		colour: '#009E73',
		role: 'event',
		arrows: true,
		width: 4,
		opacity: 0.8,
		claimed: true
	},
	'oil-field': {
		label: 'Oil area',
		geometry: 'point',
		colour: '#009E73',
		role: 'event',
		symbol: 'circle'
	},
	[CLAIM_KIND]: {
		label: 'Disputed claim (ring)',
		geometry: 'point',
		colour: '#882255',
		role: 'event',
		symbol: 'ring',
		claimed: true,
		byClaimant: true
	},
	border: {
		label: 'Border',
		geometry: 'line',
		colour: '#6b4f3a',
		role: 'context',
		dashed: true,
		width: 3
	},
	'flight-path': {
		label: 'Flight path, flown',
		geometry: 'line',
		colour: '#444444',
		role: 'event',
		arrows: true
	},
	'flight-path-unflown': {
		label: 'Flight path, never flown (dashed)',
		geometry: 'line',
		colour: '#444444',
		role: 'context',
		dashed: true
	},
	[UNCERTAINTY_KIND]: {
		label: 'Uncertainty area (translucent)',
		geometry: 'area',
		colour: '#7a6f9b',
		role: 'context'
	},
	[PLACE_KIND]: {
		label: 'Place name',
		geometry: 'point',
		colour: '#2f2b26',
		role: 'context',
		symbol: 'label'
	}
};

/** Claims by different parties get different colours, in the order the data lists them. */
export const CLAIM_COLOURS = ['#882255', '#0072B2', '#D55E00', '#009E73'];

/**
 * Colours for declared kinds that name none, in this order, skipping those the story's kinds
 * already use: Okabe & Ito's and Paul Tol's colour-blind-safe sets, keeping only the colours
 * that reach 3:1 contrast against the land (checked in tests/unit/story-kinds.test.ts).
 */
export const KIND_PALETTE = [
	'#332288',
	'#117733',
	'#AA4499',
	'#CC6677',
	'#0072B2',
	'#D55E00',
	'#882255',
	'#009E73',
	'#000000'
];

/** The minimum contrast (WCAG 2 ratio) of a declared colour against the land: non-text, 1.4.11. */
export const MIN_CONTRAST = 3;

export const HEX_COLOUR = /^#[0-9a-fA-F]{6}$/;

/** WCAG 2 relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
	const [r, g, b] = [1, 3, 5].map((i) => {
		const c = parseInt(hex.slice(i, i + 2), 16) / 255;
		return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
	});
	return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG 2 contrast ratio of two #rrggbb colours (1 to 21). */
export function contrastRatio(a: string, b: string): number {
	const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
	return (hi + 0.05) / (lo + 0.05);
}

/** A kind's style, or a grey dot for a kind the table lacks (drawn, never thrown on). */
export function kindStyle(kinds: KindTable, kind: string): KindStyle {
	return kinds[kind] ?? { label: kind, geometry: 'point', colour: FALLBACK_COLOUR, role: 'event' };
}

/** Kind ids of a table that match: the style expressions and icons are built from these. */
export const kindsWhere = (kinds: KindTable, test: (style: KindStyle) => boolean): string[] =>
	Object.entries(kinds)
		.filter(([, style]) => test(style))
		.map(([id]) => id);

/** Point kinds drawn as a marker icon (`marker-<kind>` images). */
export const iconKinds = (kinds: KindTable) =>
	kindsWhere(
		kinds,
		(s) => s.geometry === 'point' && (MARKER_SHAPES as readonly string[]).includes(s.symbol ?? '')
	);

/** Whether features of this kind locate an event (else they give context). */
export const isEventKind = (kinds: KindTable, kind: string) =>
	kindStyle(kinds, kind).role === 'event';

/** What two kinds look like on the map: two kinds with the same look cannot be told apart. */
export function lookOf(style: KindStyle): string {
	const mark =
		style.geometry === 'point'
			? (style.symbol ?? 'circle')
			: style.geometry === 'line'
				? `${style.dashed ? 'dashed' : 'solid'}${style.arrows ? '+arrows' : ''}`
				: 'fill';
	return `${style.geometry} ${mark} ${style.colour.toLowerCase()}`;
}
