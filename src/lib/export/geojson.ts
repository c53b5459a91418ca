/**
 * The story as one RFC 7946 GeoJSON file: every feature with its provenance (passages with
 * the quote's offsets, sources, how the geometry was made, its event page) and, as a foreign
 * member, the `story` it comes from. WGS84 longitude/latitude as the data has them, no `crs`
 * member (RFC 7946 §4 drops it), polygon rings by the right-hand rule.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CompiledStory, Measurement } from '$lib/story/compiled';
import type { Figure, Precision, Source } from '$lib/story/schema';
import { countryList } from './flat';
import { eventMeta, storyMeta, type EventMeta, type StoryMeta } from './provenance';
import {
	exportRecords,
	selectedEvent,
	type ExportOptions,
	type ExportRecord,
	type PassageRef
} from './records';

export const GEOJSON_MEDIA_TYPE = 'application/geo+json';

/** The properties of an exported feature. */
export interface ExportedProperties {
	fid: string;
	layer: string;
	layerTitle: string;
	event: { id: string; title: string; start: string; end: string | null };
	kind: string;
	kindLabel: string;
	title: string;
	summary?: string;
	note?: string;
	date: string;
	country: string[];
	waters?: string;
	precision: Precision;
	uncertaintyKm?: number;
	claimedBy?: string;
	claimDate?: string;
	label?: string;
	figures?: Figure[];
	lengthKm?: number;
	measurements?: Measurement[];
	quote: string;
	passages: PassageRef[];
	sources: Source[];
	derivedFrom?: string;
	eventUrl: string;
}

export type StoryFeatureCollection = FeatureCollection<Geometry, ExportedProperties> & {
	story: StoryMeta;
	/** Present when the file holds one event. */
	event?: EventMeta;
};

function exportedFeature(r: ExportRecord): Feature<Geometry, ExportedProperties> & { id: string } {
	const p = r.properties;
	return {
		type: 'Feature',
		id: r.fid,
		geometry: r.geometry,
		properties: {
			fid: r.fid,
			layer: r.layer.id,
			layerTitle: r.layer.title,
			event: { id: r.event.id, title: r.event.title, start: r.event.start, end: r.event.end },
			kind: p.kind,
			kindLabel: r.kind.label,
			title: p.title,
			summary: p.summary,
			note: p.note,
			date: p.date,
			country: countryList(p.country),
			waters: p.waters,
			precision: p.precision,
			uncertaintyKm: p.uncertaintyKm,
			claimedBy: p.claimedBy,
			claimDate: p.claimDate,
			label: p.label,
			figures: p.figures,
			lengthKm: p.lengthKm,
			measurements: p.measurements,
			quote: p.quote,
			passages: r.passages,
			sources: p.sources,
			derivedFrom: p.derivedFrom,
			eventUrl: r.eventUrl
		}
	};
}

/**
 * The GeoJSON file's text (a `StoryFeatureCollection`), a feature at a time: a large story's
 * whole file is more text than one string may hold (V8: about 512 MB).
 * Compact (geometry is most of it; a derived border alone has hundreds of positions); absent
 * optional properties are left out rather than `null`.
 */
export function* storyGeoJsonChunks(
	story: CompiledStory,
	options: ExportOptions
): Generator<string> {
	const event = selectedEvent(story, options.eventId);
	const empty: StoryFeatureCollection = {
		type: 'FeatureCollection',
		story: storyMeta(story.article),
		...(event ? { event: eventMeta(event, options.siteUrl) } : {}),
		features: []
	};
	// `…,"features":[]}` without its `]}`: the features go in between.
	yield JSON.stringify(empty).slice(0, -2);
	let first = true;
	for (const r of exportRecords(story, options)) {
		yield `${first ? '' : ','}${JSON.stringify(exportedFeature(r))}`;
		first = false;
	}
	yield ']}\n';
}

/** The GeoJSON file's text, whole (an event's, or a story of ordinary size). */
export function storyGeoJson(story: CompiledStory, options: ExportOptions): string {
	return [...storyGeoJsonChunks(story, options)].join('');
}
