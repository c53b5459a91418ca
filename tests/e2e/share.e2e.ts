import { readFileSync } from 'node:fs';
import { test, expect, waitForMap, mapRegion, decodePng, distinctColours, popup } from './fixtures';

const events = (
	JSON.parse(readFileSync('geo/events.json', 'utf8')) as { events: { id: string; title: string }[] }
).events;

async function viewOf(page: import('@playwright/test').Page) {
	const r = mapRegion(page);
	return {
		lng: Number(await r.getAttribute('data-lng')),
		lat: Number(await r.getAttribute('data-lat')),
		zoom: Number(await r.getAttribute('data-zoom'))
	};
}

test.describe('share links', () => {
	test('a copied link reopens the same view, popup and passage in a fresh browser', async ({
		page,
		browser,
		baseURL
	}) => {
		await page
			.context()
			.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: baseURL });
		await page.goto('/events/su24-shootdown/');
		await waitForMap(page);
		await expect(popup(page)).toBeVisible();
		// Move the map by hand so the view is not the default framing.
		const box = (await mapRegion(page).boundingBox())!;
		await page.mouse.move(box.x + 100, box.y + box.height - 60);
		await page.mouse.down();
		await page.mouse.move(box.x + 160, box.y + box.height - 100, { steps: 5 });
		await page.mouse.up();
		await waitForMap(page);
		const title = await popup(page).getByRole('heading', { level: 3 }).textContent();
		const marked = await page.locator('.passage.current').getAttribute('id');
		expect(marked).toMatch(/^p\d+$/);
		await page.getByRole('banner').getByRole('button', { name: 'Copy link' }).click();
		await expect(page.getByRole('banner').getByText('Link copied')).toBeVisible();
		const link = await page.evaluate(() => navigator.clipboard.readText());
		expect(link).toContain('/events/su24-shootdown/#');
		expect(link).toContain('map=');
		const seen = await viewOf(page);

		const fresh = await browser.newContext({ viewport: page.viewportSize()! });
		const other = await fresh.newPage();
		const errors: string[] = [];
		other.on('pageerror', (e) => errors.push(String(e)));
		await other.goto(link);
		await waitForMap(other);
		const reopened = await viewOf(other);
		expect(Math.abs(reopened.lng - seen.lng)).toBeLessThan(1e-4);
		expect(Math.abs(reopened.lat - seen.lat)).toBeLessThan(1e-4);
		expect(Math.abs(reopened.zoom - seen.zoom)).toBeLessThan(0.01);
		await expect(popup(other).getByRole('heading', { level: 3 })).toHaveText(title!);
		await expect(other.locator('.passage.current')).toHaveAttribute('id', marked!);
		await expect(other.locator(`#${marked} mark`)).not.toHaveCount(0);
		expect(errors).toEqual([]);
		await fresh.close();
	});

	test('Copy link falls back to a selectable field where the Clipboard API is missing', async ({
		page
	}) => {
		await page.addInitScript(() =>
			Object.defineProperty(navigator, 'clipboard', { value: undefined })
		);
		await page.goto('/events/paris-attacks/');
		await waitForMap(page);
		await popup(page).getByRole('button', { name: 'Copy link' }).click();
		const field = popup(page).getByRole('textbox', { name: 'Copy this link:' });
		await expect(field).toBeVisible();
		await expect(field).toHaveValue(/\/events\/paris-attacks\/#map=/);
	});

	test('Back and Forward move between selections', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		await page.locator('.events button', { hasText: 'Paris attacks' }).click();
		await expect(page).toHaveURL(/\/events\/paris-attacks\//);
		await expect(popup(page)).toBeVisible();
		const first = await popup(page).getByRole('heading', { level: 3 }).textContent();
		await page.locator('.events button', { hasText: 'Kremlin' }).click();
		await expect(page).toHaveURL(/\/events\/kremlin-talks\//);
		await expect(popup(page).getByRole('heading', { level: 3 })).not.toHaveText(first!);
		const second = await popup(page).getByRole('heading', { level: 3 }).textContent();
		await page.goBack();
		await expect(page).toHaveURL(/\/events\/paris-attacks\//);
		await expect(popup(page).getByRole('heading', { level: 3 })).toHaveText(first!);
		await page.goForward();
		await expect(page).toHaveURL(/\/events\/kremlin-talks\//);
		await expect(popup(page).getByRole('heading', { level: 3 })).toHaveText(second!);
	});

	// Each link mixes several kinds of bad value, so every key's parser meets hostile text in
	// the browser; each value's own case (Infinity, 1e309, a longitude of 9999…) is a unit
	// test of the parser (tests/unit/url-hash-state.test.ts), where it costs no page load.
	const hostile: { hash: string; ignored: string[] }[] = [
		{
			hash: 'map=NaN/1/2&passage=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E&layers=../../etc,sites',
			ignored: ['map', 'passage', 'layers']
		},
		{
			hash: 'map=4/200/40&t=2015-02-30..2015-03-01&passage=p999',
			ignored: ['map', 't', 'passage']
		},
		{ hash: `map=%E0%A4%A&${'x'.repeat(20_000)}`, ignored: ['map'] }
	];
	for (const { hash, ignored } of hostile) {
		test(`hostile link #${hash.slice(0, 40)} shows a notice and a painted map`, async ({
			page
		}) => {
			page.on('dialog', () => {
				throw new Error('a dialog opened');
			});
			await page.goto(`/#${hash}`);
			await waitForMap(page);
			const notice = page.getByRole('status').filter({ hasText: 'Ignored' }).first();
			await expect(notice).toBeVisible();
			for (const key of ignored) await expect(notice).toContainText(`Ignored “${key}”`);
			const { pixels } = await decodePng(await mapRegion(page).locator('canvas').screenshot());
			expect(distinctColours(pixels)).toBeGreaterThan(20);
			expect(await page.locator('img[src="x"]').count()).toBe(0);
			await page.getByRole('button', { name: 'Dismiss' }).click();
			await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toHaveCount(0);
		});
	}

	test('an unknown event page answers a helpful 404 with a way back', async ({ page, watch }) => {
		const res = await page.goto('/events/no-such-event/');
		expect(res?.status()).toBe(404);
		// Chromium logs the document's own 404 status as a console error: that one is the point.
		const expected =
			'Failed to load resource: the server responded with a status of 404 (Not Found)';
		expect(watch.consoleErrors).toEqual([expected]);
		watch.consoleErrors.length = 0;
		expect(watch.failedRequests).toEqual([expect.stringMatching(/\/events\/no-such-event\/ 404$/)]);
		watch.failedRequests.length = 0;
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(/no such page/i);
		await page.getByRole('link', { name: /map of the whole story/i }).click();
		await waitForMap(page);
	});

	test('an event page has the event in its title, and its preview image is served', async ({
		page,
		request
	}) => {
		const event = events.find((e) => e.id === 'sinai-crash')!;
		await page.goto('/events/sinai-crash/');
		// The card tags are the prerendered page's; the page's script leaves them in place.
		await waitForMap(page);
		const headline = await page.locator('#article-headline').textContent();
		await expect(page).toHaveTitle(`${event.title} · ${headline} · conflict map`);
		const image = await page.locator('meta[property="og:image"]').getAttribute('content');
		expect(new URL(image!).pathname).toBe('/og/sinai-crash.png');
		await expect(page.locator('meta[name="description"]')).toHaveCount(1);
		const canonical = page.locator('link[rel="canonical"]');
		await expect(canonical).toHaveAttribute('href', /\/events\/sinai-crash\/$/);
		// The title and the canonical link (which some browsers share) follow the reader to
		// another page without a reload.
		await page.getByRole('button', { name: 'Close popup' }).click();
		await expect(page).toHaveURL(/\/$/);
		await expect(page).toHaveTitle(`${headline} · conflict map`);
		await expect(canonical).toHaveCount(1);
		await expect(canonical).toHaveAttribute('href', new URL(image!).origin + '/');
		const response = await request.get('/og/sinai-crash.png');
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/png');
	});

	test('an event’s popup offers its data and the story’s, each file served with its type', async ({
		page,
		request
	}) => {
		await page.goto('/events/su24-shootdown/');
		await waitForMap(page);
		// Folded under "Data", opened from the keyboard.
		const summary = popup(page).getByText('Data', { exact: true });
		await summary.focus();
		await page.keyboard.press('Enter');
		const data = popup(page).locator('.downloads');
		await expect(data).toBeVisible();
		const links = data.getByRole('link');
		await expect(links).toHaveCount(8);
		// Reached from the popup by Tab, as the popup's other links are.
		await links.first().focus();
		await expect(links.first()).toBeFocused();
		const types: Record<string, string> = {
			geojson: 'application/geo+json',
			csv: 'text/csv; charset=utf-8',
			kml: 'application/vnd.google-earth.kml+xml',
			json: 'application/json'
		};
		for (const link of await links.all()) {
			const href = (await link.getAttribute('href'))!;
			expect(href).toMatch(/^\/(events\/su24-shootdown|downloads)\//);
			expect(await link.getAttribute('download')).toMatch(/^conflict-map-(su24-shootdown|story)/);
			const res = await request.get(href);
			expect(res.status(), href).toBe(200);
			expect(res.headers()['content-type'], href).toBe(types[href.split('.').pop()!]);
		}
		// The event's files and the story's say their sizes.
		await expect(data.getByRole('link', { name: /^GeoJSON \(\d+ KB\)$/ })).toHaveCount(2);
	});
});
