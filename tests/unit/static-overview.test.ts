/**
 * The static overview (no-WebGL fallback): Natural Earth and the story projected to SVG path
 * data. Checked on the valid fixture story and on the hostile one.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { Polygon } from 'geojson';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { loadStory } from '$lib/story/load';
import type { CompiledStory } from '$lib/story/compiled';
import { BUILT_IN_KINDS } from '$lib/story/kinds';
import {
	rewindForD3,
	shortLabel,
	staticOverview,
	type StaticOverview
} from '$lib/map/static-overview';

const topology = () => loadNaturalEarth('110m').topology;

/** The points of each subpath of SVG path data as d3 writes it (M x,y L x,y … Z). */
function subpaths(d: string): [number, number][][] {
	return d
		.split('M')
		.filter(Boolean)
		.map((sub) =>
			[...sub.matchAll(/(-?\d+(?:\.\d+)?),(-?\d+(?:\.\d+)?)/g)].map(
				(m) => [Number(m[1]), Number(m[2])] as [number, number]
			)
		);
}

function extent(d: string) {
	const pts = subpaths(d).flat();
	const xs = pts.map((p) => p[0]);
	const ys = pts.map((p) => p[1]);
	return {
		width: Math.max(...xs) - Math.min(...xs),
		height: Math.max(...ys) - Math.min(...ys)
	};
}

describe('static overview of the valid fixture story', () => {
	let story: CompiledStory;
	let o: StaticOverview;
	beforeAll(() => {
		story = loadStory('tests/fixtures/story/valid');
		o = staticOverview({ topology: topology(), layers: story.layers, bbox: story.bbox });
	});

	it('draws land and borders inside its frame', () => {
		expect(o.width).toBe(1000);
		expect(o.height).toBe(750);
		expect(o.land).toMatch(/^M/);
		expect(o.borders).toMatch(/^M/);
		for (const [x, y] of subpaths(o.land).flat()) {
			expect(x).toBeGreaterThanOrEqual(0);
			expect(x).toBeLessThanOrEqual(o.width);
			expect(y).toBeGreaterThanOrEqual(0);
			expect(y).toBeLessThanOrEqual(o.height);
		}
	});

	it('has one shape per feature, with its id, title, event and kind colour', () => {
		const features = story.layers.flatMap((l) => l.data.features);
		expect(o.shapes.map((s) => s.id).sort()).toEqual(features.map((f) => f.properties.fid).sort());
		for (const f of features) {
			const s = o.shapes.find((x) => x.id === f.properties.fid)!;
			expect(s.title).toBe(f.properties.title);
			expect(s.event).toBe(f.properties.event);
			expect(s.layer).toBe(f.properties.layer);
			expect(s.passage).toBe(f.properties.passages[0]);
			expect(s.colour).toBe(BUILT_IN_KINDS[f.properties.kind].colour);
		}
	});

	it('puts points at their projected place, inside the padded frame', () => {
		const points = o.shapes.filter((s) => s.geometry === 'point');
		expect(points.length).toBeGreaterThan(0);
		for (const p of points) {
			expect(p.d).toBe('');
			expect(p.x).toBeGreaterThanOrEqual(39.9);
			expect(p.x).toBeLessThanOrEqual(o.width - 39.9);
			expect(p.y).toBeGreaterThanOrEqual(39.9);
			expect(p.y).toBeLessThanOrEqual(o.height - 39.9);
		}
		// Mercator, north up: Pulkovo (St Petersburg) is north-east of Paris.
		const paris = points.find((p) => p.id === 'paris-talks-site')!;
		const pulkovo = points.find((p) => p.id === 'led')!;
		expect(pulkovo.x).toBeGreaterThan(paris.x!);
		expect(pulkovo.y).toBeLessThan(paris.y!);
	});

	it('stacks areas under lines under points, so the smallest target is on top', () => {
		const rank = { area: 0, line: 1, point: 2 };
		const ranks = o.shapes.map((s) => rank[s.geometry]);
		expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
	});

	it('draws dashed what the map draws dashed', () => {
		expect(o.shapes.find((s) => s.id === 'unflown')!.dashed).toBe(true);
		expect(o.shapes.find((s) => s.id === 'flown')!.dashed).toBe(false);
	});

	it('labels place names only, and uncertainty areas point back to their feature', () => {
		for (const s of o.shapes) {
			if (s.kind === 'place' && s.geometry === 'point') expect(s.label).toBeTruthy();
			else expect(s.label).toBeUndefined();
		}
		const circle = o.shapes.find((s) => s.kind === 'uncertainty')!;
		expect(circle.of).toBeTruthy();
		expect(o.shapes.some((s) => s.id === circle.of)).toBe(true);
	});

	// The bug this caught: RFC 7946 winds exteriors counter-clockwise, d3 reads that as
	// "the whole sphere but this", and the Paris polygon (with its hole) covered the map.
	it('draws an RFC 7946 polygon as itself, not as the whole world', () => {
		const area = o.shapes.find((s) => s.id === 'paris-area')!;
		const box = extent(area.d);
		expect(box.width).toBeLessThan(50);
		expect(box.height).toBeLessThan(50);
		// Exterior and hole both drawn.
		expect(subpaths(area.d)).toHaveLength(2);
		for (const circle of o.shapes.filter((s) => s.kind === 'uncertainty')) {
			expect(extent(circle.d).width, circle.id).toBeLessThan(100);
		}
	});

	it('is plain JSON: what the endpoint writes is what the component reads', () => {
		expect(JSON.parse(JSON.stringify(o))).toEqual(o);
	});

	it('does not mutate the story', () => {
		const before = JSON.stringify(story.layers);
		staticOverview({ topology: topology(), layers: story.layers, bbox: story.bbox });
		expect(JSON.stringify(story.layers)).toBe(before);
	});
});

describe('static overview of the whole world', () => {
	// The antimeridian pitfall (RECIPES): Russia's and Fiji's rings cross ±180°; drawn naively
	// they become bands across the map. d3 cuts them, so no edge may span half the frame.
	it('has no edge that jumps across the map', () => {
		const o = staticOverview({ topology: topology(), layers: [], bbox: [-180, -80, 180, 84] });
		for (const sub of subpaths(o.land)) {
			for (let i = 1; i < sub.length; i++) {
				expect(Math.abs(sub[i][0] - sub[i - 1][0])).toBeLessThan(o.width / 2);
			}
		}
		expect(o.shapes).toEqual([]);
	});
});

describe('static overview of the hostile story', () => {
	it('keeps 10,000-character titles whole and markup as plain strings', () => {
		const story = loadStory('tests/fixtures/hostile-story');
		const o = staticOverview({ topology: topology(), layers: story.layers, bbox: story.bbox });
		const long = o.shapes.find((s) => s.title.length >= 10_000);
		expect(long).toBeDefined();
		expect(o.shapes.some((s) => s.title.includes('<img src=x onerror=alert(1)>'))).toBe(true);
		for (const s of o.shapes) {
			if (s.label) expect([...s.label].length).toBeLessThanOrEqual(40);
		}
	});
});

describe('static overview of a large story', () => {
	// Seeded: 60,000 points, 3,000 lines of a few kilometres to a few hundred, and 2,000 small
	// areas, over the article's region.
	let seed = 11;
	const random = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
	const props = (fid: string, kind: string) => ({
		fid,
		event: `event-${fid}`,
		title: `Feature ${fid}`,
		kind,
		passages: ['p1']
	});
	const points = Array.from({ length: 60_000 }, (_, i) => ({
		type: 'Feature' as const,
		geometry: { type: 'Point' as const, coordinates: [35 + random() * 10, 30 + random() * 8] },
		properties: props(`p${i}`, i % 2 ? 'airstrike' : 'attack')
	}));
	const lines = Array.from({ length: 3_000 }, (_, i) => {
		const [x, y] = [35 + random() * 10, 30 + random() * 8];
		const len = i % 3 === 0 ? 3 : 0.02;
		return {
			type: 'Feature' as const,
			geometry: {
				type: 'LineString' as const,
				coordinates: [
					[x, y],
					[x + len, y + len / 2]
				]
			},
			properties: props(`l${i}`, 'smuggling-route')
		};
	});
	const areas = Array.from({ length: 2_000 }, (_, i) => {
		const [x, y] = [35 + random() * 10, 30 + random() * 8];
		const r = 0.01;
		return {
			type: 'Feature' as const,
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[x, y],
						[x + r, y],
						[x + r, y + r],
						[x, y + r],
						[x, y]
					]
				]
			},
			properties: props(`a${i}`, 'area-of-control')
		};
	});
	const layers = [
		{
			id: 'incidents',
			title: 'Incidents',
			data: { type: 'FeatureCollection' as const, features: points }
		},
		{
			id: 'routes',
			title: 'Routes',
			data: { type: 'FeatureCollection' as const, features: lines }
		},
		{ id: 'areas', title: 'Areas', data: { type: 'FeatureCollection' as const, features: areas } },
		{
			id: 'small',
			title: 'Small',
			data: { type: 'FeatureCollection' as const, features: points.slice(0, 3) }
		}
	];
	const bbox: [number, number, number, number] = [34, 29, 46, 39];
	let o: StaticOverview;
	beforeAll(() => {
		o = staticOverview({ topology: topology(), layers, bbox, summariseAbove: 1000 });
	});

	it('clusters the points of a large layer, every point counted once', () => {
		const clusters = o.summaries.filter((s) => s.layer === 'incidents' && s.geometry === 'cluster');
		const single = o.shapes.filter((s) => s.layer === 'incidents');
		expect(clusters.length).toBeGreaterThan(10);
		expect(clusters.reduce((n, c) => n + (c.count ?? 0), 0) + single.length).toBe(points.length);
		for (const c of clusters) {
			expect(c.x).toBeGreaterThanOrEqual(0);
			expect(c.x).toBeLessThanOrEqual(o.width);
			expect(c.count).toBeGreaterThan(1);
		}
	});

	it('draws a large layer’s lines as one path per kind, and leaves specks out', () => {
		const routes = o.summaries.filter((s) => s.layer === 'routes');
		expect(routes.map((r) => [r.geometry, r.kindLabel])).toEqual([
			['line', BUILT_IN_KINDS['smuggling-route'].label]
		]);
		// The long lines (a third of them) are drawn; the short ones are under a unit.
		expect(subpaths(routes[0].d!).length).toBe(1000);
		expect(o.shapes.filter((s) => s.layer === 'routes' || s.layer === 'areas')).toEqual([]);
		expect(o.summaries.filter((s) => s.layer === 'areas')).toEqual([]);
	});

	it('keeps a large layer’s multipoints as shapes of their own', () => {
		const multi = {
			type: 'Feature' as const,
			geometry: {
				type: 'MultiPoint' as const,
				coordinates: [
					[36, 33],
					[37, 34]
				]
			},
			properties: props('mp', 'attack')
		};
		const withMulti = staticOverview({
			topology: topology(),
			layers: [
				{
					id: 'incidents',
					title: 'Incidents',
					data: { type: 'FeatureCollection', features: [...points.slice(0, 10), multi] }
				}
			],
			bbox,
			summariseAbove: 5
		});
		expect(withMulti.shapes.filter((s) => s.id === 'mp')).toHaveLength(1);
	});

	it('keeps a small layer’s features as links, and stays under 1 MB', () => {
		expect(o.shapes.filter((s) => s.layer === 'small').map((s) => s.id)).toEqual([
			'p0',
			'p1',
			'p2'
		]);
		expect(JSON.stringify(o).length).toBeLessThan(1_000_000);
		// Unsummarised, the same story is many times that.
		const whole = staticOverview({ topology: topology(), layers, bbox });
		expect(JSON.stringify(whole).length).toBeGreaterThan(10_000_000);
		expect(whole.summaries).toEqual([]);
	});
});

describe('rewindForD3', () => {
	const ccw: Polygon = {
		type: 'Polygon',
		coordinates: [
			[
				[0, 0],
				[1, 0],
				[1, 1],
				[0, 1],
				[0, 0]
			],
			[
				[0.2, 0.2],
				[0.2, 0.8],
				[0.8, 0.8],
				[0.8, 0.2],
				[0.2, 0.2]
			]
		]
	};

	it('winds the exterior clockwise and holes counter-clockwise, without mutating', () => {
		const copy = structuredClone(ccw);
		const out = rewindForD3(ccw) as Polygon;
		expect(ccw).toEqual(copy);
		expect(out.coordinates[0]).toEqual([...ccw.coordinates[0]].reverse());
		expect(out.coordinates[1]).toEqual([...ccw.coordinates[1]].reverse());
		// Already right: unchanged.
		expect(rewindForD3(out)).toEqual(out);
	});

	it('handles multipolygons', () => {
		const out = rewindForD3({ type: 'MultiPolygon', coordinates: [ccw.coordinates] });
		expect(out.type).toBe('MultiPolygon');
		expect((out.coordinates as number[][][][])[0][0]).toEqual([...ccw.coordinates[0]].reverse());
	});
});

describe('shortLabel', () => {
	it('keeps short text and cuts long text with an ellipsis', () => {
		expect(shortLabel('  Moscow ')).toBe('Moscow');
		const cut = shortLabel('W'.repeat(10_000));
		expect(cut).toHaveLength(40);
		expect(cut.endsWith('…')).toBe(true);
	});

	it('never splits an emoji in half', () => {
		const cut = shortLabel('🧨'.repeat(100), 10);
		expect([...cut]).toHaveLength(10);
		expect(cut).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
	});
});
