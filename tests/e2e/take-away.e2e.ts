/**
 * Taking the view away: the toolbar's Download draws a picture of the view (2× the map, and a
 * 1200 × 630 card) with its title, window, legend and credits, and lists the data files; the
 * page prints with the map as a picture (a WebGL canvas prints blank) and without controls.
 * Opened cold, as a shared link is.
 */
import { readFileSync } from 'node:fs';
import {
	countNear,
	cspViolations,
	decodePng,
	distinctColours,
	expect,
	mapRegion,
	test,
	waitForMap,
	watchCsp
} from './fixtures';

/** The disputed-claim rings' colour: on the map and in the legend of this view. */
const CLAIM = '#882255';

test('Download draws the view as a picture, 2× and as a social card, named for the event', async ({
	page
}) => {
	await watchCsp(page);
	await page.goto('/events/su24-shootdown/#t=2015-11-20..2015-11-27');
	await waitForMap(page);
	const box = (await mapRegion(page).boundingBox())!;
	await page.getByRole('banner').getByText('Download', { exact: true }).click();
	const menu = page.locator('.download-panel');
	// The data files are listed with the pictures: this event's and the story's.
	await expect(menu.getByRole('link', { name: 'GeoJSON' })).toHaveCount(2);

	const save = async (name: RegExp) => {
		const download = page.waitForEvent('download');
		await menu.getByRole('button', { name }).click();
		const file = await download;
		const png = await decodePng(readFileSync(await file.path()));
		return { name: file.suggestedFilename(), ...png };
	};

	const view = await save(/twice the map/i);
	expect(view.name).toBe('conflict-map-su24-shootdown-2015-11-27.png');
	expect(Math.abs(view.width - 2 * box.width)).toBeLessThanOrEqual(2);
	expect(Math.abs(view.height - 2 * box.height)).toBeLessThanOrEqual(2);
	await expect(menu.getByRole('status')).toHaveText(`Saved ${view.name}`);
	// The map is in it (many colours), the claim rings and their legend swatch too, and the
	// title panel is drawn over its top left corner (near-white).
	expect(distinctColours(view.pixels)).toBeGreaterThan(20);
	expect(countNear(view.pixels, CLAIM, 40)).toBeGreaterThan(50);
	const corner = 4 * (view.width * 40 + 60);
	expect(Math.min(...view.pixels.slice(corner, corner + 3))).toBeGreaterThan(235);

	const card = await save(/social posts/i);
	expect(card.name).toBe('conflict-map-su24-shootdown-2015-11-27-1200x630.png');
	expect([card.width, card.height]).toEqual([1200, 630]);
	expect(countNear(card.pixels, CLAIM, 40)).toBeGreaterThan(20);
	expect(await cspViolations(page)).toEqual([]);
});

test('the page prints the map as a picture, the legend and the article, without controls', async ({
	page
}) => {
	await watchCsp(page);
	await page.goto('/events/su24-shootdown/');
	await waitForMap(page);
	const width = Math.round((await mapRegion(page).boundingBox())!.width);

	// A real print (Chromium's PDF): the map is in it as an image of the map's size.
	const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
	const images = [...pdf.matchAll(/\/Subtype\s*\/Image\s*\/Width (\d+)/g)].map((m) => Number(m[1]));
	expect(images).toContain(width);
	// Printing is over: the picture is gone, the live map is back.
	await expect(page.locator('.print-map')).toHaveCount(0);

	// The print layout, as the printer lays it out.
	await page.evaluate(() => dispatchEvent(new Event('beforeprint')));
	await page.emulateMedia({ media: 'print' });
	const picture = page.locator('.print-map');
	await expect(picture).toBeVisible();
	const shot = await decodePng(await picture.screenshot());
	expect(distinctColours(shot.pixels)).toBeGreaterThan(20);
	await expect(page.getByRole('banner').getByText('Download', { exact: true })).toBeHidden();
	await expect(page.getByRole('searchbox').or(page.getByRole('combobox'))).toBeHidden();
	await expect(page.locator('.maplibregl-canvas')).toBeHidden();
	await expect(page.getByRole('heading', { name: 'Layers' })).toBeVisible();
	await expect(page.locator('article.article')).toBeVisible();
	await page.evaluate(() => dispatchEvent(new Event('afterprint')));
	await expect(picture).toHaveCount(0);
	expect(await cspViolations(page)).toEqual([]);
});
