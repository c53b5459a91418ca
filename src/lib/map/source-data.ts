/**
 * What the map's GeoJSON files carry: only the properties the style, the hit-testing and the
 * time filter read. Popups, the list and the article read the full properties from the story
 * index (`$lib/story/parts`), so the files MapLibre's worker parses stay small; at 100,000
 * events they are a quarter of the size with every property.
 */
import type { Feature, FeatureCollection, Geometry } from 'geojson';
import type { CompiledProperties } from '$lib/story/compiled';
import { parseStoryDate } from '$lib/story/dates';
import { dayIndex, FIRST_DAY_INDEX, LAST_DAY_INDEX, type TimeWindow } from '$lib/time/window';
import type { ExpressionSpecification } from 'maplibre-gl';

export interface SourceProperties {
	fid: string;
	event: string;
	kind: string;
	title: string;
	label?: string;
	claimedBy?: string;
	/** For uncertainty areas: the feature they belong to. */
	of?: string;
	/** First and last day (`YYYY-MM-DD`); absent when open-ended. */
	start?: string;
	end?: string;
}

export function sourceProperties(p: CompiledProperties): SourceProperties {
	const out: SourceProperties = { fid: p.fid, event: p.event, kind: p.kind, title: p.title };
	if (p.label !== undefined) out.label = p.label;
	if (p.claimedBy !== undefined) out.claimedBy = p.claimedBy;
	if (p.of !== undefined) out.of = p.of;
	const { start, end } = parseStoryDate(p.date);
	if (start) out.start = start;
	if (end) out.end = end;
	return out;
}

/** A feature with only the properties the map reads. */
export function sourceFeature(
	f: Feature<Geometry, CompiledProperties>
): Feature<Geometry, SourceProperties> {
	return {
		type: 'Feature',
		...(f.id !== undefined ? { id: f.id } : {}),
		geometry: f.geometry,
		properties: sourceProperties(f.properties)
	};
}

export function sourceData(
	fc: FeatureCollection<Geometry, CompiledProperties>
): FeatureCollection<Geometry, SourceProperties> {
	return { type: 'FeatureCollection', features: fc.features.map(sourceFeature) };
}

/**
 * The time window as a layer filter: a feature shows when its days overlap the window (both
 * edges inclusive, open ends reach forever: `inWindow` in `$lib/time/window`). Days compare
 * as text. Null when the window lets everything through. One expression whatever the story's
 * size, where a list of hidden ids grew with it.
 *
 * A stand-in of a low-zoom tile (`$lib/map/stand-ins`) shows when one of the days it marks is
 * in the window: its `days` hold a `1` between the window's first and last day.
 */
export function timeFilter(window: TimeWindow): ExpressionSpecification | null {
	const tests: ExpressionSpecification[] = [];
	if (window.to !== undefined)
		tests.push([
			'any',
			['!', ['has', 'start']],
			['<=', ['to-string', ['get', 'start']], window.to]
		]);
	if (window.from !== undefined)
		tests.push(['any', ['!', ['has', 'end']], ['>=', ['to-string', ['get', 'end']], window.from]]);
	if (tests.length === 0) return null;
	// Offsets into `days`, clamped at its start; `slice` stops at its end by itself.
	const offset = (day: number): ExpressionSpecification => [
		'max',
		0,
		['-', day, ['to-number', ['get', 'd0']]]
	];
	const first = window.from !== undefined ? dayIndex(window.from) : FIRST_DAY_INDEX;
	const last = window.to !== undefined ? dayIndex(window.to) : LAST_DAY_INDEX;
	return [
		'case',
		['has', 'days'],
		['in', '1', ['slice', ['to-string', ['get', 'days']], offset(first), offset(last + 1)]],
		tests.length === 1 ? tests[0] : ['all', ...tests]
	];
}
