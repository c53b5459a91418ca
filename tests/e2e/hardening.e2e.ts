/**
 * Hardening: the Content Security Policy holds on every kind of page and interaction, a
 * story made of hostile strings shows as text and runs nothing, the page works without
 * WebGL and survives losing it, axe finds nothing serious, and the keyboard reaches it all.
 *
 * CSP violations are collected by a listener this test adds to the page under test
 * (`addInitScript`), not by the app.
 */
import { existsSync, readFileSync } from 'node:fs';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from '../../scripts/chromium.js';
import { HOSTILE_BASE_URL } from '../../playwright.config';
import {
	test,
	expect,
	waitForMap,
	mapRegion,
	popup,
	watchCsp,
	cspViolations,
	seriousAxeViolations
} from './fixtures';
import { layerIds, openAt, pointOf, screenPoint, storyFeatures } from './map-helpers';

/**
 * Distinct colours of a screenshot (4 bits a channel), counted by the browser in a page of
 * its own: only the count comes back, not millions of pixel values.
 */
async function colourCount(page: Page, png: Buffer): Promise<number> {
	const helper = await page.context().newPage();
	try {
		return await helper.evaluate(async (b64) => {
			const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
			const bmp = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
			const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d')!;
			ctx.drawImage(bmp, 0, 0);
			const { data } = ctx.getImageData(0, 0, bmp.width, bmp.height);
			const seen = new Set<number>();
			for (let i = 0; i < data.length; i += 4) {
				seen.add(((data[i] >> 4) << 8) | ((data[i + 1] >> 4) << 4) | (data[i + 2] >> 4));
			}
			return seen.size;
		}, png.toString('base64'));
	} finally {
		await helper.close();
	}
}

/** Press Tab (or Shift+Tab) until the focused element matches, at most `max` times. */
async function tabUntil(page: Page, selector: string, max = 60, key = 'Tab') {
	for (let i = 0; i < max; i++) {
		await page.keyboard.press(key);
		const hit = await page.evaluate((sel) => !!document.activeElement?.closest(sel), selector);
		if (hit) return true;
	}
	return false;
}

/** Widths that must not exceed the viewport: the document, and the scrolling panel. */
async function overflow(page: Page) {
	return page.evaluate(() => {
		const panel = document.querySelector('.panel');
		return {
			document: document.documentElement.scrollWidth - window.innerWidth,
			panel: panel ? panel.scrollWidth - panel.clientWidth : 0
		};
	});
}

test.describe('content security policy', () => {
	test('every page type carries a strict policy', async ({ page }) => {
		for (const path of ['/', '/events/sinai-crash/', '/404.html']) {
			const html = await (await page.request.get(path)).text();
			const csp = /<meta http-equiv="content-security-policy" content="([^"]+)"/.exec(html)?.[1];
			expect(csp, path).toBeDefined();
			const policy = csp!.replaceAll('&#39;', "'").replaceAll('&quot;', '"');
			expect(policy).toContain("default-src 'none'");
			// Pages that boot the app allow exactly their inline boot script by hash; the 404
			// page is plain HTML with no script at all, so 'self' alone.
			const inlineScripts = (html.match(/<script(?![^>]*\bsrc=)[^>]*>/g) ?? []).length;
			if (inlineScripts > 0) expect(policy, path).toMatch(/script-src 'self' 'sha256-[^']+'/);
			else expect(policy, path).toMatch(/script-src 'self'(;|$)/);
			expect(policy).not.toContain('unsafe-inline');
			expect(policy).not.toContain('unsafe-eval');
			expect(policy).toContain("base-uri 'none'");
			expect(policy).toContain("form-action 'none'");
			expect(policy).toMatch(/style-src 'self' 'unsafe-hashes'( 'sha256-[^']+')+;/);
		}
	});

	test('no violation on the story page: load, hover tooltip, legend toggle, popup', async ({
		page
	}) => {
		await watchCsp(page);
		await page.goto('/');
		await waitForMap(page);
		const features = await storyFeatures(page, await layerIds(page));
		const marker = features.find(
			(f) => f.properties.event === 'kremlin-talks' && f.geometry.type === 'Point'
		)!;
		await openAt(page, '/', pointOf(marker), 7);
		const at = await screenPoint(page, pointOf(marker));
		await page.mouse.move(at.x, at.y);
		await expect(page.locator('.tooltip')).toBeVisible();
		await page.mouse.click(at.x, at.y);
		await expect(popup(page)).toBeVisible();
		const toggle = page.locator('.legend li[data-layer] > label input').first();
		await toggle.uncheck();
		await toggle.check();
		await waitForMap(page);
		expect(await cspViolations(page)).toEqual([]);
	});

	test('no violation on an event page with its popup open and a passage followed', async ({
		page
	}) => {
		await watchCsp(page);
		await page.goto('/events/sinai-crash/');
		await waitForMap(page);
		await expect(popup(page)).toBeVisible();
		const link = popup(page).locator('.passages a').first();
		await link.click();
		await expect(page.locator('.passage:focus')).toHaveCount(1);
		await page.keyboard.press('Escape');
		await expect(popup(page)).toHaveCount(0);
		expect(await cspViolations(page)).toEqual([]);
	});

	test('no violation on the 404 page', async ({ browser, baseURL }) => {
		// A page of its own: the document's 404 status is logged as a console error, which
		// is what a 404 is, so this test checks the console itself.
		const context = await browser.newContext({ baseURL });
		const page = await context.newPage();
		const errors: string[] = [];
		page.on('pageerror', (e) => errors.push(String(e)));
		page.on('console', (m) => {
			if (m.type() === 'error' && !/status of 404/.test(m.text())) errors.push(m.text());
		});
		await watchCsp(page);
		const res = await page.goto('/no-such-page');
		expect(res?.status()).toBe(404);
		await expect(page.getByRole('heading', { name: /no such page/i })).toBeVisible();
		await page.waitForLoadState('networkidle');
		expect(await cspViolations(page)).toEqual([]);
		expect(errors).toEqual([]);
		await context.close();
	});

	test.describe('on a phone', () => {
		test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });

		test('no violation while the sheet is dragged and stepped', async ({ page }) => {
			await watchCsp(page);
			await page.goto('/');
			await waitForMap(page);
			const panel = page.locator('.panel');
			const before = (await panel.boundingBox())!.height;
			const handle = page.getByRole('button', { name: /^Show more of the/ });
			await handle.click();
			await expect.poll(async () => (await panel.boundingBox())!.height).toBeGreaterThan(before);
			await handle.focus();
			await page.keyboard.press('ArrowDown');
			await page.keyboard.press('ArrowDown');
			await expect
				.poll(async () => (await panel.boundingBox())!.height)
				.toBeLessThan(740 * 0.85 - 10);
			expect(await cspViolations(page)).toEqual([]);
		});
	});
});

test.describe('hostile story', () => {
	test.use({ baseURL: HOSTILE_BASE_URL });

	const fixture = (name: string) =>
		JSON.parse(readFileSync(`tests/fixtures/hostile-story/${name}`, 'utf8'));
	const article = fixture('article.json') as { headline: string; passages: { text: string }[] };
	const events = fixture('events.json').events as { id: string; title: string }[];
	const longEvent = events.find((e) => e.title.length >= 10_000)!;
	type Source = { title: string; url?: string };
	const features = ['areas', 'lines', 'sites'].flatMap(
		(layer) =>
			fixture(`${layer}.geojson`).features as {
				properties: { title: string; sources: Source[] };
			}[]
	);
	const dialogs = (page: Page) => {
		const seen: string[] = [];
		page.on('dialog', async (d) => {
			seen.push(d.message());
			await d.dismiss();
		});
		return seen;
	};

	/** Nothing the data holds became an element, a script or a link to a script. */
	async function nothingRan(page: Page) {
		return page.evaluate(() => ({
			imgX: document.querySelectorAll('img[src=x]').length,
			imgs: document.querySelectorAll('img').length,
			// Anything linked goes to the web or to our own pages, never to a script.
			badLinks: [...document.querySelectorAll<HTMLAnchorElement>('a[href]')]
				.filter((a) => !['http:', 'https:'].includes(a.protocol))
				.map((a) => a.getAttribute('href')),
			// Our scripts are modules and SvelteKit's one inline boot script, nothing else
			// (its data blocks, `type="application/json"`, are data the browser never runs).
			inlineScripts: [...document.scripts].filter((s) => !s.src && s.type !== 'application/json')
				.length
		}));
	}

	test('markup, right-to-left overrides and emoji show literally, and nothing runs', async ({
		page
	}) => {
		await watchCsp(page);
		const seen = dialogs(page);
		await page.goto('/');
		await waitForMap(page);
		expect(await nothingRan(page)).toEqual({ imgX: 0, imgs: 0, badLinks: [], inlineScripts: 1 });
		// The headline, exactly: the markup as text, the override character kept.
		await expect(page.locator('#article-headline')).toHaveText(article.headline);
		expect(article.headline).toContain('<img src=x onerror=alert(1)>');
		expect(article.headline).toContain('\u202e');
		await expect(page.getByText('<img src=x onerror=alert(1)>').first()).toBeVisible();
		for (const [i, p] of article.passages.entries()) {
			expect(await page.locator(`#p${i + 1}`).textContent()).toBe(p.text);
		}
		// The 10,000-character event title, whole, in the event list.
		const title = page.locator('.events .title', { hasText: longEvent.title.slice(0, 30) });
		expect(await title.textContent()).toBe(longEvent.title);
		await expect(title).toBeVisible();
		expect(seen).toEqual([]);
		expect(await cspViolations(page)).toEqual([]);
	});

	// The hostile site is built as a large story would be (package.json, build:hostile): one
	// event per index part, the index fetched rather than inlined, and a page of its own only
	// for the first event (and those the crawler finds linked), so these exercise that path.
	test('an event without a prerendered page opens from its link, and the list fills in', async ({
		page
	}) => {
		expect(existsSync('build-hostile/events/jet-downed')).toBe(false);
		await watchCsp(page);
		const res = await page.goto('/events/jet-downed/');
		expect(res?.status()).toBe(200);
		await waitForMap(page);
		const event = events.find((e) => e.id === 'jet-downed')!;
		await expect(popup(page)).toBeVisible();
		const escaped = event.title.slice(0, 20).replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
		await expect(page).toHaveTitle(new RegExp(`^${escaped}`));
		// The rest of the index arrives in the background: every event ends up listed.
		await expect(page.locator('.events li')).toHaveCount(events.length);
		await expect(page.locator('.events [aria-current="true"]')).toContainText(event.title);
		expect(await cspViolations(page)).toEqual([]);
	});

	test('a link to an event the story does not have opens the story with a notice', async ({
		page
	}) => {
		const res = await page.goto('/events/no-such-event/#map=3/30/30');
		expect(res?.status()).toBe(200);
		await waitForMap(page);
		await expect(page.getByText('There is no event “no-such-event” in this story')).toBeVisible();
		await expect(popup(page)).toHaveCount(0);
	});

	test('a popup shows javascript: sources as text, not links', async ({ page }) => {
		await watchCsp(page);
		const seen = dialogs(page);
		await page.goto('/events/jet-downed/');
		await waitForMap(page);
		await expect(popup(page)).toBeVisible();
		const title = await popup(page).locator('h3').textContent();
		const feature = features.find((f) => f.properties.title === title);
		expect(feature, 'the popup shows a fixture feature, title intact').toBeDefined();
		const sources = popup(page).locator('.sources');
		const text = (await sources.textContent())!;
		for (const s of feature!.properties.sources) {
			expect(text).toContain(s.title);
			// Anything but a web address is shown as the text it is.
			if (s.url && !/^https?:/.test(s.url)) expect(text).toContain(`(${s.url})`);
		}
		const protocols = await sources
			.locator('a')
			.evaluateAll((as) => as.map((a) => (a as HTMLAnchorElement).protocol));
		expect(protocols).toEqual(['https:']);
		expect(await nothingRan(page)).toMatchObject({ imgX: 0, badLinks: [] });
		// Follow a passage link: still text, still nothing run.
		await popup(page).locator('.passages a').first().click();
		await expect(page.locator('.passage:focus')).toHaveCount(1);
		expect(seen).toEqual([]);
		expect(await cspViolations(page)).toEqual([]);
	});

	for (const viewport of [
		{ width: 1280, height: 800 },
		{ width: 360, height: 740 }
	]) {
		test(`the layout holds at ${viewport.width} px with a 10,000-character popup`, async ({
			browser,
			baseURL
		}) => {
			const context = await browser.newContext({
				baseURL,
				viewport,
				...(viewport.width < 500 ? { isMobile: true, hasTouch: true } : {})
			});
			const page = await context.newPage();
			const errors: string[] = [];
			page.on('pageerror', (e) => errors.push(String(e)));
			page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
			const seen = dialogs(page);
			await watchCsp(page);
			await page.goto(`/events/${longEvent.id}/`);
			await waitForMap(page);
			// A popup on a desktop; on a phone, the card at the top of the sheet.
			const selected = viewport.width < 500 ? page.locator('.panel .popup') : popup(page);
			await expect(selected).toBeVisible();
			await expect(selected.locator('h3')).toContainText('W'.repeat(50));
			const over = await overflow(page);
			expect(over.document, 'page scrolls sideways').toBeLessThanOrEqual(0);
			expect(over.panel, 'the article panel scrolls sideways').toBeLessThanOrEqual(0);
			const box = (await selected.boundingBox())!;
			expect(box.x).toBeGreaterThanOrEqual(0);
			expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
			expect(seen).toEqual([]);
			expect(errors).toEqual([]);
			expect(await cspViolations(page)).toEqual([]);
			await context.close();
		});
	}
});

test.describe('without WebGL', () => {
	// A browser of its own: launch options cannot change inside a test file's worker.
	let noWebGL: Browser;
	test.beforeAll(async () => {
		noWebGL = await chromium.launch({
			executablePath: findChromium(),
			args: [...CHROMIUM_ARGS, '--disable-webgl', '--disable-3d-apis']
		});
	});
	test.afterAll(async () => {
		await noWebGL?.close();
	});

	/** A page in that browser, failing like the shared fixture on errors and foreign requests. */
	async function openPage(baseURL: string, device: BrowserContextOptions = {}) {
		const context = await noWebGL.newContext({
			baseURL,
			viewport: { width: 1280, height: 800 },
			...device
		});
		const page = await context.newPage();
		const problems: string[] = [];
		page.on('pageerror', (e) => problems.push(String(e)));
		page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
		page.on('request', (r) => {
			const url = new URL(r.url());
			if (!['data:', 'blob:'].includes(url.protocol) && url.origin !== new URL(baseURL).origin)
				problems.push(`foreign request: ${r.url()}`);
		});
		await watchCsp(page);
		return { page, problems, close: () => context.close() };
	}

	test('the browser really has no WebGL', async ({ baseURL }) => {
		const { page, problems, close } = await openPage(baseURL!);
		await page.goto('/404.html');
		const contexts = await page.evaluate(() =>
			['webgl2', 'webgl'].map((t) => !!document.createElement('canvas').getContext(t))
		);
		expect(contexts).toEqual([false, false]);
		expect(problems).toEqual([]);
		await close();
	});

	test('shows a static overview that says why, with every feature a link', async ({ baseURL }) => {
		const { page, problems, close } = await openPage(baseURL!);
		await page.goto('/');
		await expect(
			page.getByText(/cannot show the interactive map \(WebGL is unavailable\)/)
		).toBeVisible();
		await waitForMap(page);
		const links = mapRegion(page).locator('svg a[href]');
		await expect(links).not.toHaveCount(0);
		expect(await seriousAxeViolations(page)).toEqual([]);
		// Keyboard: a feature link takes focus and opens its event page, passage highlighted.
		await links.first().focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/events\/[a-z0-9-]+\/#passage=p\d+/);
		await expect(page.locator('.events button[aria-current="true"]')).toHaveCount(1);
		await expect(page.locator('.passage.current mark')).not.toHaveCount(0);
		expect(await cspViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	test('summarises a large story: clusters say how many, lone features link, the legend hides a layer', async () => {
		// The hostile story is built as a large one (every layer over the tile threshold).
		const { page, problems, close } = await openPage(HOSTILE_BASE_URL);
		await page.goto('/');
		await waitForMap(page);
		const svg = mapRegion(page).locator('svg');
		const siteIds = (
			JSON.parse(readFileSync('tests/fixtures/hostile-story/sites.geojson', 'utf8')) as {
				features: { id: string }[];
			}
		).features.map((f) => f.id);
		const clusters = svg.locator('g.cluster');
		const siteLinks = svg.locator(siteIds.map((id) => `a[data-fid="${id}"]`).join(', '));
		// Sharm el-Sheikh and the Sinai crash site, 250 km apart, share a cluster at this scale;
		// the other sites are links of their own.
		await expect(clusters).toHaveCount(1);
		await expect(clusters).toHaveAccessibleName('2 features');
		await expect(clusters.locator('text')).toHaveText('2');
		await expect(siteLinks).toHaveCount(siteIds.length - 2);
		await expect(svg).toHaveAccessibleName(/clusters count the story’s features/);
		expect(await seriousAxeViolations(page)).toEqual([]);

		await page.locator('.legend li[data-layer="sites"] > label input').uncheck();
		await expect(clusters).toHaveCount(0);
		await expect(siteLinks).toHaveCount(0);
		await expect(svg.locator('a[data-fid="paris-area"]')).toHaveCount(1);
		expect(await cspViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});

	test('on a phone, the start button gives the static overview', async ({ baseURL }) => {
		// The map asks for WebGL only when it starts: a touch screen shows its picture until then.
		const { page, problems, close } = await openPage(baseURL!, {
			viewport: { width: 390, height: 844 },
			isMobile: true,
			hasTouch: true
		});
		await page.goto('/');
		await expect(page.locator('.map-wrap img.preview')).toBeVisible();
		await page.getByRole('button', { name: 'Show the interactive map' }).tap();
		await expect(
			page.getByText(/cannot show the interactive map \(WebGL is unavailable\)/)
		).toBeVisible();
		await expect(mapRegion(page).locator('svg a[href]')).not.toHaveCount(0);
		expect(await cspViolations(page)).toEqual([]);
		expect(problems).toEqual([]);
		await close();
	});
});

test.describe('losing the WebGL context', () => {
	test('shows a notice while lost, and repaints when restored', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		await page.evaluate(() => {
			const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')!;
			// Asking again for the kind of context the map made returns the map's own context.
			const gl = canvas.getContext('webgl2') ?? canvas.getContext('webgl');
			const ext = gl!.getExtension('WEBGL_lose_context')!;
			(window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext = ext;
			ext.loseContext();
		});
		const notice = page.getByRole('status').filter({ hasText: /graphics context/ });
		await expect(notice).toBeVisible();
		await page.evaluate(() =>
			(window as unknown as { __loseContext: WEBGL_lose_context }).__loseContext.restoreContext()
		);
		await expect(notice).toHaveCount(0);
		await waitForMap(page);
		await expect
			.poll(async () => colourCount(page, await mapRegion(page).locator('canvas').screenshot()), {
				timeout: 30_000
			})
			.toBeGreaterThan(20);
	});
});

test.describe('accessibility', () => {
	test.describe('on a phone', () => {
		test.use({ viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true });
		test('the phone layout: no serious violation and no sideways scroll', async ({ page }) => {
			await page.goto('/events/sinai-crash/');
			await waitForMap(page);
			expect(await seriousAxeViolations(page)).toEqual([]);
			const over = await overflow(page);
			expect(over.document, 'page scrolls sideways').toBeLessThanOrEqual(0);
			expect(over.panel, 'the article panel scrolls sideways').toBeLessThanOrEqual(0);
		});
	});

	// Axe runs on the pages this walk passes through (the story page, then an event page with
	// its popup open) rather than on loads of their own: each map load costs seconds.
	test('keyboard only: list, popup, passage and back; axe on the way', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		expect(await seriousAxeViolations(page), 'the story page').toEqual([]);
		// From the top of the page to the event list.
		expect(await tabUntil(page, '.events button')).toBe(true);
		const opener = page.locator(':focus');
		const title = (await opener.locator('.title').textContent())!;
		await page.keyboard.press('Enter');
		await expect(popup(page)).toBeVisible();
		await expect(page.getByText(`Selected: ${title}`)).toBeAttached();
		await expect(page).toHaveURL(/\/events\//);
		await waitForMap(page);
		expect(await seriousAxeViolations(page), 'an event page, its popup open').toEqual([]);
		// Into the popup: its controls come next in the focus order.
		expect(await tabUntil(page, '.maplibregl-popup', 3)).toBe(true);
		expect(await tabUntil(page, '.maplibregl-popup .passages a', 10)).toBe(true);
		const href = (await page.locator(':focus').getAttribute('href'))!;
		const pid = /passage=(p\d+)/.exec(href)![1];
		await page.keyboard.press('Enter');
		await expect(page.locator(`#${pid}`)).toBeFocused();
		// Back the way we came: focus moves on, it is not lost to the page.
		await page.keyboard.press('Shift+Tab');
		expect(await page.evaluate(() => document.activeElement !== document.body)).toBe(true);
		await page.keyboard.press('Escape');
		await expect(popup(page)).toHaveCount(0);
		await expect(page.locator('.events button', { hasText: title })).toBeFocused();
	});
});
