/**
 * The locator inset's geometry: the overview's projection as the browser replays it, the
 * view's rectangle and the window shown around it.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { geoMercator } from 'd3-geo';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { loadStory } from '$lib/story/load';
import { projectOnOverview, staticOverview, type StaticOverview } from '$lib/map/static-overview';
import { locatorWindow, viewRect } from '$lib/map/locator';

let o: StaticOverview;
let story: ReturnType<typeof loadStory>;
beforeAll(() => {
	story = loadStory('tests/fixtures/story/valid');
	o = staticOverview({
		topology: loadNaturalEarth('110m').topology,
		layers: story.layers,
		bbox: story.bbox
	});
	// Loading a story checks it against Natural Earth 1:10m: seconds, more on a busy machine.
}, 60_000);

describe('the overview projection', () => {
	it('replays d3’s Mercator exactly (property)', () => {
		const d3 = geoMercator().scale(o.projection.scale).translate(o.projection.translate);
		fc.assert(
			fc.property(
				fc.double({ min: -179, max: 179, noNaN: true }),
				fc.double({ min: -80, max: 80, noNaN: true }),
				(lng, lat) => {
					const [x, y] = projectOnOverview(o.projection, [lng, lat]);
					const [ex, ey] = d3([lng, lat])!;
					expect(x).toBeCloseTo(ex, 6);
					expect(y).toBeCloseTo(ey, 6);
				}
			)
		);
	});

	it('puts the overview’s points where the overview drew them', () => {
		const points = story.layers
			.flatMap((l) => l.data.features)
			.filter((f) => f.geometry?.type === 'Point');
		expect(points.length).toBeGreaterThan(0);
		for (const f of points) {
			const shape = o.shapes.find((s) => s.id === f.properties.fid)!;
			const [x, y] = projectOnOverview(
				o.projection,
				(f.geometry as GeoJSON.Point).coordinates as [number, number]
			);
			// The overview rounds to a tenth of a unit.
			expect(Math.abs(x - shape.x!)).toBeLessThanOrEqual(0.05 + 1e-9);
			expect(Math.abs(y - shape.y!)).toBeLessThanOrEqual(0.05 + 1e-9);
		}
	});
});

describe('the locator window', () => {
	const aspect = 152 / 114;

	it('frames a town-sized view with context, the rectangle inside it', () => {
		const rect = viewRect(o.projection, [2.25, 48.83, 2.47, 48.91]);
		expect(rect.width).toBeGreaterThan(0);
		expect(rect.height).toBeGreaterThan(0);
		const w = locatorWindow(o, rect, aspect);
		expect(w.width).toBeCloseTo(110, 6);
		expect(w.width / w.height).toBeCloseTo(aspect, 6);
		expect(rect.x).toBeGreaterThanOrEqual(w.x);
		expect(rect.x + rect.width).toBeLessThanOrEqual(w.x + w.width);
	});

	it('stays inside the overview and keeps its aspect, whatever the view (property)', () => {
		fc.assert(
			fc.property(
				fc.double({ min: -20, max: 60, noNaN: true }),
				fc.double({ min: 10, max: 65, noNaN: true }),
				fc.double({ min: 0.01, max: 20, noNaN: true }),
				(west, south, span) => {
					const rect = viewRect(o.projection, [west, south, west + span, south + span / 2]);
					const w = locatorWindow(o, rect, aspect);
					expect(w.width / w.height).toBeCloseTo(aspect, 6);
					expect(w.x).toBeGreaterThanOrEqual(-1e-9);
					expect(w.y).toBeGreaterThanOrEqual(-1e-9);
					expect(w.x + w.width).toBeLessThanOrEqual(o.width + 1e-9);
					expect(w.y + w.height).toBeLessThanOrEqual(o.height + 1e-9);
					expect(w.width).toBeGreaterThanOrEqual(Math.min(110, o.width) - 1e-9);
				}
			)
		);
	});
});
