/**
 * Shared browser-test fixtures: every test fails on a console error, an uncaught page
 * error, a request that leaves the site's origin or a request that fails (an error status,
 * or no answer), without each test having to say so. A test that expects a failure (a 404
 * page) takes the entries it expects out of `watch` itself.
 */
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

/** RGBA pixels of a PNG, decoded by the browser itself so tests need no image library. */
export async function decodePng(page: Page, png: Buffer) {
	const helper = await page.context().newPage();
	try {
		const { width, height, rgba } = await helper.evaluate(async (b64) => {
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const canvas = new OffscreenCanvas(bmp.width, bmp.height);
			const ctx = canvas.getContext('2d')!;
			ctx.drawImage(bmp, 0, 0);
			const data = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
			// Back as base64: a few MB of pixels as a JSON array is slow to pass.
			let binary = '';
			for (let i = 0; i < data.length; i += 0x8000) {
				binary += String.fromCharCode(...data.subarray(i, i + 0x8000));
			}
			return { width: bmp.width, height: bmp.height, rgba: btoa(binary) };
		}, png.toString('base64'));
		return { width, height, pixels: new Uint8Array(Buffer.from(rgba, 'base64')) };
	} finally {
		await helper.close();
	}
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
