/**
 * The kind registry (`$lib/story/kinds`): the built-in kinds, the palette for declared ones,
 * and a declared kind flowing, with no code change, to every place that draws kinds: the
 * MapLibre style, the marker icons, the legend, the static overview and the preview images.
 */
import { describe, expect, it } from 'vitest';
import { createExpression, validateStyleMin } from '@maplibre/maplibre-gl-style-spec';
import { basemapStyle, BASEMAP_COLOURS } from '$lib/map/basemap-style';
import { iconId, markerImages } from '$lib/map/icons';
import { swatch } from '$lib/map/legend';
import { staticOverview } from '$lib/map/static-overview';
import { mapLayerIds, sourceId, storyLayers, storySource } from '$lib/map/story-style';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { colourOf } from '$lib/server/og/card-map';
import { buildStory } from '$lib/story/build';
import {
	BUILT_IN_KINDS,
	contrastRatio,
	KIND_PALETTE,
	lookOf,
	MIN_CONTRAST,
	type KindTable
} from '$lib/story/kinds';
import { checkStoryFile } from '$lib/story/story-checks';
import type { Problem } from '$lib/story/problems';
import { fixtureFiles } from './fixture-overlay';

function evaluate(expr: unknown, properties: Record<string, unknown>, type = 'color') {
	const parsed = createExpression(expr, {
		type,
		'property-type': 'data-driven',
		expression: { interpolated: false, parameters: ['zoom', 'feature', 'feature-state'] }
	} as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 5 }, { type: 'Point', properties } as never, {});
}

const resolve = (kinds: Record<string, unknown>, view?: unknown) => {
	const problems: Problem[] = [];
	const found = checkStoryFile(
		{ file: 'story.json', value: view ? { kinds, view } : { kinds } },
		(p) => problems.push(p)
	);
	return { ...found, problems };
};

describe('the registry', () => {
	it('built-in kinds all look different', () => {
		const looks = Object.values(BUILT_IN_KINDS).map(lookOf);
		expect(new Set(looks).size).toBe(looks.length);
	});

	it('every palette colour for declared kinds reaches 3:1 against the land', () => {
		for (const colour of KIND_PALETTE)
			expect(contrastRatio(colour, BASEMAP_COLOURS.land)).toBeGreaterThanOrEqual(MIN_CONTRAST);
	});

	it('measures contrast as WCAG 2 does', () => {
		expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
		expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
	});

	it('a declared kind without a colour takes the next free one; a built-in may be relabelled', () => {
		const { kinds, problems } = resolve({
			'naval-incident': { label: 'Naval incident', geometry: 'point', symbol: 'star' },
			blockade: { label: 'Blockade', geometry: 'area' },
			attack: { label: 'Raid' }
		});
		expect(problems).toEqual([]);
		expect(kinds['naval-incident'].colour).toBe(KIND_PALETTE[0]);
		expect(kinds.blockade.colour).toBe(KIND_PALETTE[1]);
		expect(kinds.attack).toEqual({ ...BUILT_IN_KINDS.attack, label: 'Raid' });
	});

	it('refuses a symbol on a line and dashes on a point', () => {
		const { problems } = resolve({
			a: { label: 'A', geometry: 'line', symbol: 'star' },
			b: { label: 'B', geometry: 'point', dashed: true }
		});
		expect(problems.map((p) => `${p.featureId} ${p.field}: ${p.reason}`)).toEqual([
			'kinds.a symbol: only points have a symbol; this kind is drawn as line',
			'kinds.b dashed: only lines are dashed; this kind is drawn as point'
		]);
	});

	it('a view is a bbox or a centre and zoom, not both', () => {
		const { problems } = resolve({}, { bbox: [0, 0, 1, 1], center: [0, 0], zoom: 3 });
		expect(problems.map((p) => p.reason)).toEqual([
			'give either "bbox": [west, south, east, north] or "center": [lng, lat] and "zoom"'
		]);
	});
});

describe('a declared kind reaches everything that draws kinds', () => {
	const story = buildStory(fixtureFiles('declared-kinds'), loadNaturalEarth('10m'));
	const kinds: KindTable = story.kinds;
	const naval = kinds['naval-incident'];
	const sites = story.layers.find((l) => l.id === 'sites')!;

	it('the style colours it and draws it with its own icon; the full style validates', () => {
		const layers = storyLayers(sites, kinds);
		const icons = layers.find((l) => l.id === mapLayerIds('sites').icons)!;
		const paint = (
			layers.find((l) => l.id === mapLayerIds('sites').points) as never as {
				paint: { 'circle-color': unknown };
			}
		).paint;
		expect(evaluate(paint['circle-color'], { kind: 'naval-incident' })).toBe(naval.colour);
		const filter = (icons as { filter: unknown }).filter;
		expect(evaluate(filter, { kind: 'naval-incident' }, 'boolean')).toBe(true);
		const style = basemapStyle('https://example.org');
		for (const l of story.layers) {
			style.sources[sourceId(l.id)] = storySource(l, 'https://example.org');
			style.layers.push(...(storyLayers(l, kinds) as never[]));
		}
		expect(validateStyleMin(style)).toEqual([]);
	});

	it('its marker icon is drawn in its colour', () => {
		const images = markerImages(kinds, 1);
		const image = images[iconId('naval-incident')];
		expect(image).toBeDefined();
		const centre = ((image.height / 2) * image.width + image.width / 2) * 4;
		const hex = `#${[0, 1, 2].map((i) => image.data[centre + i].toString(16).padStart(2, '0')).join('')}`;
		expect(hex.toLowerCase()).toBe(naval.colour.toLowerCase());
	});

	it('the legend shows its label and its symbol', () => {
		const s = swatch('naval-incident', kinds);
		expect(s).toMatchObject({ label: 'Naval incident', shape: 'marker', colour: naval.colour });
		expect(s.points).toBeTruthy();
		expect(swatch('ship-route', kinds)).toMatchObject({
			label: "Ship's route",
			shape: 'line'
		});
		expect(swatch('crash', kinds)).toMatchObject({ label: 'Air crash' });
	});

	it('the static overview and the preview images draw it in its colour', () => {
		const overview = staticOverview({
			topology: loadNaturalEarth('110m').topology,
			layers: story.layers,
			kinds,
			bbox: story.bbox
		});
		const shape = overview.shapes.find((s) => s.id === 'jet-crash')!;
		expect(shape).toMatchObject({ colour: naval.colour, kindLabel: 'Naval incident' });
		const jet = sites.data.features.find((f) => f.id === 'jet-crash')!;
		expect(colourOf(jet.properties, {}, kinds)).toBe(naval.colour);
	});
});
