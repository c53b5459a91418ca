/**
 * A second story, built from data only (tests/fixtures/sea-story, `npm run build:sea`): places
 * at sea, kinds the story declares, its own opening view and an event that names the feature
 * its page opens. Every test opens its link in a fresh page (a shared link is a cold start).
 */
import { readFileSync } from 'node:fs';
import { SEA_BASE_URL } from '../../playwright.config';
import {
	countNear,
	decodePng,
	expect,
	popup,
	seriousAxeViolations,
	test,
	waitForMap
} from './fixtures';
import { openAt, screenPoint, viewBounds } from './map-helpers';

test.use({ baseURL: SEA_BASE_URL });

const fixture = (name: string) =>
	JSON.parse(readFileSync(`tests/fixtures/sea-story/${name}`, 'utf8'));
const story = fixture('story.json') as {
	kinds: Record<string, { label: string }>;
	view: { bbox: [number, number, number, number] };
};
const seizure = fixture('incidents.geojson').features[0] as {
	id: string;
	geometry: { coordinates: [number, number] };
	properties: { title: string; waters: string; passages: string[] };
};

test('opens framed on the view story.json gives, not on every feature', async ({ page }) => {
	await page.goto('/');
	await waitForMap(page);
	const [west, south, east, north] = await viewBounds(page);
	const [w, s, e, n] = story.view.bbox;
	// The whole view is shown (fitted, with padding; a fraction of a degree for rounding)…
	expect(west).toBeLessThanOrEqual(w + 0.2);
	expect(east).toBeGreaterThanOrEqual(e - 0.2);
	expect(south).toBeLessThanOrEqual(s + 0.2);
	expect(north).toBeGreaterThanOrEqual(n - 0.2);
	// …and fills the frame one way or the other: the New York marker does not pull it out.
	const fillsWidth = (e - w) / (east - west);
	const fillsHeight = (n - s) / (north - south);
	expect(Math.max(fillsWidth, fillsHeight)).toBeGreaterThan(0.6);
	expect(west).toBeGreaterThan(-73.968);
});

test('its own kinds are in the legend, with their labels and symbols', async ({ page }) => {
	await page.goto('/');
	const legend = page.locator('.legend');
	for (const kind of Object.values(story.kinds))
		await expect(legend.getByText(kind.label, { exact: true })).toBeVisible();
	// The naval incident's marker: the shape story.json chose, in a colour of its own.
	const swatch = (label: string) =>
		legend.locator('.kinds li', { hasText: label }).locator('polygon');
	const naval = swatch('Naval incident');
	await expect(naval).toHaveCount(1);
	const fill = await naval.getAttribute('fill');
	expect(fill).toMatch(/^#[0-9a-fA-F]{6}$/);
	const blockade = swatch('Blockade');
	expect((await blockade.getAttribute('fill'))?.toLowerCase()).toBe('#117733');
	expect(fill?.toLowerCase()).not.toBe('#117733');
});

test('the point at sea is clickable; its popup names the waters and links to its passage', async ({
	page
}) => {
	await openAt(page, '/', seizure.geometry.coordinates, 7);
	const at = await screenPoint(page, seizure.geometry.coordinates);
	await page.mouse.click(at.x, at.y);
	await expect(popup(page)).toBeVisible();
	await expect(popup(page).locator('h3')).toHaveText(seizure.properties.title);
	await expect(popup(page).locator('.meta')).toContainText(seizure.properties.waters);
	const passage = seizure.properties.passages[0];
	await popup(page).locator(`.passages a[href*="passage=${passage}"]`).first().click();
	await expect(page.locator(`#${passage}`)).toBeFocused();
	await expect(page.locator(`#${passage} mark`)).not.toHaveCount(0);
});

test('an event page opens the feature the event names, not the first in draw order', async ({
	page
}) => {
	await page.goto('/events/ship-seized/');
	await waitForMap(page);
	await expect(popup(page).locator('h3')).toHaveText(seizure.properties.title);
	// The story's own kinds and colours add no serious accessibility problem.
	expect(await seriousAxeViolations(page)).toEqual([]);
});

test('every event has its page and preview image; the story card draws its own kinds', async ({
	page,
	request
}) => {
	const events = fixture('events.json').events as { id: string; title: string }[];
	for (const event of events) {
		const html = await request.get(`/events/${event.id}/`);
		expect(html.status(), event.id).toBe(200);
		const image = await request.get(`/og/${event.id}.png`);
		expect(image.status(), event.id).toBe(200);
		expect(image.headers()['content-type']).toBe('image/png');
	}
	await page.goto('/events/port-blocked/');
	const og = await page.locator('meta[property="og:image"]').getAttribute('content');
	expect(new URL(og!).pathname).toBe('/og/port-blocked.png');
	// The blockade marker, in the colour story.json gives it, on the tanker's event card.
	const card = await request.get('/og/port-blocked.png');
	const { pixels } = await decodePng(await card.body());
	expect(countNear(pixels, '#117733', 24)).toBeGreaterThan(100);
});
