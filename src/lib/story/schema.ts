/**
 * The data model of a story in `geo/`, as zod schemas. This file is the contract between
 * the data (geo/README.md documents it for authors) and the app: the loader validates
 * every file against it and the compiled story the app receives is typed from it.
 *
 * Only shape is checked here; objects the data defines are strict, so a misspelt field
 * ("passage" for "passages") is reported instead of silently ignored. Checks that need more than one value (a quote found in its
 * passages, a point inside its country, unique ids) live in `validate.ts`, so that every
 * problem can be reported at once with its file and feature id.
 */
import { z } from 'zod';
import { HEX_COLOUR, KIND_GEOMETRIES, KIND_ROLES, POINT_SYMBOLS } from './kinds';

/** Stable kebab-case ids: they appear in URLs (`/events/<id>/`, `layers=`), so they are an API. */
export const slug = z
	.string()
	.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be kebab-case: lowercase letters, digits and dashes');

export const passageId = z.string().regex(/^p[1-9][0-9]*$/, 'must look like p1, p2, …');

/**
 * ISO 8601 dates with their precision: a day (`2015-11-13`), a month (`2015-11`), a year,
 * or an interval for ongoing things (`2015-09-30/2015-11-27`; an open end is `..`, as in
 * ISO 8601-2: `2015-09-30/..`). Calendar validity (no 31 February) is checked in `dates.ts`.
 */
const isoDay = /^\d{4}(?:-\d{2}(?:-\d{2})?)?$/;
export const storyDate = z.string().refine((s) => {
	const parts = s.split('/');
	if (parts.length === 1) return isoDay.test(s);
	if (parts.length !== 2) return false;
	const [a, b] = parts;
	return (
		(isoDay.test(a) || a === '..') && (isoDay.test(b) || b === '..') && !(a === '..' && b === '..')
	);
}, 'must be an ISO date (YYYY, YYYY-MM or YYYY-MM-DD) or an interval start/end, with .. for an open end');

/**
 * What a feature is: a built-in kind or one the story declares in story.json (`kinds.ts` is
 * the registry; the validator checks the id against it, naming the kinds there are).
 */
export const kind = slug;
export type Kind = string;

export const precisions = ['exact', 'approximate', 'disputed'] as const;
export const precision = z.enum(precisions);
export type Precision = z.infer<typeof precision>;

/** Where a coordinate or claim comes from. Only http(s) URLs are ever rendered as links. */
export const source = z
	.object({
		title: z.string().min(1),
		url: z.string().optional(),
		note: z.string().optional()
	})
	.strict();
export type Source = z.infer<typeof source>;

/** A figure the article gives ("130 killed"), shown in popups. */
export const figure = z
	.object({
		value: z.number().finite(),
		unit: z.string().min(1),
		passage: passageId.optional()
	})
	.strict();
export type Figure = z.infer<typeof figure>;

/**
 * Geometry that the loader derives with Turf instead of an author drawing it.
 * A feature carrying `derive` has `"geometry": null` in the file (RFC 7946 allows it).
 */
export const derivation = z.discriminatedUnion('op', [
	/** The great-circle path between two point features, optionally only from `from` to `via` (flown) or from `via` to `to` (never flown). */
	z
		.object({
			op: z.literal('great-circle'),
			from: slug,
			to: slug,
			via: slug.optional(),
			part: z.enum(['whole', 'to-via', 'from-via']).default('whole')
		})
		.strict(),
	/** The shared border of two Natural Earth countries (by their Natural Earth names). */
	z.object({ op: z.literal('border'), countries: z.tuple([z.string(), z.string()]) }).strict()
]);
export type Derivation = z.infer<typeof derivation>;

/** A distance the loader measures with Turf and stores on the feature, shown in its popup. */
export const measure = z
	.object({
		op: z.literal('distance-to'),
		target: slug,
		label: z.string().min(1)
	})
	.strict();
export type Measure = z.infer<typeof measure>;

export const featureProperties = z
	.object({
		event: slug,
		title: z.string().min(1),
		kind,
		date: storyDate,
		/** Natural Earth names; `[]` for a place at sea, which then names its `waters`. */
		country: z.union([z.string().min(1), z.array(z.string().min(1))]),
		/** The sea, strait or gulf a feature lies in (any name, shown in the popup). */
		waters: z.string().min(1).optional(),
		passages: z.array(passageId).min(1),
		quote: z.string().min(1),
		precision,
		uncertaintyKm: z.number().positive().finite().optional(),
		claimedBy: z.string().min(1).optional(),
		claimDate: storyDate.optional(),
		summary: z.string().min(1).optional(),
		figures: z.array(figure).optional(),
		note: z.string().optional(),
		label: z.string().optional(),
		sources: z.array(source).min(1),
		derive: derivation.optional(),
		measure: z.array(measure).optional()
	})
	.strict();
export type FeatureProperties = z.infer<typeof featureProperties>;

const position = z.array(z.number()).min(2).max(3);
const ring = z.array(position);
export const geometry = z.discriminatedUnion('type', [
	z.object({ type: z.literal('Point'), coordinates: position }),
	z.object({ type: z.literal('LineString'), coordinates: z.array(position).min(2) }),
	z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
	z.object({
		type: z.literal('MultiLineString'),
		coordinates: z.array(z.array(position).min(2)).min(1)
	}),
	z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) })
]);
export type Geometry = z.infer<typeof geometry>;

export const feature = z.object({
	type: z.literal('Feature'),
	id: slug,
	geometry: geometry.nullable(),
	properties: featureProperties,
	bbox: z.array(z.number()).optional()
});
export type StoryFeature = z.infer<typeof feature>;

/** One layer file `geo/<layer-id>.geojson`. `title` and `description` are foreign members for the legend. */
export const layerFile = z.object({
	type: z.literal('FeatureCollection'),
	title: z.string().min(1),
	description: z.string().optional(),
	/** Draw order: lower first (areas under lines under points). */
	order: z.number().int().default(0),
	/** Cluster the layer's points at low zoom (e.g. six attack sites in one city). */
	cluster: z.boolean().default(false),
	/** Hidden until the reader turns it on in the legend. */
	hidden: z.boolean().default(false),
	features: z.array(z.unknown())
});
export type LayerFile = z.infer<typeof layerFile>;

/** `geo/events.json`: the events the list and the event pages show, in any order. */
export const storyEvent = z
	.object({
		id: slug,
		title: z.string().min(1),
		date: storyDate,
		place: z.string().min(1),
		summary: z.string().min(1),
		passages: z.array(passageId).min(1),
		figures: z.array(figure).optional(),
		/** The feature the event's page opens (default: its first feature of an `event` kind). */
		feature: slug.optional()
	})
	.strict();
export type StoryEventData = z.infer<typeof storyEvent>;
export const eventsFile = z.object({ events: z.array(z.unknown()).min(1) });

/** `geo/article.json`: the article verbatim. Passages are never edited. */
export const passage = z
	.object({
		id: passageId,
		text: z.string().min(1),
		/** Why a passage has no feature on the map, when it has none. */
		unmapped: z.string().min(1).optional()
	})
	.strict();
export type Passage = z.infer<typeof passage>;

export const article = z
	.object({
		headline: z.string().min(1),
		date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
		/** The date as the source prints it, e.g. 27/11/2015. */
		displayDate: z.string().min(1),
		byline: z.string().min(1),
		authors: z.array(z.string().min(1)).min(1),
		source: z.string().min(1),
		url: z.string().optional(),
		/** BCP 47 language tag of the article (goes into a `lang` attribute). */
		language: z
			.string()
			.regex(
				/^[a-z]{2,3}(-[A-Za-z0-9]{2,8})*$/,
				'must be a BCP 47 language tag such as en or pt-BR'
			)
			.default('en'),
		passages: z.array(passage).min(1)
	})
	.strict();
export type Article = z.infer<typeof article>;

/** A kind in story.json: a new one needs `label` and `geometry`; a built-in one may be relabelled or recoloured. */
export const declaredKind = z
	.object({
		label: z.string().min(1).optional(),
		geometry: z.enum(KIND_GEOMETRIES).optional(),
		symbol: z.enum(POINT_SYMBOLS).optional(),
		colour: z.string().regex(HEX_COLOUR, 'must be a colour written #rrggbb').optional(),
		dashed: z.boolean().optional(),
		arrows: z.boolean().optional(),
		role: z.enum(KIND_ROLES).optional()
	})
	.strict();
export type DeclaredKind = z.infer<typeof declaredKind>;

const longitude = z.number().min(-180).max(180);
const latitude = z.number().min(-85.0511).max(85.0511);

/** The opening view: a bbox to frame, or a centre and zoom (checked for one or the other in `story-checks.ts`). */
export const storyView = z
	.object({
		bbox: z.tuple([longitude, latitude, longitude, latitude]).optional(),
		center: z.tuple([longitude, latitude]).optional(),
		zoom: z.number().min(0).max(14).optional()
	})
	.strict();
export type StoryView = z.infer<typeof storyView>;

/** `story.json` (optional): the story's own kinds and its opening view. */
export const storyFile = z
	.object({
		kinds: z.record(slug, declaredKind).optional(),
		view: storyView.optional()
	})
	.strict();
