/**
 * The map's style as MapLibre itself reads it: the full style validates against the style
 * spec, and the expressions give the colours and layers the legend promises.
 */
import { describe, expect, it } from 'vitest';
import {
	createExpression,
	validateStyleMin,
	type StyleSpecification
} from '@maplibre/maplibre-gl-style-spec';
import {
	basemapStyle,
	detailSourceId,
	placeLayerIds,
	type BasemapDetail
} from '../../src/lib/map/basemap-style';
import {
	CLAIM_COLOURS,
	colourExpression,
	DENSE_DOUBT,
	DENSE_DOUBT_MINZOOM,
	interactiveLayerIds,
	mapLayerIds,
	sourceId,
	storyLayers,
	storySource,
	type StyleLayerInput
} from '../../src/lib/map/story-style';
import { BUILT_IN_KINDS } from '../../src/lib/story/kinds';

/** The built-in kinds' colours, which these tests draw with. */
const KIND_COLOURS: Record<string, string> = Object.fromEntries(
	Object.entries(BUILT_IN_KINDS).map(([kind, style]) => [kind, style.colour])
);

const layers: StyleLayerInput[] = [
	{ id: 'sites', cluster: true, hidden: false, kinds: ['attack'] },
	{
		id: 'claims',
		cluster: false,
		hidden: false,
		kinds: ['claim'],
		claimants: ['Turkey', 'Russia']
	},
	{ id: 'routes', cluster: false, hidden: true, kinds: ['smuggling-route'] },
	{ id: 'flights', cluster: false, hidden: false, kinds: ['flight-path', 'flight-path-unflown'] }
];

function fullStyle(): StyleSpecification {
	const style = basemapStyle('https://example.org');
	for (const l of layers) style.sources[sourceId(l.id)] = storySource(l, 'https://example.org');
	style.layers.push(
		...(layers.flatMap((l) => storyLayers(l, BUILT_IN_KINDS)) as StyleSpecification['layers'])
	);
	return style;
}

/** A paint property's value as MapLibre evaluates it for a point at zoom 5, in a state. */
function evaluateAs(
	type: 'color' | 'number',
	expr: unknown,
	properties: Record<string, unknown>,
	state: Record<string, unknown> = {}
): unknown {
	const parsed = createExpression(expr, {
		type,
		'property-type': 'data-driven',
		expression: {
			interpolated: type === 'number',
			parameters: ['zoom', 'feature', 'feature-state']
		}
	} as never);
	if (parsed.result !== 'success') throw new Error(JSON.stringify(parsed.value));
	return parsed.value.evaluate({ zoom: 5 }, { type: 'Point', properties } as never, state);
}

/** A colour expression's value, as text. */
const evaluate = (
	expr: unknown,
	properties: Record<string, unknown>,
	state: Record<string, unknown> = {}
) => (evaluateAs('color', expr, properties, state) as { toString(): string }).toString();

/** The expression yields the palette's own strings; MapLibre parses them as colours. */
const rgba = (hex: string) => hex;

describe('the style', () => {
	it('validates against the MapLibre style spec', () => {
		expect(validateStyleMin(fullStyle())).toEqual([]);
	});

	it('draws each detail area from its own bounded source, over a cover, with places', () => {
		const detail: BasemapDetail = {
			minzoom: 7,
			maxzoom: 10,
			bounds: [
				[1, 48, 3.5, 49.8],
				[34.4, 33.7, 43.6, 38.8]
			]
		};
		const style = basemapStyle('https://example.org', detail);
		expect(validateStyleMin(style)).toEqual([]);
		detail.bounds.forEach((bounds, i) => {
			expect(style.sources[detailSourceId(i)]).toMatchObject({ bounds, minzoom: 7, maxzoom: 10 });
		});
		const ids = style.layers.map((l) => l.id);
		// The cover hides the overzoomed world under the area's land; places draw above all land.
		expect(ids.indexOf('detail-cover-0')).toBeGreaterThan(ids.indexOf('country-borders'));
		expect(ids.indexOf('land-detail-0')).toBeGreaterThan(ids.indexOf('detail-cover-0'));
		for (const id of placeLayerIds(detail)) {
			expect(ids.indexOf(id)).toBeGreaterThan(ids.indexOf('country-borders-detail-1'));
		}
		expect(placeLayerIds(detail)).toEqual(['places', 'places-detail-0', 'places-detail-1']);
		// Without detail the style is the world pyramid alone.
		expect(Object.keys(basemapStyle('https://example.org').sources)).toEqual(['basemap']);
	});

	it('uses only our own origin for tiles, glyphs and data', () => {
		const json = JSON.stringify(fullStyle());
		const urls = json.match(/https?:\/\/[^"{]+/g) ?? [];
		expect(urls.length).toBeGreaterThan(0);
		for (const u of urls) expect(u.startsWith('https://example.org/')).toBe(true);
	});

	it('gives stable layer ids, and hides layers the data marks hidden', () => {
		const routes = storyLayers(layers[2], BUILT_IN_KINDS);
		expect(routes.map((l) => l.id)).toContain(mapLayerIds('routes').line);
		for (const l of routes)
			expect((l as { layout?: { visibility?: string } }).layout?.visibility).toBe('none');
		expect(interactiveLayerIds(layers)).toContain('story-sites-clusters');
		expect(interactiveLayerIds(layers)).not.toContain('story-claims-clusters');
	});

	it('adds direction arrows only to layers with routes or flown paths', () => {
		expect(
			storyLayers(layers[2], BUILT_IN_KINDS).some((l) => l.id === mapLayerIds('routes').arrows)
		).toBe(true);
		expect(
			storyLayers(layers[0], BUILT_IN_KINDS).some((l) => l.id === mapLayerIds('sites').arrows)
		).toBe(false);
	});
});

describe('the highlight ring', () => {
	const size = (expr: unknown, state: Record<string, unknown>) =>
		evaluateAs('number', expr, {}, state) as number;

	it('rings a highlighted point, and has no size under any other (nothing to draw)', () => {
		const halo = storyLayers(layers[0], BUILT_IN_KINDS).find(
			(l) => l.id === mapLayerIds('sites').halo
		) as { paint: Record<string, unknown> };
		const extent = (state: Record<string, unknown>) =>
			size(halo.paint['circle-radius'], state) + size(halo.paint['circle-stroke-width'], state);
		expect(extent({ highlight: true })).toBe(17);
		expect(extent({})).toBe(0);
		expect(extent({ highlight: false })).toBe(0);
	});
});

describe('level of detail', () => {
	const doubt = (featureCount: number): StyleLayerInput => ({
		id: 'uncertainty',
		cluster: false,
		hidden: false,
		kinds: ['uncertainty'],
		featureCount
	});

	it('draws a few uncertainty circles at every zoom', () => {
		for (const l of storyLayers(doubt(DENSE_DOUBT), BUILT_IN_KINDS))
			expect('minzoom' in l).toBe(false);
	});

	it('draws thousands of them from a closer zoom, and only them', () => {
		const dense = storyLayers(doubt(DENSE_DOUBT + 1), BUILT_IN_KINDS);
		expect(dense.length).toBeGreaterThan(0);
		for (const l of dense) expect(l).toMatchObject({ minzoom: DENSE_DOUBT_MINZOOM });
		const manyPoints = storyLayers({ ...layers[0], featureCount: 100_000 }, BUILT_IN_KINDS);
		for (const l of manyPoints) expect('minzoom' in l).toBe(false);
	});
});

describe('colour by kind', () => {
	it('maps each kind to its palette colour, unknown kinds to grey', () => {
		for (const [kind, hex] of Object.entries(KIND_COLOURS)) {
			expect(evaluate(colourExpression(BUILT_IN_KINDS), { kind })).toBe(rgba(hex));
		}
		expect(evaluate(colourExpression(BUILT_IN_KINDS), { kind: 'something-new' })).toBe(
			rgba('#555555')
		);
	});

	it('colours the two sides of a dispute differently', () => {
		const expr = colourExpression(BUILT_IN_KINDS, ['Turkey', 'Russia']);
		const turkish = evaluate(expr, { kind: 'claim', claimedBy: 'Turkey' });
		const russian = evaluate(expr, { kind: 'claim', claimedBy: 'Russia' });
		expect(turkish).toBe(rgba(CLAIM_COLOURS[0]));
		expect(russian).toBe(rgba(CLAIM_COLOURS[1]));
		expect(turkish).not.toBe(russian);
		// Non-claims keep their kind colour even with claimants given.
		expect(evaluate(expr, { kind: 'attack' })).toBe(rgba(KIND_COLOURS.attack));
	});
});
