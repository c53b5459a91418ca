/**
 * The map is created showing what the link says (`shownLayers`, `storySource` with the time
 * window): hidden layers are not drawn, features outside the window are filtered out, and a
 * window turns clustering off so that no cluster counts points outside it.
 */
import { describe, expect, it } from 'vitest';
import { validateStyleMin, type StyleSpecification } from '@maplibre/maplibre-gl-style-spec';
import type { GeoJSONSourceSpecification, VectorSourceSpecification } from 'maplibre-gl';
import { basemapStyle } from '$lib/map/basemap-style';
import { timeFilter } from '$lib/map/source-data';
import {
	clustered,
	filterInTime,
	shownLayers,
	sourceId,
	STORY_TILE_LAYER,
	storyLayers,
	storySource,
	TILE_MAX_ZOOM,
	tileSet,
	type StyleLayerInput
} from '$lib/map/story-style';
import { BUILT_IN_KINDS } from '$lib/story/kinds';
import { passes } from './filter-eval';

const sites: StyleLayerInput = { id: 'sites', cluster: true, hidden: false, kinds: ['attack'] };
const routes: StyleLayerInput = {
	id: 'routes',
	cluster: false,
	hidden: true,
	kinds: ['smuggling-route']
};
const week = timeFilter({ from: '2015-11-20', to: '2015-11-27' });

type Layer = { id: string; layout?: { visibility?: string }; filter?: unknown };

describe('shownLayers', () => {
	it('draws a layer the link shows, even one hidden by default, and hides one it does not', () => {
		for (const l of shownLayers(routes, { visible: true, inTime: null }, BUILT_IN_KINDS) as Layer[])
			expect(l.layout?.visibility, l.id).toBe('visible');
		for (const l of shownLayers(sites, { visible: false, inTime: null }, BUILT_IN_KINDS) as Layer[])
			expect(l.layout?.visibility, l.id).toBe('none');
	});

	it('without a window, is the style’s own layers', () => {
		const own = storyLayers(sites, BUILT_IN_KINDS) as Layer[];
		const shown = shownLayers(sites, { visible: true, inTime: null }, BUILT_IN_KINDS) as Layer[];
		expect(shown.map((l) => l.filter)).toEqual(own.map((l) => l.filter));
	});

	it('with a window, keeps each layer’s own filter and adds the window’s', () => {
		const own = storyLayers(routes, BUILT_IN_KINDS) as Layer[];
		const shown = shownLayers(routes, { visible: true, inTime: week }, BUILT_IN_KINDS) as Layer[];
		const line = shown.find((l) => l.id === 'story-routes-line')!;
		const base = own.find((l) => l.id === 'story-routes-line')!.filter;
		expect(line.filter).toEqual(['all', base, week]);
		const inside = { kind: 'smuggling-route', start: '2015-11-24', end: '2015-11-24' };
		const before = { kind: 'smuggling-route', start: '2015-10-31', end: '2015-10-31' };
		expect(passes(line.filter, inside, 'LineString')).toBe(true);
		expect(passes(line.filter, before, 'LineString')).toBe(false);
		// The layer's own filter still holds: a point is not drawn as a line.
		expect(passes(line.filter, inside, 'Point')).toBe(false);
	});

	it('makes a style MapLibre accepts', () => {
		const style = basemapStyle('https://example.org');
		for (const l of [sites, routes]) {
			style.sources[sourceId(l.id)] = storySource(l, 'https://example.org', week);
			style.layers.push(
				...(shownLayers(
					l,
					{ visible: l === sites, inTime: week },
					BUILT_IN_KINDS
				) as StyleSpecification['layers'])
			);
		}
		expect(validateStyleMin(style)).toEqual([]);
	});
});

describe('filterInTime', () => {
	it('is the base filter without a window, the window without a base, else both', () => {
		expect(filterInTime(undefined, null)).toBeNull();
		expect(filterInTime(['has', 'label'], null)).toEqual(['has', 'label']);
		expect(filterInTime(undefined, week)).toEqual(week);
		expect(filterInTime(['has', 'label'], week)).toEqual(['all', ['has', 'label'], week]);
	});
});

describe('clustering', () => {
	it('clusters a clustered layer only while no window is set', () => {
		expect(clustered(sites, null)).toBe(true);
		expect(clustered(sites, week)).toBe(false);
		expect(clustered(routes, null)).toBe(false);
		const geojson = (inTime: typeof week | null) =>
			storySource(sites, 'https://example.org', inTime) as GeoJSONSourceSpecification;
		expect(geojson(null).cluster).toBe(true);
		expect(geojson(null).data).toBe('https://example.org/data/sites.geojson');
		expect(geojson(week).cluster).toBeUndefined();
	});

	it('a tiled layer draws its cluster tiles, and every point while a window is set', () => {
		const tiled = { ...sites, tiled: true };
		const vector = (inTime: typeof week | null) =>
			storySource(tiled, 'https://example.org', inTime) as VectorSourceSpecification;
		expect(vector(null)).toEqual({
			type: 'vector',
			tiles: ['story-tiles://sites/clusters/{z}/{x}/{y}'],
			maxzoom: TILE_MAX_ZOOM,
			promoteId: 'fid'
		});
		expect(vector(week).tiles).toEqual(['story-tiles://sites/all/{z}/{x}/{y}']);
		expect(tileSet({ ...routes, tiled: true }, null)).toBe('all');
		// Every map layer of a tiled layer reads the tiles' one layer.
		for (const l of shownLayers(tiled, { visible: true, inTime: week }, BUILT_IN_KINDS))
			expect(l).toMatchObject({ 'source-layer': STORY_TILE_LAYER });
		for (const l of shownLayers(sites, { visible: true, inTime: week }, BUILT_IN_KINDS))
			expect(l).not.toHaveProperty('source-layer');
	});

	it('makes a tiled style MapLibre accepts', () => {
		const style = basemapStyle('https://example.org');
		for (const l of [sites, routes].map((l) => ({ ...l, tiled: true }))) {
			style.sources[sourceId(l.id)] = storySource(l, 'https://example.org', null);
			style.layers.push(
				...(shownLayers(
					l,
					{ visible: true, inTime: null },
					BUILT_IN_KINDS
				) as StyleSpecification['layers'])
			);
		}
		expect(validateStyleMin(style)).toEqual([]);
	});
});
