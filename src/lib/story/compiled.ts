/**
 * The compiled story: what the build-time loader hands to the app after validating `geo/`
 * and deriving geometry with Turf. The app never reads `geo/` itself.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { KindTable } from './kinds';
import type { Article, FeatureProperties, StoryEventData } from './schema';

export type BBox = [west: number, south: number, east: number, north: number];

/** The layer the loader adds for uncertainty circles, under every authored layer. No file may take its id. */
export const UNCERTAINTY_LAYER = 'uncertainty';

/** A measured distance, in kilometres, computed by Turf at build time. */
export interface Measurement {
	label: string;
	km: number;
}

/** Feature properties as the app sees them: no derivation instructions, plus what was derived. */
export interface CompiledProperties extends Omit<FeatureProperties, 'derive' | 'measure'> {
	/** The feature id again: MapLibre only keeps numeric top-level ids, so lookups use this. */
	fid: string;
	/** The layer (file) the feature belongs to. */
	layer: string;
	/** Length of a line, in km (Turf, geodesic). */
	lengthKm?: number;
	/** Distances measured as the data asked (`measure`). */
	measurements?: Measurement[];
	/** How the geometry was made, when it was derived rather than drawn ("great circle from … to …"). */
	derivedFrom?: string;
	/** For uncertainty areas (layer `uncertainty`, id `<feature id>-uncertainty`): the feature they belong to. */
	of?: string;
}

export type CompiledFeature = Feature<Geometry, CompiledProperties> & { id: string };

export interface CompiledLayer {
	/** Stable id (the file name): goes into share links (`layers=`). */
	id: string;
	title: string;
	description?: string;
	order: number;
	cluster: boolean;
	hidden: boolean;
	/** Kinds present in the layer, for the legend's symbols. */
	kinds: string[];
	data: FeatureCollection<Geometry, CompiledProperties>;
}

export interface CompiledEvent extends StoryEventData {
	/** Bounds of all the event's features (uncertainty areas included), for framing it. */
	bbox: BBox;
	/**
	 * Ids of the event's features, in layer (draw) order: authored and derived ones, but not the
	 * generated uncertainty circles (those are in the `uncertainty` layer and point back with `of`).
	 */
	featureIds: string[];
	/**
	 * The feature the event's page opens: events.json's `feature`, else the event's first
	 * feature of an `event` kind (layers in draw order, features in file order), else its first.
	 */
	feature: string;
	/** First and last day the event covers (YYYY-MM-DD), from its date's precision; `end` is null when open. */
	start: string;
	end: string | null;
}

/** What the event list and the timeline need of an event. */
export type EventHeadline = Pick<
	CompiledEvent,
	'id' | 'title' | 'date' | 'place' | 'start' | 'end'
>;

export interface CompiledStory {
	article: Article;
	/** In date order (then by id), the order of the event list. */
	events: CompiledEvent[];
	/** In draw order. */
	layers: CompiledLayer[];
	/** The story's opening frame: story.json's `view`, else the bounds of everything. */
	bbox: BBox;
	/** The kinds the story uses (built in or declared), in legend order: what draws them reads this. */
	kinds: KindTable;
}
