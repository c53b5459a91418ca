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
	SHAPES_PER_LAYER,
	staticOverview,
	type OverviewLayerInput,
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
	// Uncertainty areas around some points: counted as their point, never twice.
	const doubts = points.slice(0, 500).map((p, i) => {
		const [x, y] = p.geometry.coordinates;
		return {
			type: 'Feature' as const,
			geometry: {
				type: 'Polygon' as const,
				coordinates: [
					[
						[x - 0.05, y - 0.05],
						[x + 0.05, y - 0.05],
						[x + 0.05, y + 0.05],
						[x - 0.05, y + 0.05],
						[x - 0.05, y - 0.05]
					]
				]
			},
			properties: { ...props(`u${i}`, 'uncertainty'), of: p.properties.fid }
		};
	});
	// Far apart, so no two cluster.
	const few = [
		[35, 30],
		[40, 34],
		[45, 38]
	].map((coordinates, i) => ({
		type: 'Feature' as const,
		geometry: { type: 'Point' as const, coordinates },
		properties: props(`s${i}`, 'attack')
	}));
	const collection = <F>(features: F[]) => ({ type: 'FeatureCollection' as const, features });
	const layers = [
		{ id: 'incidents', title: 'Incidents', data: collection(points) },
		{ id: 'doubt', title: 'Uncertainty', data: collection(doubts) },
		{ id: 'routes', title: 'Routes', data: collection(lines) },
		{ id: 'areas', title: 'Areas', data: collection(areas) },
		{ id: 'small', title: 'Small', data: collection(few) }
	];
	const bbox: [number, number, number, number] = [34, 29, 46, 39];
	let o: StaticOverview;
	beforeAll(() => {
		o = staticOverview({ topology: topology(), layers, bbox, summariseAbove: 1000 });
	});

	it('counts every feature of every layer once, in a cluster or as a shape', () => {
		for (const layer of layers) {
			const clusters = o.summaries.filter((s) => s.layer === layer.id);
			const shapes = o.shapes.filter((s) => s.layer === layer.id);
			const counted = clusters.reduce((n, c) => n + c.count, 0) + shapes.length;
			// Uncertainty areas are their point's: the incidents count them already.
			expect(counted, layer.id).toBe(layer.id === 'doubt' ? 0 : layer.data.features.length);
			for (const c of clusters) {
				expect(c.geometry).toBe('cluster');
				expect(c.x).toBeGreaterThanOrEqual(0);
				expect(c.x).toBeLessThanOrEqual(o.width);
				expect(c.count).toBeGreaterThan(1);
			}
		}
		expect(o.summaries.filter((s) => s.layer === 'incidents').length).toBeGreaterThan(10);
	});

	it('keeps the largest lines and areas of a layer as shapes, and clusters the rest', () => {
		const routes = o.shapes.filter((s) => s.layer === 'routes');
		// The largest, and the few that no cluster took: a line drawn as itself (next test), a
		// speck as a dot.
		const lines = routes.filter((r) => r.geometry === 'line');
		expect(lines.length).toBeGreaterThanOrEqual(SHAPES_PER_LAYER);
		expect(routes.length).toBeLessThan(SHAPES_PER_LAYER + 20);
		for (const r of routes) {
			expect(r.kindLabel).toBe(BUILT_IN_KINDS['smuggling-route'].label);
			if (r.geometry !== 'line') expect([r.geometry, r.d]).toEqual(['point', '']);
		}
		// The long lines (a third of them, 3° each) are the largest.
		const long = routes.filter((r) => extent(r.d).width > 50);
		expect(long.length).toBeGreaterThanOrEqual(SHAPES_PER_LAYER);
		// The areas are specks on this frame: each is in a cluster, or a dot where it is alone.
		const alone = o.shapes.filter((s) => s.layer === 'areas');
		expect(alone.length).toBeLessThan(20);
		for (const a of alone) expect([a.geometry, a.d]).toEqual(['point', '']);
		expect(o.summaries.filter((s) => s.layer === 'areas').length).toBeGreaterThan(0);
	});

	it('draws a lone line as itself, not as a cluster of one', () => {
		// Too small to be among the largest, and far from every other feature.
		const lone = {
			type: 'Feature' as const,
			geometry: {
				type: 'LineString' as const,
				coordinates: [
					[34.1, 29.2],
					[34.5, 29.3]
				]
			},
			properties: props('lone', 'smuggling-route')
		};
		const withLone = staticOverview({
			topology: topology(),
			layers: [{ id: 'routes', title: 'Routes', data: collection([...lines, lone]) }],
			bbox,
			summariseAbove: 1000
		});
		const shape = withLone.shapes.find((s) => s.id === 'lone');
		expect(shape?.geometry).toBe('line');
		expect(shape?.d).toMatch(/^M[^M]+$/);
	});

	it('keeps a large story’s multipoints as shapes of their own', () => {
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
					data: collection([...points.slice(0, 10), multi])
				}
			],
			bbox,
			summariseAbove: 5
		});
		expect(withMulti.shapes.filter((s) => s.id === 'mp')).toHaveLength(1);
	});

	it('keeps lone points as links, and stays under 1 MB', () => {
		expect(o.shapes.filter((s) => s.layer === 'small').map((s) => s.id)).toEqual([
			's0',
			's1',
			's2'
		]);
		expect(JSON.stringify(o).length).toBeLessThan(1_000_000);
		// Unsummarised, the same story is many times that.
		const whole = staticOverview({ topology: topology(), layers, bbox });
		expect(JSON.stringify(whole).length).toBeGreaterThan(10_000_000);
		expect(whole.summaries).toEqual([]);
	});

	it('grows with the picture, not with the story', () => {
		const size = (k: number) => {
			const times = (layer: OverviewLayerInput): OverviewLayerInput => ({
				...layer,
				data: collection(Array.from({ length: k }, () => layer.data.features).flat())
			});
			return JSON.stringify(
				staticOverview({
					topology: topology(),
					layers: layers.map(times),
					bbox,
					summariseAbove: 1000
				})
			).length;
		};
		expect(size(4) / size(1)).toBeLessThan(1.05);
	});

	it('draws a dense line with as few vertices as its size on the overview needs', () => {
		// A half circle of 5° traced with 20,000 vertices.
		const arc = Array.from({ length: 20_000 }, (_, i) => {
			const a = (Math.PI * i) / 19_999;
			return [40 + 5 * Math.cos(a), 31 + 5 * Math.sin(a)];
		});
		const { shapes } = staticOverview({
			topology: topology(),
			layers: [
				{
					id: 'routes',
					title: 'Routes',
					data: collection([
						{
							type: 'Feature' as const,
							geometry: { type: 'LineString' as const, coordinates: arc },
							properties: props('arc', 'smuggling-route')
						}
					])
				}
			],
			bbox
		});
		const drawn = subpaths(shapes[0].d).flat();
		expect(drawn.length).toBeLessThan(300);
		// Still the whole arc: its ends and its top, within a unit.
		const unsimplified = staticOverview({
			topology: topology(),
			layers: [
				{
					id: 'ends',
					title: 'Ends',
					data: collection(
						[arc[0], arc[9_999], arc[19_999]].map((coordinates, i) => ({
							type: 'Feature' as const,
							geometry: { type: 'Point' as const, coordinates },
							properties: props(`e${i}`, 'attack')
						}))
					)
				}
			],
			bbox
		}).shapes;
		for (const end of unsimplified) {
			const nearest = Math.min(...drawn.map(([x, y]) => Math.hypot(x - end.x!, y - end.y!)));
			expect(nearest).toBeLessThan(1);
		}
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
