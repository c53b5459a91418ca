/**
 * A story served as vector tiles (`$lib/map/story-tiles`): the hostile fixture is built as a
 * large story would be (package.json, build:hostile: `STORY_TILE_THRESHOLD=0` tiles every
 * layer, and each event's details are a part fetched when it is opened). Links open cold.
 * The fixture's checks fail on any failed request, so a tile asked for that does not exist
 * (a 404) fails these tests too.
 */
import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
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
