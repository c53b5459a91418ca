/**
 * What every download is made of: the story's features in draw order (layers in draw order,
 * features in file order), each with its layer, event, kind, event page and where its quote
 * sits in its passages. One place, so the GeoJSON, CSV, KML and article exports list the
 * same features, in the same order, saying the same things about them.
 *
 * The uncertainty circles the loader generates are left out: they are drawn from the
 * feature's `uncertaintyKm`, which every export carries.
 */
import type { Geometry, MultiPolygon, Polygon } from 'geojson';
import { rewind } from '@turf/turf';
import { absoluteUrl } from '$lib/meta/links';
import { eventPagePath } from './files';
import {
	UNCERTAINTY_LAYER,
	type CompiledEvent,
	type CompiledFeature,
	type CompiledLayer,
	type CompiledProperties,
	type CompiledStory
} from '$lib/story/compiled';
import { kindStyle, type KindStyle } from '$lib/story/kinds';
import { passageMap, quoteRange } from '$lib/story/passages';
import { eventById, featuresOfEvent } from '$lib/story/lookup';

/** What every export function takes besides the story. */
export interface ExportOptions {
	/** The site's origin (`siteUrl()` of `$lib/server/site`): event page links are absolute. */
	siteUrl: string;
	/** Only this event's features (the article export: only they are listed under passages). */
	eventId?: string;
}

/** An `eventId` the story does not have: a route answers 404 for it. */
export class UnknownEventError extends Error {
	constructor(readonly eventId: string) {
		super(`the story has no event “${eventId}”`);
		this.name = 'UnknownEventError';
	}
}

/** A passage a feature cites; `quote`, `start` and `end` only when the quote is in it. */
export interface PassageRef {
	id: string;
	/** The number readers see (¶3 for p3). */
	number: number;
	quote?: string;
	/** Half-open UTF-16 offsets [start, end) of the quote in the passage's text (`String.slice`). */
	start?: number;
	end?: number;
}

/** One exported feature and everything the exports say about it. */
export interface ExportRecord {
	fid: string;
	properties: CompiledProperties;
	/** The feature's geometry, polygon rings wound as RFC 7946 asks (`rightHandGeometry`). */
	geometry: Geometry;
	layer: CompiledLayer;
	event: CompiledEvent;
	kind: KindStyle;
	passages: PassageRef[];
	/** The absolute URL of the event's page. */
	eventUrl: string;
}

/** The absolute URL of an event's page; a trailing slash on the site URL is tolerated. */
export function eventPageUrl(eventId: string, siteUrl: string): string {
	return absoluteUrl(eventPagePath(eventId), siteUrl.replace(/\/+$/, ''));
}

/** The event `eventId` names, `undefined` without one; throws `UnknownEventError` for an unknown id. */
export function selectedEvent(
	story: CompiledStory,
	eventId: string | undefined
): CompiledEvent | undefined {
	if (eventId === undefined) return undefined;
	const event = eventById(story, eventId);
	if (!event) throw new UnknownEventError(eventId);
	return event;
}

/** The passage number readers see: p12 is ¶12 (ids are `p<N>` by schema). */
export function passageNumber(id: string): number {
	return Number(id.slice(1));
}

/**
 * Polygon rings wound by the right-hand rule (exterior counter-clockwise, holes clockwise),
 * as RFC 7946 §3.1.6 asks; every other geometry as it is. Only polygons go through Turf's
 * `rewind`: it would also reverse a counter-clockwise LineString, and a line's direction is
 * data here (the arrows of a smuggling route, where a flight went). Coordinates are copied,
 * never rounded.
 */
export function rightHandGeometry(geometry: Geometry): Geometry {
	if (geometry.type === 'Polygon' || geometry.type === 'MultiPolygon') {
		// Turf types the result as any GeoJSON; given a polygon it returns one.
		return rewind(geometry, { reverse: false, mutate: false }) as Polygon | MultiPolygon;
	}
	return geometry;
}

/** The features to export (all, or the selected event's), with what the exports say of them. */
export function exportRecords(story: CompiledStory, options: ExportOptions): ExportRecord[] {
	const only = selectedEvent(story, options.eventId);
	const passages = passageMap(story.article.passages);
	const records: ExportRecord[] = [];
	// One event's features come from the story's lookup: a scan per event made a large
	// story's build grow as pages × features.
	const features = only
		? featuresOfEvent(story, only.id)
		: story.layers.flatMap((layer) =>
				(layer.data.features as CompiledFeature[]).map((feature) => ({ layer, feature }))
			);
	for (const { layer, feature } of features) {
		if (layer.id === UNCERTAINTY_LAYER) continue;
		const p = feature.properties;
		if (p.of !== undefined) continue;
		const event = eventById(story, p.event);
		// The loader refuses a feature whose event is not in events.json: never reached.
		if (!event) throw new UnknownEventError(p.event);
		records.push({
			fid: p.fid,
			properties: p,
			geometry: rightHandGeometry(feature.geometry),
			layer,
			event,
			kind: kindStyle(story.kinds, p.kind),
			passages: p.passages.map((id) => {
				const text = passages.get(id)?.text;
				const range = text === undefined ? null : quoteRange(text, p.quote);
				const ref: PassageRef = { id, number: passageNumber(id) };
				return range ? { ...ref, quote: p.quote, start: range[0], end: range[1] } : ref;
			}),
			eventUrl: eventPageUrl(event.id, options.siteUrl)
		});
	}
	return records;
}
