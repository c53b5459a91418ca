/**
 * Phones first: on a phone the selection is a card in the sheet (upright) or the side panel
 * (on its side), never a popup over the little map there is, so the reader sees the map and
 * what was selected at once. Touch is on; links are opened cold.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForMap, mapRegion, seriousAxeViolations, startMap } from './fixtures';
import { layerIds, pointOf, screenPoint, storyFeatures } from './map-helpers';

const card = (page: Page) => page.locator('.panel .popup');

/** Whether nothing but the map itself is at a page pixel (a marker's ring lets taps through). */
function mapAt(page: Page, x: number, y: number) {
	return page.evaluate(
		([x, y]) => document.elementFromPoint(x, y)?.classList.contains('maplibregl-canvas') === true,
		[x, y]
	);
}

/** The share of the map area, on a 12 × 12 grid, that no other element covers. */
function uncoveredShare(page: Page) {
	return page.evaluate(() => {
		const canvas = document.querySelector('.maplibregl-canvas')!;
		const box = canvas.getBoundingClientRect();
		let free = 0;
		for (let i = 0; i < 12; i++)
			for (let j = 0; j < 12; j++) {
				const x = box.left + ((i + 0.5) / 12) * box.width;
				const y = box.top + ((j + 0.5) / 12) * box.height;
				if (document.elementFromPoint(x, y) === canvas) free++;
			}
		return free / 144;
	});
}

type Touch = { x: number; y: number };

/** A gesture of one or more fingers, from `from` to `to` (one point per finger), in steps. */
async function gesture(page: Page, from: Touch[], to: Touch[], steps = 8) {
	const cdp = await page.context().newCDPSession(page);
	const at = (t: number) =>
		from.map((f, i) => ({ x: f.x + (to[i].x - f.x) * t, y: f.y + (to[i].y - f.y) * t, id: i }));
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchStart', touchPoints: at(0) });
	for (let k = 1; k <= steps; k++)
		await cdp.send('Input.dispatchTouchEvent', { type: 'touchMove', touchPoints: at(k / steps) });
	await cdp.send('Input.dispatchTouchEvent', { type: 'touchEnd', touchPoints: [] });
	await cdp.detach();
}

/** The map's view as its region says it, and how far the page has scrolled. */
function viewAndScroll(page: Page) {
	return page.evaluate(() => {
		const map = document.querySelector('.map[aria-busy]')!;
		return {
			lat: Number(map.getAttribute('data-lat')),
			zoom: Number(map.getAttribute('data-zoom')),
			scroll: window.scrollY + document.documentElement.scrollTop
		};
	});
}

/** The selected feature's pixel: the ring's centre, which must be where the feature is. */
async function ringCentre(page: Page) {
	const ring = page.locator('.selection-ring');
	await expect(ring).toHaveCount(1);
	const b = (await ring.boundingBox())!;
	return { x: b.x + b.width / 2, y: b.y + b.height / 2 };
}

/** The feature of an event the map stands for it with, and its page pixel now. */
async function featurePoint(page: Page, fid: string) {
	const features = await storyFeatures(page, await layerIds(page));
	const f = features.find((g) => g.properties.fid === fid)!;
	return screenPoint(page, pointOf(f));
}

/** The Su-24's event page, opened cold: a card names it, and no popup is over the map. */
async function openSu24(page: Page) {
	const asked: string[] = [];
	page.on('request', (r) => asked.push(new URL(r.url()).pathname));
	await page.goto('/events/su24-shootdown/');
	await waitForMap(page);
	// Until the reader touches the map: its preview picture, and no map code, tiles or canvas.
	const preview = page.locator('.map-wrap img.preview');
	await expect(preview).toHaveAttribute('alt', /^Map: .*Su-24/);
	await expect.poll(() => preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
	expect(asked.filter((u) => /maplibre-gl-worker|\/generated\/(basemap|glyphs)\//.test(u))).toEqual(
		[]
	);
	await expect(page.locator('.maplibregl-canvas')).toHaveCount(0);
	await startMap(page);
	await expect(preview).toHaveCount(0);
	await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
	await expect(card(page).getByRole('heading', { level: 3 })).toHaveText(/Su-24/);
}

test.describe('upright, 390 × 844', () => {
	test.use({ viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true });

	test('an event page: its card in the sheet, the map and the feature in view, the passage below', async ({
		page
	}) => {
		// The card, not a popup over the map: title, date and a passage link, at the sheet's top.
		await openSu24(page);
		const link = card(page).locator('.passages a').first();
		await expect(link).toBeInViewport();
		// The feature is on the map, uncovered, with its ring; most of the map is uncovered.
		const title = await card(page).getByRole('heading', { level: 3 }).textContent();
		const features = await storyFeatures(page, await layerIds(page));
		const selected = features.find((f) => f.properties.title === title)!;
		const ring = await ringCentre(page);
		const at = await screenPoint(page, pointOf(selected));
		expect(Math.hypot(ring.x - at.x, ring.y - at.y)).toBeLessThan(4);
		expect(await mapAt(page, ring.x, ring.y), 'the selected feature is covered').toBe(true);
		expect(await uncoveredShare(page)).toBeGreaterThanOrEqual(0.5);
		// The map takes at least 55 % of the screen's height above the sheet at its peek.
		const [map, panel] = await Promise.all([
			mapRegion(page).boundingBox(),
			page.locator('.panel').boundingBox()
		]);
		expect((panel!.y - map!.y) / 844).toBeGreaterThanOrEqual(0.55);
		// One line of header: the title cut short, Copy link an icon with its name.
		const head = (await page.locator('.masthead').boundingBox())!;
		expect(head.height).toBeLessThan(48);
		await expect(page.getByRole('banner').getByRole('button', { name: 'Copy link' })).toBeVisible();
		expect(await seriousAxeViolations(page)).toEqual([]);

		// Its passage link: the sheet's article scrolls to the passage, focused and marked.
		const pid = `p${/¶(\d+)/.exec((await link.textContent())!)![1]}`;
		await link.tap();
		const passage = page.locator(`#${pid}`);
		await expect(passage).toBeFocused();
		await expect(passage.locator('mark')).not.toHaveCount(0);
		await expect(passage).toBeInViewport();
		await expect(page).toHaveURL(new RegExp(`passage=${pid}`));

		// Closing the card leaves the sheet to the article, on the story's page.
		await card(page).getByRole('button', { name: 'Close the selection' }).tap();
		await expect(card(page)).toHaveCount(0);
		await expect(page.locator('.selection-ring')).toHaveCount(0);
		await expect(page).toHaveURL(/^https?:\/\/[^/]+\/(#.*)?$/);
	});

	test('a tapped marker: its card, the map kept clear; the folded timeline; one-finger pan, the sheet’s drag, pinch', async ({
		page
	}) => {
		await page.goto('/#map=7/55.75/37.6');
		await startMap(page);
		// The timeline is one line until tapped open; its sliders then work.
		const toggle = page.locator('.timeline button[aria-controls="timeline-track"]');
		await expect(toggle).toHaveAccessibleName(/^All dates\W+8 events$/);
		await expect(toggle).toHaveAttribute('aria-expanded', 'false');
		const start = page.getByRole('slider', { name: 'Start of the time window' });
		await expect(start).toBeHidden();
		await toggle.tap();
		await expect(start).toBeVisible();
		await start.focus();
		await page.keyboard.press('ArrowRight');
		await expect(page).toHaveURL(/[#&]t=2015-\d\d-\d\d\.\./);
		// Folded again, it says the new window.
		await toggle.tap();
		await expect(start).toBeHidden();
		await expect(toggle).toHaveAccessibleName(/^\d+ \w{3}\W.*2015\W+\d+ events$/);

		const at = await featurePoint(page, 'kremlin');
		await page.touchscreen.tap(at.x, at.y);
		await expect(page).toHaveURL(/\/events\/kremlin-talks\//);
		await expect(card(page).getByRole('heading', { level: 3 })).toHaveText(/Kremlin/);
		await expect(page.locator('.maplibregl-popup')).toHaveCount(0);
		await waitForMap(page);
		const ring = await ringCentre(page);
		const now = await featurePoint(page, 'kremlin');
		expect(Math.hypot(ring.x - now.x, ring.y - now.y)).toBeLessThan(4);
		expect(await mapAt(page, ring.x, ring.y), 'the selected feature is covered').toBe(true);
		expect(await uncoveredShare(page)).toBeGreaterThanOrEqual(0.5);
		expect(await seriousAxeViolations(page)).toEqual([]);

		// A tap on empty map closes the card.
		const box = (await mapRegion(page).boundingBox())!;
		await page.touchscreen.tap(box.x + 30, box.y + 60);
		await expect(card(page)).toHaveCount(0);
		await expect(page).toHaveURL(/^https?:\/\/[^/]+\/(#.*)?$/);

		// Gestures: one finger pans the map and never the page; the sheet's grip moves the
		// sheet and never the map; two fingers apart zoom in.
		const before = await viewAndScroll(page);
		const cx = box.x + box.width / 2;
		await gesture(page, [{ x: cx, y: box.y + 260 }], [{ x: cx, y: box.y + 100 }]);
		await waitForMap(page);
		const panned = await viewAndScroll(page);
		expect(panned.lat, 'one finger pans the map').not.toBeCloseTo(before.lat, 3);
		expect(panned.scroll, 'the page scrolled').toBe(0);
		const grip = (await page.locator('.panel .handle').boundingBox())!;
		const sheetTop = grip.y;
		await gesture(
			page,
			[{ x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 }],
			[{ x: grip.x + grip.width / 2, y: grip.y + grip.height / 2 - 150 }]
		);
		await expect
			.poll(async () => (await page.locator('.panel').boundingBox())!.y)
			.toBeLessThan(sheetTop - 100);
		const afterSheet = await viewAndScroll(page);
		expect(afterSheet.lat, 'the sheet’s drag moved the map').toBeCloseTo(panned.lat, 6);
		expect(afterSheet.scroll).toBe(0);
		await page.locator('.panel .handle').focus();
		await page.keyboard.press('ArrowDown');
		await expect
			.poll(async () => (await page.locator('.panel').boundingBox())!.y)
			.toBeGreaterThan(sheetTop - 100);
		const y = box.y + 150;
		await gesture(
			page,
			[
				{ x: cx - 20, y },
				{ x: cx + 20, y }
			],
			[
				{ x: cx - 120, y },
				{ x: cx + 120, y }
			]
		);
		await waitForMap(page);
		expect((await viewAndScroll(page)).zoom, 'a pinch zooms in').toBeGreaterThan(panned.zoom + 0.5);
	});
});

test.describe('on its side, 844 × 390', () => {
	test.use({ viewport: { width: 844, height: 390 }, isMobile: true, hasTouch: true });

	test('the card in the side panel, the feature and the map’s controls uncovered; no sideways scroll at 320 px', async ({
		page
	}) => {
		await openSu24(page);
		const [map, panel] = await Promise.all([
			mapRegion(page).boundingBox(),
			page.locator('.panel').boundingBox()
		]);
		expect(panel!.x).toBeGreaterThanOrEqual(map!.x + map!.width - 1);
		const ring = await ringCentre(page);
		expect(await mapAt(page, ring.x, ring.y), 'the selected feature is covered').toBe(true);
		expect(await uncoveredShare(page)).toBeGreaterThanOrEqual(0.5);
		for (const name of ['Zoom in', 'Zoom out']) {
			const b = (await page.getByRole('button', { name, exact: true }).boundingBox())!;
			const hit = await page.evaluate(
				([x, y]) => document.elementFromPoint(x, y)?.closest('button')?.getAttribute('aria-label'),
				[b.x + b.width / 2, b.y + b.height / 2]
			);
			expect(hit, `${name} is covered`).toBe(name);
		}

		// Chosen from the list by keyboard: the card takes focus, as a popup does on a desktop.
		const other = page.locator('.events button', { hasText: 'Kremlin' }).first();
		await other.focus();
		await page.keyboard.press('Enter');
		await expect(page).toHaveURL(/\/events\/kremlin-talks\//);
		await expect(card(page)).toBeFocused();
		await expect(card(page).getByRole('heading', { level: 3 })).toHaveText(/Kremlin/);

		await page.setViewportSize({ width: 320, height: 640 });
		await expect(card(page)).toBeVisible();
		const sideways = await page.evaluate(
			() => document.documentElement.scrollWidth - window.innerWidth
		);
		expect(sideways, 'the page scrolls sideways at 320 px').toBeLessThanOrEqual(0);
	});
});
