/**
 * Taking the view away: the toolbar's Download draws a picture of the view (2× the map, and a
 * 1200 × 630 card) with its title, window, legend and credits, and lists the data files; the
 * page prints with the map as a picture (a WebGL canvas prints blank) and without controls.
 * Opened cold, as a shared link is.
 */
import { readFileSync } from 'node:fs';
import { getDocument, OPS } from 'pdfjs-dist/legacy/build/pdf.mjs';
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
	// By keyboard: from Copy link, Tab past Embed to Download, and open it.
	await page.getByRole('banner').getByRole('button', { name: 'Copy link' }).focus();
	await page.keyboard.press('Tab');
	await page.keyboard.press('Tab');
	await expect(page.getByRole('banner').getByText('Download', { exact: true })).toBeFocused();
	await page.keyboard.press('Enter');
	const menu = page.locator('.download-panel');
	// The data files are listed with the pictures: this event's and the story's.
	await expect(menu.getByRole('link', { name: 'GeoJSON' })).toHaveCount(2);

	const save = async (name: RegExp) => {
		const download = page.waitForEvent('download');
		await menu.getByRole('button', { name }).focus();
		await page.keyboard.press('Enter');
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

	// Real prints (Chromium's PDF), A4 and Letter: the first page has the headline and the map,
	// whole (it would move to the next page if it did not fit), as an image of the map's size.
	for (const format of ['A4', 'Letter']) {
		const pdf = await page.pdf({ format });
		const images = [...pdf.toString('latin1').matchAll(/\/Subtype\s*\/Image\s*\/Width (\d+)/g)];
		expect(
			images.map((m) => Number(m[1])),
			format
		).toContain(width);
		const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false }).promise;
		const first = await doc.getPage(1);
		const text = (await first.getTextContent()).items
			.map((i) => ('str' in i ? i.str : ''))
			.join(' ');
		expect(text, format).toContain('Russia, France to up battle against Islamic State');
		const ops = (await first.getOperatorList()).fnArray;
		expect(ops.filter((f) => f === OPS.paintImageXObject).length, format).toBeGreaterThan(0);
		// The article in full on the pages after: every passage numbered, links with addresses.
		let all = '';
		for (let n = 1; n <= doc.numPages; n++) {
			const items = (await (await doc.getPage(n)).getTextContent()).items;
			all += items.map((i) => ('str' in i ? i.str : '')).join(' ');
		}
		const passages = await page.locator('article.article .passage').count();
		for (const n of [1, passages]) expect(all, format).toContain(`¶${n}`);
		expect(all, format).toContain('</events/');
		await doc.destroy();
	}
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
