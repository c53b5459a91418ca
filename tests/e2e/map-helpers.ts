/**
 * Finding features on the map from a test without test-only globals: the map region
 * exposes its view (data-lng/lat/zoom, for readers of the DOM as much as for tests), and
 * Web Mercator turns a coordinate into a pixel.
 */
import type { Page } from '@playwright/test';
import type { FeatureCollection, Point } from 'geojson';
import { mapRegion, openLink, expect } from './fixtures';

export interface StoryFeature {
	id: string;
	geometry: FeatureCollection['features'][number]['geometry'];
	properties: Record<string, unknown> & {
		fid: string;
		event: string;
		kind: string;
		title: string;
		passages: string[];
	};
}

/**
 * Every feature of the built story, fetched from the site like the app does: geometry from
 * the map's data files, full properties from the story index (the data files carry only what
 * the style reads).
 */
export async function storyFeatures(page: Page, layers: string[]): Promise<StoryFeature[]> {
	const shellRes = await page.request.get('/story/shell.json');
	expect(shellRes.ok()).toBe(true);
	const { parts } = (await shellRes.json()) as { parts: number };
	const props: Record<string, StoryFeature['properties']> = {};
	for (let k = 0; k < parts; k++) {
		const res = await page.request.get(`/story/part-${k}.json`);
		expect(res.ok()).toBe(true);
		Object.assign(props, (await res.json()).features);
	}
	const out: StoryFeature[] = [];
	for (const layer of layers) {
		const res = await page.request.get(`/data/${layer}.geojson`);
		expect(res.ok()).toBe(true);
		const fc = (await res.json()) as FeatureCollection;
		for (const f of fc.features as unknown as StoryFeature[]) {
			expect(props[f.properties.fid], `index entry of ${f.properties.fid}`).toBeDefined();
			out.push({ ...f, properties: props[f.properties.fid] });
		}
	}
	return out;
}

/** The layer ids, read from the legend. */
export async function layerIds(page: Page): Promise<string[]> {
	return page
		.locator('.legend li[data-layer]')
		.evaluateAll((els) => els.map((e) => e.getAttribute('data-layer')!));
}

export function pointOf(f: StoryFeature): [number, number] {
	if (f.geometry.type === 'Point') return (f.geometry as Point).coordinates as [number, number];
	if (f.geometry.type === 'LineString') {
		const c = f.geometry.coordinates;
		return c[Math.floor(c.length / 2)] as [number, number];
	}
	throw new Error(`No point for ${f.id}`);
}

function mercator(lng: number, lat: number, zoom: number) {
	const ws = 512 * 2 ** zoom;
	const s = Math.sin((lat * Math.PI) / 180);
	return {
		x: ((lng + 180) / 360) * ws,
		y: (0.5 - Math.log((1 + s) / (1 - s)) / (4 * Math.PI)) * ws
	};
}

/** Where a coordinate is on screen (page pixels), with the map's current view. */
export async function screenPoint(page: Page, lngLat: [number, number]) {
	const region = mapRegion(page);
	const box = (await region.boundingBox())!;
	const [lng, lat, zoom] = await Promise.all(
		['data-lng', 'data-lat', 'data-zoom'].map(async (a) => Number(await region.getAttribute(a)))
	);
	const c = mercator(lng, lat, zoom);
	const p = mercator(lngLat[0], lngLat[1], zoom);
	return { x: box.x + box.width / 2 + (p.x - c.x), y: box.y + box.height / 2 + (p.y - c.y) };
}

/** What the map shows, [west, south, east, north], from the view the map region exposes. */
export async function viewBounds(page: Page): Promise<[number, number, number, number]> {
	const region = mapRegion(page);
	const box = (await region.boundingBox())!;
	const [lng, lat, zoom] = await Promise.all(
		['data-lng', 'data-lat', 'data-zoom'].map(async (a) => Number(await region.getAttribute(a)))
	);
	const size = 512 * 2 ** zoom;
	const c = mercator(lng, lat, zoom);
	const lngAt = (x: number) => (x / size) * 360 - 180;
	const latAt = (y: number) =>
		(180 / Math.PI) * Math.atan(Math.sinh(Math.PI - (2 * Math.PI * y) / size));
	return [
		lngAt(c.x - box.width / 2),
		latAt(c.y + box.height / 2),
		lngAt(c.x + box.width / 2),
		latAt(c.y - box.height / 2)
	];
}

/** Open a page centred on a coordinate at a zoom, through the share-link hash. */
export async function openAt(page: Page, path: string, lngLat: [number, number], zoom: number) {
	await openLink(page, `${path}#map=${zoom}/${lngLat[1]}/${lngLat[0]}`);
}

export async function cursorAt(page: Page, lngLat: [number, number]): Promise<string> {
	const p = await screenPoint(page, lngLat);
	await page.mouse.move(p.x, p.y);
	return mapRegion(page)
		.locator('canvas')
		.evaluate((c) => (c as HTMLCanvasElement).style.cursor);
}

/**
 * The cursor over a coordinate settles on `expected`: symbols fade in after placement, so
 * poll (moving the mouse away and back) rather than read once.
 */
export async function expectCursor(page: Page, lngLat: [number, number], expected: '' | 'pointer') {
	await expect
		.poll(async () => {
			await page.mouse.move(0, 0);
			return cursorAt(page, lngLat);
		})
		.toBe(expected);
}
