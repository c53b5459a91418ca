/**
 * Shared browser-test fixtures: every test fails on a console error, an uncaught page
 * error, a request that leaves the site's origin or a request that fails (an error status,
 * or no answer), without each test having to say so. A test that expects a failure (a 404
 * page) takes the entries it expects out of `watch` itself.
 */
import { createCanvas, loadImage } from '@napi-rs/canvas';
import AxeBuilder from '@axe-core/playwright';
import { test as base, expect, type Page } from '@playwright/test';

export interface Watch {
	consoleErrors: string[];
	pageErrors: string[];
	foreignRequests: string[];
	failedRequests: string[];
}

export const test = base.extend<{ watch: Watch }>({
	watch: [
		async ({ page, baseURL }, use) => {
			const origin = new URL(baseURL!).origin;
			const watch: Watch = {
				consoleErrors: [],
				pageErrors: [],
				foreignRequests: [],
				failedRequests: []
			};
			page.on('console', (m) => {
				if (m.type() === 'error') watch.consoleErrors.push(m.text());
			});
			page.on('pageerror', (e) => watch.pageErrors.push(String(e)));
			page.on('request', (r) => {
				const url = r.url();
				if (url.startsWith('data:') || url.startsWith('blob:')) return;
				if (new URL(url).origin !== origin) watch.foreignRequests.push(url);
			});
			page.on('requestfailed', (r) => {
				const error = r.failure()?.errorText;
				// MapLibre aborts the tile requests of a view it has moved away from, and a
				// navigation aborts the previous page's: the site did answer, nobody waited.
				if (error === 'net::ERR_ABORTED') return;
				watch.failedRequests.push(`${r.url()} ${error}`);
			});
			page.on('response', (r) => {
				if (r.status() >= 400) watch.failedRequests.push(`${r.url()} ${r.status()}`);
			});
			await use(watch);
			expect(watch.pageErrors, 'uncaught page errors').toEqual([]);
			expect(watch.consoleErrors, 'console errors').toEqual([]);
			expect(watch.foreignRequests, 'requests that left the origin').toEqual([]);
			expect(watch.failedRequests, 'requests that failed').toEqual([]);
		},
		{ auto: true }
	]
});

export { expect };

/** The open popup (MapLibre's element, holding the EventPopup component). */
export const popup = (page: Page) => page.locator('.maplibregl-popup');

/** The map region: MapLibre sets aria-busy=false on `idle` (all tiles and data drawn). */
export const mapRegion = (page: Page) => page.getByRole('region', { name: /map of/i });

export async function waitForMap(page: Page) {
	await expect(mapRegion(page)).toHaveAttribute('aria-busy', 'false', { timeout: 45_000 });
}

/**
 * Open a link and return once the page has read it. Only the hash changing is a
 * same-document navigation, and `page.goto` returns before the page has handled its
 * `hashchange`, while `aria-busy` still says the view being left is idle: a test that went on
 * would read or click that view. A listener added now runs after the page's own; wait for it
 * (and a task more, for what the page's handler queued). Then wait for the map as usual.
 */
export async function openLink(page: Page, link: string) {
	const from = new URL(page.url());
	const to = from.protocol.startsWith('http') ? new URL(link, from) : undefined;
	const sameDocument =
		to !== undefined &&
		from.origin === to.origin &&
		from.pathname === to.pathname &&
		from.search === to.search &&
		from.hash !== to.hash &&
		to.hash !== '';
	if (sameDocument)
		await page.evaluate(() => {
			const w = window as Window & { hashHandled?: Promise<void> };
			w.hashHandled = new Promise((done) =>
				addEventListener('hashchange', () => setTimeout(done), { once: true })
			);
		});
	await page.goto(link);
	if (sameDocument)
		await page.evaluate(() => (window as Window & { hashHandled?: Promise<void> }).hashHandled);
	await waitForMap(page);
}

/**
 * On a touch screen the map waits for the reader (`$lib/map/map-start`): tap its start
 * button, then wait for its first view.
 */
export async function startMap(page: Page) {
	const start = page.getByRole('button', { name: 'Show the interactive map' });
	await start.tap();
	await expect(start).toHaveCount(0);
	await waitForMap(page);
}

/**
 * RGBA pixels of a PNG, decoded in Node with the Skia the glyph generator already uses
 * (@napi-rs/canvas): no helper page per screenshot, which cost a page load each.
 */
export async function decodePng(png: Buffer) {
	const image = await loadImage(png);
	const canvas = createCanvas(image.width, image.height);
	const ctx = canvas.getContext('2d');
	ctx.drawImage(image, 0, 0);
	const { data } = ctx.getImageData(0, 0, image.width, image.height);
	return { width: image.width, height: image.height, pixels: new Uint8Array(data.buffer) };
}

/** How many pixels lie within `tolerance` (Euclidean RGB distance) of a colour. */
export function countNear(pixels: ArrayLike<number>, hex: string, tolerance: number): number {
	const r = parseInt(hex.slice(1, 3), 16);
	const g = parseInt(hex.slice(3, 5), 16);
	const b = parseInt(hex.slice(5, 7), 16);
	let n = 0;
	for (let i = 0; i < pixels.length; i += 4) {
		const d = Math.hypot(pixels[i] - r, pixels[i + 1] - g, pixels[i + 2] - b);
		if (d <= tolerance) n++;
	}
	return n;
}

/** Distinct colours in the image, quantised to 4 bits per channel. */
export function distinctColours(pixels: ArrayLike<number>): number {
	const seen = new Set<number>();
	for (let i = 0; i < pixels.length; i += 4) {
		seen.add(((pixels[i] >> 4) << 8) | ((pixels[i + 1] >> 4) << 4) | (pixels[i + 2] >> 4));
	}
	return seen.size;
}

declare global {
	interface Window {
		__csp?: string[];
	}
}

/**
 * Record every CSP violation of the page, from before its first byte is parsed (a listener
 * the test adds, not the app).
 */
export async function watchCsp(page: Page) {
	await page.addInitScript(() =>
		document.addEventListener('securitypolicyviolation', (e) =>
			(window.__csp ??= []).push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`.trim())
		)
	);
}
export const cspViolations = (page: Page) => page.evaluate(() => window.__csp ?? []);

/** axe's serious and critical violations of the page as it is, one line each. */
export async function seriousAxeViolations(page: Page) {
	const results = await new AxeBuilder({ page }).analyze();
	return results.violations
		.filter((v) => v.impact === 'serious' || v.impact === 'critical')
		.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
