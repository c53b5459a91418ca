/**
 * The map in someone else's page: the Embed button's snippet pasted into a page served from a
 * second loopback origin (a server of this test), opened cold in a fresh browser context.
 * The frame loads and paints, `/embed.js` sizes it to its content, messages from anything
 * else are ignored, the wheel scrolls the host page, markers and passage links work inside
 * the frame; the full pages refuse to be framed; the embed view alone at 300 × 300 px.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Browser, BrowserContext, FrameLocator, Page } from '@playwright/test';
import {
	cspViolations,
	expect,
	mapRegion,
	popup,
	seriousAxeViolations,
	test,
	waitForMap,
	watchCsp
} from './fixtures';

/** The host page's server: answers every path with `hostHtml`. */
let host: Server;
let hostOrigin = '';
let hostHtml = '';

test.beforeAll(async () => {
	host = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(hostHtml);
	});
	await new Promise<void>((resolve) => host.listen(0, '127.0.0.1', resolve));
	hostOrigin = `http://127.0.0.1:${(host.address() as AddressInfo).port}`;
});
test.afterAll(() => new Promise<void>((resolve) => host.close(() => resolve())));

/** An article page around the pasted code, with text above and below so it can scroll. */
const article = (code: string) => `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>A newsroom article</title></head>
<body><main><h1>A newsroom article</h1>
<p style="height:900px">The article's text, above the map.</p>
${code}
<p style="height:2000px">The article's text, below the map.</p></main></body></html>`;

/** A fresh browser context (a reader opening the article cold) that records errors and CSP. */
async function coldHost(browser: Browser, html: string) {
	hostHtml = html;
	const context = await browser.newContext({
		viewport: { width: 760, height: 800 },
		reducedMotion: 'reduce'
	});
	const errors: string[] = [];
	const page = await context.newPage();
	page.on('pageerror', (e) => errors.push(String(e)));
	await watchCsp(page);
	await page.goto(`${hostOrigin}/article.html`);
	return { context, page, errors };
}

/** The pasted iframe (the test adds others). */
const EMBED = 'iframe[src*="/embed/"]';

/** The embed view's frame, once its map has drawn its first view. */
async function embedFrame(page: Page): Promise<FrameLocator> {
	await page.locator(EMBED).scrollIntoViewIfNeeded();
	const frame = page.frameLocator(EMBED);
	await expect(mapRegion(frame as unknown as Page)).toHaveAttribute('aria-busy', 'false', {
		timeout: 45_000
	});
	return frame;
}

test.describe('embedding', () => {
	let hostContext: BrowserContext | undefined;
	test.afterEach(async () => {
		await hostContext?.close();
		hostContext = undefined;
	});

	test('the Embed snippet in a page on another origin: it loads, sizes itself, keeps the page scroll, opens passages inside', async ({
		page,
		browser
	}) => {
		// The snippet exactly as the toolbar's Embed gives it, on the Su-24 event's page.
		await page.goto('/events/su24-shootdown/');
		await waitForMap(page);
		await page.getByRole('banner').getByText('Embed', { exact: true }).click();
		const field = page.getByRole('banner').getByLabel(/paste this into your page/i);
		await expect(field).toHaveValue(/^<iframe /);
		const code = await field.inputValue();
		const appOrigin = new URL(page.url()).origin;
		expect(code).toContain(`<iframe src="${appOrigin}/embed/events/su24-shootdown/#`);
		expect(code).toContain(`<script src="${appOrigin}/embed.js" async></script>`);
		expect(code).toMatch(/title="[^"]+" height="560" loading="lazy" allow="clipboard-write"/);

		const opened = await coldHost(browser, article(code));
		hostContext = opened.context;
		const hostPage = opened.page;
		const frame = await embedFrame(hostPage);
		const iframe = hostPage.locator(EMBED);
		const content = () =>
			frame.locator('.app').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));

		// Sized by /embed.js to its content (not the snippet's 560 px).
		await expect
			.poll(async () =>
				Math.abs((await iframe.evaluate((f) => f.clientHeight)) - (await content()))
			)
			.toBeLessThanOrEqual(2);
		const sized = await iframe.evaluate((f) => f.clientHeight);
		expect(Math.abs(sized - 560)).toBeGreaterThan(2);

		// A height message from anything but the frame changes nothing: the host window itself,
		// and a frame of the host's own origin. Our own listener runs after embed.js's.
		const forged = await hostPage.evaluate(async () => {
			const heard = (n: number) =>
				new Promise<void>((resolve) => {
					let seen = 0;
					addEventListener('message', function on() {
						if (++seen < n) return;
						removeEventListener('message', on);
						setTimeout(resolve, 0);
					});
				});
			const forgedBoth = heard(2);
			postMessage({ type: 'conflict-map:height', height: 999, src: location.href }, '*');
			const other = document.createElement('iframe');
			other.srcdoc =
				'<script>parent.postMessage({type:"conflict-map:height",height:1234},"*")</script>';
			document.body.append(other);
			await forgedBoth;
			return document.querySelector<HTMLIFrameElement>('iframe[src*="/embed/"]')!.clientHeight;
		});
		expect(forged).toBe(sized);

		// The event's popup is open (as its link opens cold); a passage link opens the drawer
		// inside the frame, with the passage focused, and the frame grows to hold it.
		const framePopup = frame.locator('.maplibregl-popup');
		await expect(framePopup).toBeVisible();
		const embedUrl = await iframe.evaluate((f) => (f as HTMLIFrameElement).src);
		await framePopup.locator('.passages a').first().click();
		const panel = frame.locator('#panel');
		await expect(panel).toBeVisible();
		await expect(panel.locator('.passage:focus')).toHaveCount(1);
		const frameUrl = hostPage.frames().find((f) => f.url().includes('/embed/'))!;
		expect(new URL(frameUrl.url()).pathname).toBe(new URL(embedUrl).pathname);
		await expect.poll(() => iframe.evaluate((f) => f.clientHeight)).toBeGreaterThan(sized + 100);

		// Closing the popup, then clicking the marker at its pixel, opens it again.
		// The popup's own position is the marker's pixel in the map (MapLibre places it with a
		// last translate(x, y) to the point it points at).
		const marker = await framePopup.evaluate((el) => {
			const all = [
				...(el as HTMLElement).style.transform.matchAll(/translate\(([-\d.]+)px, ([-\d.]+)px\)/g)
			];
			const [, x, y] = all.at(-1)!;
			const map = el.closest('.maplibregl-map')!.getBoundingClientRect();
			return { x: map.x + Number(x), y: map.y + Number(y) };
		});
		await frame.locator('.maplibregl-popup .close').click();
		await expect(framePopup).toHaveCount(0);
		// With no popup over it, the wheel over the map scrolls the host page; the map keeps its view.
		const region = frame.getByRole('region', { name: /map of/i });
		const zoom = await region.getAttribute('data-zoom');
		const box = (await region.boundingBox())!;
		const before = await hostPage.evaluate(() => scrollY);
		await hostPage.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
		await hostPage.mouse.wheel(0, 300);
		await expect.poll(() => hostPage.evaluate(() => scrollY)).toBeGreaterThan(before);
		expect(await region.getAttribute('data-zoom')).toBe(zoom);

		// Back to the frame's top (the wheel scrolled the marker out of view), then click it.
		await iframe.evaluate((f) => f.scrollIntoView({ block: 'start' }));
		const frameBox = (await iframe.boundingBox())!;
		await hostPage.mouse.click(frameBox.x + marker.x, frameBox.y + marker.y);
		await expect(framePopup).toBeVisible();

		expect(await frameUrl.evaluate(() => window.__csp ?? [])).toEqual([]);
		expect(opened.errors).toEqual([]);
	});

	test('the full pages refuse to be framed; the embed views say who may frame them', async ({
		page,
		browser
	}) => {
		for (const path of ['/', '/events/su24-shootdown/', '/index.html']) {
			const res = await page.request.get(path);
			expect(res.headers()['content-security-policy'], path).toBe("frame-ancestors 'none'");
		}
		for (const path of ['/embed/', '/embed/events/su24-shootdown/']) {
			const res = await page.request.get(path);
			expect(res.headers()['content-security-policy'], path).toBe('frame-ancestors *');
		}

		const appOrigin = new URL((await page.request.get('/')).url()).origin;
		const opened = await coldHost(
			browser,
			article(`<iframe src="${appOrigin}/events/su24-shootdown/" title="The full page"></iframe>`)
		);
		hostContext = opened.context;
		const blocked = opened.page.frames().find((f) => f !== opened.page.mainFrame())!;
		await expect.poll(() => blocked.url()).toMatch(/^chrome-error:/);
	});

	test('the embed view alone, 300 × 300: map, timeline, legend behind a button, a link to the full map', async ({
		page
	}) => {
		await watchCsp(page);
		await page.setViewportSize({ width: 300, height: 300 });
		await page.goto('/embed/events/su24-shootdown/#t=2015-11-20..2015-11-27');
		await waitForMap(page);
		await expect(popup(page)).toBeVisible();
		await expect(page.locator('.time-area')).not.toBeEmpty();

		const full = page.getByRole('link', { name: /open the full map/i });
		await expect(full).toHaveAttribute('target', '_blank');
		await expect(full).toHaveAttribute('rel', 'noopener');
		expect(await full.getAttribute('href')).toMatch(/^\/events\/su24-shootdown\/#.*t=2015-11-20/);

		// The legend is behind "Layers and article"; opened, it works as on the full page.
		const toggle = page.getByRole('button', { name: /layers and article/i });
		await expect(page.getByRole('heading', { name: 'Layers' })).toBeHidden();
		await toggle.click();
		await expect(toggle).toHaveAttribute('aria-expanded', 'true');
		await expect(page.getByRole('heading', { name: 'Layers' })).toBeVisible();
		expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
			300
		);

		// Keyboard: the map takes focus by Tab and gives it up to the next control.
		await page.locator('.maplibregl-canvas').focus();
		await page.keyboard.press('Tab');
		await expect(page.locator('.maplibregl-canvas')).not.toBeFocused();

		expect(await seriousAxeViolations(page)).toEqual([]);
		expect(await cspViolations(page)).toEqual([]);
	});
});
