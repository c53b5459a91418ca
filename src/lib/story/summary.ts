/**
 * What the page needs of the compiled story, without geometry: the map fetches geometry
 * itself as GeoJSON (parsed in MapLibre's worker), so the HTML stays small.
 */
import { along, centroid, length, pointOnFeature } from '@turf/turf';
import type { Feature, Geometry } from 'geojson';
import type { CompiledProperties, CompiledStory } from './compiled';
import type { StyleLayerInput } from '$lib/map/story-style';

export interface LayerSummary extends StyleLayerInput {
	title: string;
	description?: string;
	order: number;
	featureCount: number;
}

export interface StorySummary {
	article: CompiledStory['article'];
	events: CompiledStory['events'];
	layers: LayerSummary[];
	/** Every feature's properties by feature id, for popups and the event list. */
	features: Record<string, CompiledProperties>;
	/** Where each feature's popup points when it is opened from the list or the article. */
	anchors: Record<string, [number, number]>;
	/** Each feature's geometry type (a marker, a line, an area). */
	geometryTypes: Record<string, Geometry['type']>;
	bbox: CompiledStory['bbox'];
	kinds: CompiledStory['kinds'];
}

export function summarise(story: CompiledStory): StorySummary {
	const features: Record<string, CompiledProperties> = {};
	const anchors: Record<string, [number, number]> = {};
	const geometryTypes: Record<string, Geometry['type']> = {};
	const layers = story.layers.map((l) => {
		const claimants: string[] = [];
		for (const f of l.data.features) {
			features[f.properties.fid] = f.properties;
			anchors[f.properties.fid] = anchorOf(f);
			geometryTypes[f.properties.fid] = f.geometry.type;
			const by = f.properties.claimedBy;
			if (story.kinds[f.properties.kind]?.byClaimant && by && !claimants.includes(by))
				claimants.push(by);
		}
		return {
			id: l.id,
			title: l.title,
			description: l.description,
			order: l.order,
			cluster: l.cluster,
			hidden: l.hidden,
			kinds: l.kinds,
			claimants,
			featureCount: l.data.features.length
		};
	});
	return {
		article: story.article,
		events: story.events,
		layers,
		features,
		anchors,
		geometryTypes,
		bbox: story.bbox,
		kinds: story.kinds
	};
}

/** A point that lies on the feature: a line's midpoint, a polygon's inside point. */
export function anchorOf(f: Feature<Geometry>): [number, number] {
	const g = f.geometry;
	let c: number[];
	if (g.type === 'Point') c = g.coordinates;
	else if (g.type === 'LineString')
		c = along(g, length({ type: 'Feature', geometry: g, properties: {} }) / 2).geometry.coordinates;
	else if (g.type === 'Polygon' || g.type === 'MultiPolygon')
		c = pointOnFeature(f).geometry.coordinates;
	else c = centroid(f).geometry.coordinates;
	return [Math.round(c[0] * 1e6) / 1e6, Math.round(c[1] * 1e6) / 1e6];
}
