/**
 * `BASEMAP_PMTILES`: the site built over a self-hosted PMTiles archive in the Protomaps schema
 * (`npm run build:pmtiles` makes a small one from our own tiles: no third-party data) paints
 * its basemap from the archive, by range requests to its own origin, under the same CSP.
 */
import { namedFlavor } from '@protomaps/basemaps';
import { PMTILES_BASE_URL } from '../../playwright.config';
import {
	countNear,
	cspViolations,
	decodePng,
	expect,
	mapRegion,
	test,
	waitForMap,
	watchCsp
} from './fixtures';

test.use({ baseURL: PMTILES_BASE_URL });

test('paints the basemap from the archive, by range requests, with no CSP violation', async ({
	page
}) => {
	await watchCsp(page);
	const archive: number[] = [];
	const ownTiles: string[] = [];
	page.on('response', (r) => {
		const url = new URL(r.url());
		if (url.pathname === '/generated/test-basemap.pmtiles') archive.push(r.status());
		if (url.pathname.startsWith('/generated/basemap/')) ownTiles.push(url.pathname);
	});
	await page.goto('/');
	await waitForMap(page);

	expect(archive.length).toBeGreaterThan(1);
	expect(archive.every((status) => status === 206)).toBe(true);
	expect(ownTiles).toEqual([]);

	const { pixels } = await decodePng(await mapRegion(page).locator('canvas').screenshot());
	const total = pixels.length / 4;
	// Land in the Protomaps light flavour's earth colour, the sea its background.
	const flavor = namedFlavor('light');
	expect(countNear(pixels, flavor.earth, 6) / total).toBeGreaterThan(0.2);
	expect(countNear(pixels, flavor.background, 6) / total).toBeGreaterThan(0.05);

	expect(await cspViolations(page)).toEqual([]);
	await expect(page.locator('.attribution')).toContainText('OpenStreetMap');
});

test('keeps the story on top: an event page opens its popup over the archive’s map', async ({
	page
}) => {
	await watchCsp(page);
	await page.goto('/events/kremlin-talks/');
	await waitForMap(page);
	await expect(page.locator('.maplibregl-popup')).toBeVisible();
	expect(await cspViolations(page)).toEqual([]);
});
