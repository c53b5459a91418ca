/**
 * A story served as vector tiles (`$lib/map/story-tiles`): the hostile fixture is built as a
 * large story would be (package.json, build:hostile: `STORY_TILE_THRESHOLD=0` tiles every
 * layer, and each event's details are a part fetched when it is opened). Links open cold.
 * The fixture's checks fail on any failed request, so a tile asked for that does not exist
 * (a 404) fails these tests too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import type { FeatureCollection, Geometry } from 'geojson';
import { tileIndexes, tileSourceLayer } from '../../src/lib/map/story-tiles';
import type { SourceProperties } from '../../src/lib/map/source-data';
import { HOSTILE_BASE_URL } from '../../playwright.config';
import { test, expect, waitForMap, popup } from './fixtures';
import { expectCursor, screenPoint } from './map-helpers';

test.use({ baseURL: HOSTILE_BASE_URL });

type Site = {
	id: string;
	geometry: { coordinates: [number, number] };
	properties: { title: string };
};
const sites = JSON.parse(readFileSync('tests/fixtures/hostile-story/sites.geojson', 'utf8'))
	.features as Site[];
const site = (id: string) => sites.find((s) => s.id === id)!;
/** Shot down on 24 November; its passage is p3. */
const jet = site('jet-crash');
/** The crash of 31 October, with the flight path's end and its circle of doubt. */
const crash = site('crash-site');

/** Every request the page makes for the story's map data. */
function dataRequests(page: Page) {
	const urls: string[] = [];
	page.on('request', (r) => {
		const { pathname } = new URL(r.url());
		if (pathname.startsWith('/data/')) urls.push(pathname);
	});
	return urls;
}

test('tiles are drawn, filtered by the time window and the legend, and open the popup of what is clicked', async ({
	page
}) => {
	const requested = dataRequests(page);
	await page.goto('/#map=6/33/35&t=2015-11-20..2015-11-30');
	await waitForMap(page);
	// Tiles and their index, through the site's own files; no GeoJSON layer file at all.
	expect(requested).toContain('/data/sites/tiles.json');
	expect(requested.some((u) => /^\/data\/sites\/all\/6\/\d+\/\d+\.pbf$/.test(u))).toBe(true);
	expect(requested.filter((u) => u.endsWith('.geojson'))).toEqual([]);

	// Outside the window: no pointer, and a click opens nothing.
	await expectCursor(page, crash.geometry.coordinates, '');
	const at = await screenPoint(page, crash.geometry.coordinates);
	await page.mouse.click(at.x, at.y);
	await expect(popup(page)).toHaveCount(0);

	// Inside it: a pointer, and a click opens the event's popup with its passage, read from
	// the part the click fetches.
	await expectCursor(page, jet.geometry.coordinates, 'pointer');
	const jetAt = await screenPoint(page, jet.geometry.coordinates);
	await page.mouse.click(jetAt.x, jetAt.y);
	await expect(page).toHaveURL(/\/events\/jet-downed\/#.*t=2015-11-20\.\.2015-11-30/);
	await expect(popup(page).getByRole('heading', { level: 3 })).toHaveText(jet.properties.title);
	await expect(popup(page).locator('a[href$="passage=p3"]').first()).toBeVisible();
	await page.keyboard.press('Escape');
	await expect(popup(page)).toHaveCount(0);

	// The legend: with the sites off (and the circle of doubt and the border beside the jet,
	// which would answer at its pixel), nothing there is drawn or clickable; back on, it is.
	const toggle = (layer: string) => page.locator(`.legend li[data-layer="${layer}"] > label input`);
	for (const layer of ['sites', 'uncertainty', 'lines']) await toggle(layer).uncheck();
	await waitForMap(page);
	await expectCursor(page, jet.geometry.coordinates, '');
	await toggle('sites').check();
	await waitForMap(page);
	await expectCursor(page, jet.geometry.coordinates, 'pointer');
});

/**
 * Stand-ins (`$lib/map/stand-ins`), with the sites layer's files cut here by the app's own
 * tiler from the jet and two more shootdowns beside it (the fixture has no two features of
 * one kind that close): at zoom 5 the three share a marker's cell and are drawn once.
 */
test.describe('features drawn as one at a low zoom', () => {
	const beside: [string, [number, number], string][] = [
		['jet-crash', jet.geometry.coordinates, '2015-11-24'],
		['beside-1', [36.05, 35.85], '2015-11-10'],
		['beside-2', [36.04, 35.81], '2015-11-12']
	];
	const layer: FeatureCollection<Geometry, SourceProperties> = {
		type: 'FeatureCollection',
		features: beside.map(([fid, coordinates, day]) => ({
			type: 'Feature',
			geometry: { type: 'Point', coordinates },
			properties: { fid, event: fid, kind: 'shootdown', title: fid, start: day, end: day }
		}))
	};
	const tiles = [...tileSourceLayer(layer, false)];
	const files = new Map(tiles.map((t) => [`/data/sites/${t.set}/${t.z}/${t.x}/${t.y}.pbf`, t]));
	const index = JSON.stringify(tileIndexes(tiles.map((t) => ({ ...t, size: t.bytes.length }))));

	/** The page reads the sites layer from the tiles cut here. */
	const serveCut = (page: Page) =>
		page.route('**/data/sites/**', (route) => {
			const { pathname } = new URL(route.request().url());
			if (pathname === '/data/sites/tiles.json')
				return route.fulfill({ contentType: 'application/json', body: index });
			// The index lists only tiles with bytes: the page asks for no other.
			const tile = files.get(pathname);
			return tile && tile.bytes.length > 0
				? route.fulfill({
						contentType: 'application/x-protobuf',
						body: Buffer.from(tile.bytes)
					})
				: route.fulfill({ status: 404 });
		});
	test.beforeEach(({ page }) => serveCut(page));

	const tooltip = (page: Page) => page.locator('.tooltip');

	test('say how many they are, and zoom in when clicked', async ({ page }) => {
		await page.goto('/#map=5/35.83/36.03&layers=sites');
		await waitForMap(page);
		await expectCursor(page, jet.geometry.coordinates, 'pointer');
		await expect(tooltip(page)).toHaveText('3 features here: click to zoom in');
		const at = await screenPoint(page, jet.geometry.coordinates);
		await page.mouse.click(at.x, at.y);
		await expect(page).toHaveURL(/#map=7\//);
		await expect(popup(page)).toHaveCount(0);
	});

	test('stay on the map under a window that holds one of their days, and only then', async ({
		browser
	}) => {
		// Each link opens cold, in a fresh context.
		for (const [window, cursor] of [
			['2015-11-09..2015-11-11', 'pointer'],
			['2015-11-13..2015-11-20', ''],
			['2015-11-24..2015-11-24', 'pointer']
		] as const) {
			const context = await browser.newContext();
			const page = await context.newPage();
			await serveCut(page);
			await page.goto(`${HOSTILE_BASE_URL}/#map=5/35.83/36.03&layers=sites&t=${window}`);
			await waitForMap(page);
			await expectCursor(page, jet.geometry.coordinates, cursor);
			if (cursor)
				// Under a window it stands for some of them only: no count.
				await expect(tooltip(page)).toHaveText('Features here: click to zoom in');
			await context.close();
		}
	});
});

test('a story tile that cannot be drawn raises a notice', async ({ page, watch }) => {
	await page.route('**/data/sites/all/**', (route) =>
		route.fulfill({ body: Buffer.from('not a vector tile, but text that pbf cannot read') })
	);
	await page.goto('/#map=6/33/35');
	await expect(page.getByText(/Part of the map’s data could not be drawn/)).toBeVisible();
	// The map said so in the console too; nothing else went wrong.
	expect(watch.consoleErrors.every((e) => e.startsWith('Map error:'))).toBe(true);
	watch.consoleErrors.length = 0;
});

/**
 * The hostile build is a paged story too (package.json: `STORY_LIST_SIZE=1`, one event a list
 * file): its counts come from its spans, and its list files are read as the list needs them.
 */
test.describe('a paged list', () => {
	/** The list files the page read. */
	function listRequests(page: Page) {
		const urls: string[] = [];
		page.on('request', (r) => {
			const { pathname } = new URL(r.url());
			if (/^\/story\/(list-\d+|spans)\.json$/.test(pathname)) urls.push(pathname);
		});
		return urls;
	}
	const rows = (page: Page) => page.locator('.events ol > li');

	test('under a one-day window, reads only the file of that day’s event', async ({ page }) => {
		const read = listRequests(page);
		// The jet was downed on 24 November: of the three events by date, the second.
		await page.goto('/#t=2015-11-24..2015-11-24');
		await waitForMap(page);
		await expect(rows(page)).toHaveCount(1);
		await expect(page.locator('.events h2 .count')).toHaveText('(1)');
		await expect(page.locator('.summary').first()).toContainText('1 event');
		await expect(rows(page).first()).toContainText('24 Nov 2015');
		expect(read.sort()).toEqual(['/story/list-1.json', '/story/spans.json']);
		// The legend counts from the spans: the jet's site, and none of the other sites.
		await expect(page.locator('.legend li[data-layer="sites"] > label .count')).toHaveText('1');
	});

	test('without a window, reads the files of its first rows and counts every event', async ({
		page
	}) => {
		const read = listRequests(page);
		await page.goto('/');
		await waitForMap(page);
		await expect(rows(page)).toHaveCount(3);
		await expect(page.locator('.events h2 .count')).toHaveText('(3)');
		expect(read.sort()).toEqual([
			'/story/list-0.json',
			'/story/list-1.json',
			'/story/list-2.json',
			'/story/spans.json'
		]);
		// The timeline marks each day from the spans, named by its event.
		await expect(page.locator('.timeline [data-event]')).toHaveCount(3);
	});
});
