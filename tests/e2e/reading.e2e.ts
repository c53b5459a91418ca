import { test, expect, waitForMap, mapRegion, popup } from './fixtures';
import {
	expectCursor,
	layerIds,
	openAt,
	pointOf,
	screenPoint,
	storyFeatures,
	type StoryFeature
} from './map-helpers';

const REQUIRED = [
	'kremlin-talks',
	'paris-attacks',
	'sinai-crash',
	'su24-shootdown',
	'oil-smuggling',
	'syria-air-campaign',
	'ankara-accusations'
];

/** A feature that stands for the event on the map: a marker, or a route. */
function markerOf(features: StoryFeature[], event: string): StoryFeature {
	const own = features.filter((f) => f.properties.event === event);
	const marker =
		own.find(
			(f) => f.geometry.type === 'Point' && !['place', 'uncertainty'].includes(f.properties.kind)
		) ?? own.find((f) => f.geometry.type === 'LineString');
	if (!marker) throw new Error(`event ${event} has no marker`);
	return marker;
}

test.describe('reading the map', () => {
	// One page for the seven events, as a reader goes from one to the next: each is opened by
	// the map and closed again (which returns to the story's own address), so the walk costs one
	// load of the map rather than seven. A step per event names the one that fails.
	test('every event: pointer on hover, popup on click, passage link to the article', async ({
		page
	}) => {
		test.slow();
		await page.goto('/');
		const features = await storyFeatures(page, await layerIds(page));
		for (const event of REQUIRED) {
			await test.step(event, async () => {
				const marker = markerOf(features, event);
				await openAt(page, '/', pointOf(marker), marker.properties.kind === 'attack' ? 13 : 9);
				await expectCursor(page, pointOf(marker), 'pointer');
				const p = await screenPoint(page, pointOf(marker));
				await page.mouse.click(p.x, p.y);
				await expect(popup(page)).toBeVisible();
				await expect(popup(page).getByRole('heading', { level: 3 })).toHaveText(
					marker.properties.title
				);
				await expect(page).toHaveURL(new RegExp(`/events/${marker.properties.event}/`));
				const link = popup(page).getByRole('link', { name: /^¶\d+/ }).first();
				const pid = `p${((await link.textContent()) ?? '').match(/¶(\d+)/)![1]}`;
				await link.click();
				const passage = page.locator(`#${pid}`);
				await expect(passage).toBeFocused();
				await expect(passage).toBeInViewport();
				await expect(passage.locator('mark')).not.toHaveCount(0);
				await expect(page).toHaveURL(new RegExp(`passage=${pid}`));
				// Closing the popup returns to the story's own page, in the same document.
				await page.keyboard.press('Escape');
				await expect(popup(page)).toHaveCount(0);
				await expect(page).toHaveURL(/^https?:\/\/[^/]+\/(#.*)?$/);
			});
		}
	});

	test('an article place link moves the map and opens the popup', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		const before = Number(await mapRegion(page).getAttribute('data-lng'));
		const link = page.locator('#p3 a.place').first();
		const name = (await link.textContent())!;
		await link.click();
		await expect(popup(page)).toBeVisible();
		await waitForMap(page);
		const after = Number(await mapRegion(page).getAttribute('data-lng'));
		expect(Math.abs(after - before)).toBeGreaterThan(0.5);
		await expect(popup(page)).toContainText(/\S/);
		expect(name.length).toBeGreaterThan(2);
	});

	test('the Paris cluster splits when zoomed', async ({ page }) => {
		await page.goto('/');
		const features = await storyFeatures(page, await layerIds(page));
		const sites = features.filter(
			(f) => f.properties.event === 'paris-attacks' && f.properties.kind === 'attack'
		);
		expect(sites.length).toBe(6);
		const avg: [number, number] = [
			sites.reduce((s, f) => s + pointOf(f)[0], 0) / sites.length,
			sites.reduce((s, f) => s + pointOf(f)[1], 0) / sites.length
		];
		await openAt(page, '/', avg, 5);
		const p = await screenPoint(page, avg);
		await page.mouse.move(p.x, p.y);
		await expect(page.locator('.tooltip')).toHaveText(/6 places/);
		await page.mouse.click(p.x, p.y);
		await waitForMap(page);
		await expect
			.poll(async () => Number(await mapRegion(page).getAttribute('data-zoom')))
			.toBeGreaterThan(8);
		// Zoom in until they are single markers, then each answers on its own.
		await openAt(page, '/', pointOf(sites[1]), 14);
		await page.mouse.move(
			...(Object.values(await screenPoint(page, pointOf(sites[1]))) as [number, number])
		);
		await expect(page.locator('.tooltip')).toHaveText(sites[1].properties.title);
	});

	test('the legend hides and shows a layer', async ({ page }) => {
		await page.goto('/');
		const features = await storyFeatures(page, await layerIds(page));
		const kremlin = markerOf(features, 'kremlin-talks');
		const layer = String(kremlin.properties.layer);
		await openAt(page, '/', pointOf(kremlin), 9);
		await expectCursor(page, pointOf(kremlin), 'pointer');
		const toggle = page.locator(`.legend li[data-layer="${layer}"] > label input`);
		await toggle.uncheck();
		await waitForMap(page);
		await expectCursor(page, pointOf(kremlin), '');
		await toggle.check();
		await waitForMap(page);
		await expectCursor(page, pointOf(kremlin), 'pointer');
	});
});

/**
 * How the camera moves to a chosen event. The rest of the suite runs with reduced motion
 * (playwright.config.ts); here both preferences are checked: a reader who asked for less
 * motion gets a jump, everyone else a flight through the views in between.
 */
test.describe('motion', () => {
	for (const [motion, flies] of [
		['no-preference', true],
		['reduce', false]
	] as const) {
		test.describe(motion, () => {
			test.use({ reducedMotion: motion });
			test(`choosing an event ${flies ? 'flies' : 'jumps'} the map there`, async ({ page }) => {
				await page.goto('/');
				await waitForMap(page);
				const zoomNow = async () => Number(await mapRegion(page).getAttribute('data-zoom'));
				const from = await zoomNow();
				// Every zoom the map reports on the way (it updates data-zoom on each 'move').
				await page.evaluate(() => {
					const el = document.querySelector('.map')!;
					const seen: number[] = [];
					Object.assign(window, { __zooms: seen });
					new MutationObserver(() => seen.push(Number(el.getAttribute('data-zoom')))).observe(el, {
						attributes: true,
						attributeFilter: ['data-zoom']
					});
				});
				await page.locator('.events button', { hasText: 'Kremlin' }).first().click();
				await expect(page).toHaveURL(/\/events\/kremlin-talks\//);
				await waitForMap(page);
				const to = await zoomNow();
				expect(to - from, 'the event is framed closer than the story').toBeGreaterThan(2);
				// Views strictly between where the camera was and where it ends: a flight passes
				// through some (however slow the machine, at least one frame); a jump none.
				const zooms = await page.evaluate(
					() => (window as unknown as { __zooms: number[] }).__zooms
				);
				const between = zooms.filter((z) => z > from + 0.05 && z < to - 0.05);
				if (flies) expect(between.length).toBeGreaterThan(0);
				else expect(between).toEqual([]);
			});
		});
	}
});
