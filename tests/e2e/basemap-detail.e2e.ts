/**
 * Something to see at every zoom: towns and cities on the basemap where event pages open, and
 * the locator inset past zoom 6. Every link is opened in a fresh page (a cold start).
 */
import type { Page, Route } from '@playwright/test';
import { VectorTile } from '@mapbox/vector-tile';
import Pbf from 'pbf';
import { createRequire } from 'node:module';
import { BASEMAP_COLOURS } from '../../src/lib/map/basemap-style';
import { projectOnOverview, type StaticOverview } from '../../src/lib/map/static-overview';
import { decodePng, expect, mapRegion, startMap, test, waitForMap } from './fixtures';
import { viewBounds } from './map-helpers';

// vt-pbf is CommonJS without types; the one function used here.
const require = createRequire(import.meta.url);
const vtpbf = require('vt-pbf') as (tile: { layers: Record<string, unknown> }) => Uint8Array;

const PARIS_LINK = '/#map=12/48.868/2.36&layers=';

/**
 * Share of the map's pixels that are neither land nor sea (labels, coasts, borders), with the
 * controls drawn over the map (zoom buttons, scale, inset, credits) hidden for the picture.
 */
async function nonBackgroundShare(page: Page): Promise<number> {
	// The inset's code loads once the map is past zoom 6, so it can appear after the map is
	// idle: wait for it, or it is drawn into one picture and not the other.
	await expect(locator(page)).toBeVisible();
	// Hidden through the DOM: the page's CSP would refuse a stylesheet injected for the picture.
	const overlays = page.locator('.maplibregl-control-container, .locator, .attribution');
	await overlays.evaluateAll((els) =>
		els.forEach((e) => ((e as HTMLElement).style.visibility = 'hidden'))
	);
	const shot = await mapRegion(page).locator('canvas').screenshot();
	await overlays.evaluateAll((els) =>
		els.forEach((e) => ((e as HTMLElement).style.visibility = ''))
	);
	const { pixels } = await decodePng(shot);
	const background = [BASEMAP_COLOURS.land, BASEMAP_COLOURS.sea].map((hex) => [
		parseInt(hex.slice(1, 3), 16),
		parseInt(hex.slice(3, 5), 16),
		parseInt(hex.slice(5, 7), 16)
	]);
	let other = 0;
	for (let i = 0; i < pixels.length; i += 4) {
		const near = background.some(
			([r, g, b]) => Math.hypot(pixels[i] - r, pixels[i + 1] - g, pixels[i + 2] - b) <= 12
		);
		if (!near) other++;
	}
	return other / (pixels.length / 4);
}

/** Serves the basemap's tiles without their `places` layer: the same map with no towns. */
async function withoutPlaces(route: Route) {
	const response = await route.fetch();
	const body = await response.body();
	if (body.length === 0) return route.fulfill({ response, body });
	const tile = new VectorTile(
		new Pbf(body) as unknown as ConstructorParameters<typeof VectorTile>[0]
	);
	const layers = Object.fromEntries(
		Object.entries(tile.layers).filter(([name]) => name !== 'places')
	);
	return route.fulfill({ response, body: Buffer.from(vtpbf({ layers })) });
}

const locator = (page: Page) => page.getByRole('button', { name: /^Where the map is/ });

test.describe('towns and cities', () => {
	test('label the Paris attack sites’ streets at zoom 12, with the story hidden', async ({
		browser
	}) => {
		// Two cold maps at street level on software WebGL, one with re-encoded tiles.
		test.slow();
		// The baseline: the same link, the same tiles without their places.
		const blankContext = await browser.newContext();
		const blank = await blankContext.newPage();
		await blank.route('**/generated/basemap/tiles/**', withoutPlaces);
		await blank.goto(PARIS_LINK);
		await waitForMap(blank);
		const baseline = await nonBackgroundShare(blank);
		await blankContext.close();

		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(PARIS_LINK);
		await waitForMap(page);
		const share = await nonBackgroundShare(page);
		// Measured on software WebGL at 832×664: 0.15 % of the map without places (anti-aliased
		// edges), 0.58 % with them (eight town names). The bar: three times the blank map, and at
		// least 0.3 % of the map (≈ 1,600 pixels: a few names) more.
		expect(baseline).toBeLessThan(0.003);
		expect(share).toBeGreaterThan(Math.max(baseline * 3, baseline + 0.003));
		// The towns MapLibre placed on the map, as the locator inset tells a screen reader.
		const name = await locator(page).getAttribute('aria-label');
		expect(name).toContain('Paris');
		expect(name!.split(',').length).toBeGreaterThanOrEqual(3);
		await context.close();
	});

	test('name the towns around the Su-24 crash on its event page, with no missing tile', async ({
		page,
		watch
	}) => {
		await page.goto('/events/su24-shootdown/');
		await waitForMap(page);
		await expect(locator(page)).toHaveAccessibleName(/near .+, .+/);
		expect(watch.failedRequests.filter((r) => r.includes('/generated/'))).toEqual([]);
	});
});

test.describe('the locator inset', () => {
	test('is not offered at the story’s own zoom', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		await expect(locator(page)).toHaveCount(0);
	});

	test('draws the view’s rectangle where the main map is, and zooms out to the story', async ({
		page
	}) => {
		await page.goto(PARIS_LINK);
		await waitForMap(page);
		const rect = page.locator('.locator rect.view');
		await expect(rect).toBeVisible();
		const overview = (await (await page.request.get('/overview.json')).json()) as StaticOverview;
		const [w, s, e, n] = await viewBounds(page);
		const [x0, y0] = projectOnOverview(overview.projection, [w, n]);
		const [x1, y1] = projectOnOverview(overview.projection, [e, s]);
		const drawn = await Promise.all(
			['data-x', 'data-y', 'data-width', 'data-height'].map(async (a) =>
				Number(await rect.getAttribute(a))
			)
		);
		const expected = [x0, y0, x1 - x0, y1 - y0];
		drawn.forEach((v, i) => expect(Math.abs(v - expected[i])).toBeLessThanOrEqual(0.05));
		// The rectangle is inside the window the inset shows.
		const [vx, vy, vw, vh] = (await page.locator('.locator svg').getAttribute('viewBox'))!
			.split(' ')
			.map(Number);
		expect(x0).toBeGreaterThanOrEqual(vx);
		expect(x1).toBeLessThanOrEqual(vx + vw);
		expect(y0).toBeGreaterThanOrEqual(vy);
		expect(y1).toBeLessThanOrEqual(vy + vh);

		// A pan updates it on moveend.
		await mapRegion(page).locator('canvas').focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await waitForMap(page);
		await expect
			.poll(async () => Number(await rect.getAttribute('data-x')))
			.toBeGreaterThan(drawn[0] + 0.01);

		// Clicking it (here from the keyboard) zooms out to the story.
		await locator(page).focus();
		await page.keyboard.press('Enter');
		await expect
			.poll(async () => Number(await mapRegion(page).getAttribute('data-zoom')), {
				timeout: 20_000
			})
			.toBeLessThan(6);
		await waitForMap(page);
		await expect(locator(page)).toHaveCount(0);
	});

	test('can be hidden and shown again', async ({ page }) => {
		await page.goto(PARIS_LINK);
		await waitForMap(page);
		await expect(locator(page)).toBeVisible();
		const toggle = page.getByRole('button', { name: /locator map/ });
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await toggle.click();
		await expect(locator(page)).toHaveCount(0);
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await toggle.click();
		await expect(locator(page)).toBeVisible();
	});

	test('is hidden on a narrow phone unless asked for', async ({ browser }) => {
		const context = await browser.newContext({
			viewport: { width: 360, height: 740 },
			isMobile: true,
			hasTouch: true
		});
		const page = await context.newPage();
		await page.goto(PARIS_LINK);
		await startMap(page);
		const toggle = page.getByRole('button', { name: /locator map/ });
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		await expect(locator(page)).toHaveCount(0);
		await toggle.click();
		await expect(locator(page)).toBeVisible();
		await context.close();
	});
});
