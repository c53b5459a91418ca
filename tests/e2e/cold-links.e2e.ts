/**
 * Every state a link can hold, opened the two ways a reader meets it: cold (the link pasted
 * into a fresh browser, which is what sharing a link always is) and warm (the page already
 * open, the hash changed in place, or the event chosen from the list). Both columns must show
 * the same thing: what the map draws and lets one click, what the list, the legend and the
 * timeline count, which passage is marked, which popup is open, and the address bar must
 * still hold the link's state once the map has settled.
 *
 * Each test gets its own browser context from Playwright, so `page.goto(link)` as the first
 * thing a test does is a cold start.
 */
import type { Page } from '@playwright/test';
import { test, expect, waitForMap, mapRegion, openLink } from './fixtures';
import {
	expectCursor,
	layerIds,
	pointOf,
	screenPoint,
	storyFeatures,
	type StoryFeature
} from './map-helpers';

const WEEK = 't=2015-11-20..2015-11-27';
/** Every layer but the flight path and the Paris attack sites. */
const SOME_LAYERS = 'layers=uncertainty,areas,routes,borders,claims,events,places';
/** Kremlin, close enough for its marker to stand alone. */
const KREMLIN_VIEW = 'map=7/55.75/37.6';

/** Every layer but the routes, the border they cross and the claims. */
const NO_ROUTES = 'layers=uncertainty,areas,flights,sites,events,places';

/**
 * Features the table probes, each alone at its pixel where the table probes it (the Su-24 and
 * the air base by Latakia overlap when the whole story is framed, so neither is probed): a
 * marker each, and a line's middle vertex: the flight's dashed, never-flown leg (over Crimea),
 * the flown one (over Sinai), the western oil route (in Turkey, beside the oil event's popup).
 */
const PROBES = {
	crash: 'metrojet-9268-crash-site',
	kremlin: 'kremlin',
	flight: 'sinai-flight-unflown',
	flown: 'sinai-flight-flown',
	paris: 'bataclan',
	route: 'oil-route-western'
} as const;
type Probe = keyof typeof PROBES;

interface Row {
	/** The link: a path and a hash. */
	link: string;
	/** Probes drawn and clickable (the last one is clicked: a popup of its event opens). */
	drawn: Probe[];
	/** Probes neither drawn nor clickable: no pointer, and a click opens nothing new. */
	hidden: Probe[];
	/** The list's count of events in the window. */
	listed: number;
	/** Legend counts that must hold (layer id → features counted). */
	legend: Record<string, number>;
	/** Unticked layers in the legend. */
	off?: string[];
	/** The marked passage, if any. */
	marked?: string;
	/** The open popup's event (its popup heading is one of that event's feature titles). */
	popup?: string;
	/** A notice about the link is shown. */
	notice?: RegExp;
	/** Hash keys the address bar holds after the map settles; defaults to the link's. */
	keeps?: Record<string, string>;
}

const ALL = { flights: 2, sites: 6, events: 7 };
const IN_WEEK = { flights: 0, sites: 0, events: 6 };

const rows: Row[] = [
	{ link: '/', drawn: ['flight', 'crash'], hidden: [], listed: 8, legend: ALL },
	{
		link: `/#${KREMLIN_VIEW}`,
		drawn: ['kremlin'],
		hidden: [],
		listed: 8,
		legend: ALL
	},
	{ link: '/#passage=p7', drawn: ['crash'], hidden: [], listed: 8, legend: ALL, marked: 'p7' },
	{
		link: `/#${SOME_LAYERS}`,
		drawn: ['crash'],
		hidden: ['flight', 'paris'],
		listed: 8,
		legend: ALL,
		off: ['flights', 'sites']
	},
	{
		link: `/#${WEEK}`,
		drawn: ['kremlin'],
		hidden: ['crash', 'flight', 'paris'],
		listed: 6,
		legend: IN_WEEK
	},
	{
		link: `/#${KREMLIN_VIEW}&${WEEK}`,
		drawn: ['kremlin'],
		hidden: [],
		listed: 6,
		legend: IN_WEEK
	},
	{
		link: `/#passage=p14&${WEEK}`,
		drawn: ['kremlin'],
		hidden: ['crash'],
		listed: 6,
		legend: IN_WEEK,
		marked: 'p14'
	},
	{
		link: `/#layers=events&${WEEK}`,
		drawn: ['kremlin'],
		hidden: ['crash', 'flight', 'paris'],
		listed: 6,
		legend: IN_WEEK,
		off: ['uncertainty', 'areas', 'routes', 'borders', 'flights', 'claims', 'sites', 'places']
	},
	{
		link: '/events/oil-smuggling/',
		drawn: ['route'],
		hidden: [],
		listed: 8,
		legend: ALL,
		marked: 'p11',
		popup: 'oil-smuggling'
	},
	{
		link: `/events/kremlin-talks/#${KREMLIN_VIEW}`,
		drawn: [],
		hidden: [],
		listed: 8,
		legend: ALL,
		marked: 'p3',
		popup: 'kremlin-talks'
	},
	{
		link: '/events/oil-smuggling/#passage=p12',
		drawn: ['route'],
		hidden: [],
		listed: 8,
		legend: ALL,
		marked: 'p12',
		popup: 'oil-smuggling'
	},
	{
		link: `/events/oil-smuggling/#${NO_ROUTES}`,
		drawn: [],
		hidden: ['route'],
		listed: 8,
		legend: ALL,
		off: ['routes', 'borders', 'claims'],
		marked: 'p11',
		popup: 'oil-smuggling'
	},
	{
		// The popup's marker is in a hidden layer: no popup points at it; the route is drawn.
		link: '/events/oil-smuggling/#layers=routes',
		drawn: ['route'],
		hidden: [],
		listed: 8,
		legend: ALL,
		off: ['uncertainty', 'areas', 'borders', 'flights', 'claims', 'sites', 'events', 'places'],
		marked: 'p11'
	},
	{
		link: `/events/oil-smuggling/#${WEEK}`,
		drawn: ['route'],
		hidden: [],
		listed: 6,
		legend: IN_WEEK,
		marked: 'p11',
		popup: 'oil-smuggling'
	},
	{
		// The event is outside the window: selected, but no popup points at a hidden marker.
		link: `/events/sinai-crash/#${WEEK}`,
		drawn: [],
		hidden: ['crash', 'flown'],
		listed: 6,
		legend: IN_WEEK,
		marked: 'p7'
	},
	{
		link: `/#${WEEK}&layers=nowhere,events,places&passage=p99&map=4/200/40`,
		drawn: ['kremlin'],
		hidden: ['crash', 'flight', 'paris'],
		listed: 6,
		legend: IN_WEEK,
		off: ['uncertainty', 'areas', 'routes', 'borders', 'flights', 'claims', 'sites'],
		notice: /Ignored “layers”.*Ignored “passage”.*Ignored “map”/s,
		keeps: { t: '2015-11-20..2015-11-27' }
	}
];

/** The `key=value` pairs of a URL's hash, decoded. */
function hashPairs(url: string): Record<string, string> {
	const hash = new URL(url, 'http://x').hash.slice(1);
	return Object.fromEntries(
		hash
			.split('&')
			.filter(Boolean)
			.map((s) => {
				const i = s.indexOf('=');
				return [s.slice(0, i), decodeURIComponent(s.slice(i + 1))];
			})
	);
}

/** The address bar holds `keeps` (a view within rounding) on the link's path. */
async function expectAddress(page: Page, path: string, keeps: Record<string, string>) {
	const url = new URL(page.url());
	expect(url.pathname).toBe(path);
	const now = hashPairs(page.url());
	for (const [key, value] of Object.entries(keeps)) {
		if (key !== 'map') {
			expect(now[key], `${key}= in ${url.hash}`).toBe(value);
			continue;
		}
		const [z, lat, lng] = value.split('/').map(Number);
		const [z2, lat2, lng2] = (now.map ?? '').split('/').map(Number);
		expect(Math.abs(z2 - z), `zoom in ${url.hash}`).toBeLessThan(0.01);
		expect(Math.abs(lat2 - lat), `latitude in ${url.hash}`).toBeLessThan(1e-3);
		expect(Math.abs(lng2 - lng), `longitude in ${url.hash}`).toBeLessThan(1e-3);
	}
}

const popup = (page: Page) => page.locator('.maplibregl-popup');

type Box = { x: number; y: number; width: number; height: number };
const inside = (p: { x: number; y: number }, b: Box) =>
	p.x >= b.x && p.x <= b.x + b.width && p.y >= b.y && p.y <= b.y + b.height;

/**
 * Where a probe is on screen. It must be on the map and not under the open popup: a probe
 * nobody could click would make its check pass for nothing.
 */
async function probePoint(page: Page, f: StoryFeature) {
	const at = await screenPoint(page, pointOf(f));
	const map = (await mapRegion(page).boundingBox())!;
	expect(
		inside(at, { x: map.x + 8, y: map.y + 8, width: map.width - 16, height: map.height - 16 }),
		`${f.properties.fid} is on the map`
	).toBe(true);
	const box = (await popup(page).count()) > 0 ? await popup(page).boundingBox() : null;
	expect(box !== null && inside(at, box), `${f.properties.fid} is under the popup`).toBe(false);
	return at;
}

/** Open a row's link as the reader would: pasted cold, or reached on the open page. */
async function open(page: Page, link: string, how: 'cold' | 'warm') {
	if (how === 'cold') {
		await page.goto(link);
		return waitForMap(page);
	}
	const [path, hash] = link.split('#');
	const event = /^\/events\/([^/]+)\/$/.exec(path)?.[1];
	if (link === '/') {
		// The story itself: a passage's link opened, then the hash emptied in place.
		await page.goto('/#passage=p7');
		await waitForMap(page);
		await page.evaluate(() => (location.hash = ''));
		await expect(page.locator('.passage.current')).toHaveCount(0);
		return waitForMap(page);
	}
	if (hash === undefined && event) {
		// No hash to change: the reader picks the event from the list.
		await page.goto('/');
		await waitForMap(page);
		const title = await eventTitle(page, event);
		await page.locator('.events button', { has: page.getByText(title, { exact: true }) }).click();
		await expect(page).toHaveURL(new RegExp(`/events/${event}/`));
		return waitForMap(page);
	}
	await page.goto(path);
	await waitForMap(page);
	// A same-document navigation: only the hash changes (the page may then write the state it
	// shows, invalid values dropped: the row's `keeps` says what must stay).
	await openLink(page, link);
}

/** An event's title, from the story index the site serves. */
async function eventTitle(page: Page, id: string): Promise<string> {
	const { parts } = (await (await page.request.get('/story/shell.json')).json()) as {
		parts: number;
	};
	for (let k = 0; k < parts; k++) {
		const part = (await (await page.request.get(`/story/part-${k}.json`)).json()) as {
			events: { id: string; title: string }[];
		};
		const event = part.events.find((e) => e.id === id);
		if (event) return event.title;
	}
	throw new Error(`no event ${id}`);
}

for (const how of ['cold', 'warm'] as const) {
	test.describe(`links opened ${how}`, () => {
		// Two page loads (warm), a dozen probes and a click each, in software WebGL.
		test.describe.configure({ timeout: 120_000 });
		for (const row of rows) {
			test(`${row.link}`, async ({ page }) => {
				await open(page, row.link, how);
				const features = await storyFeatures(page, await layerIds(page));
				const byFid = new Map(features.map((f) => [f.properties.fid, f]));
				const probe = (p: Probe): StoryFeature => byFid.get(PROBES[p])!;

				// The address bar still holds the link's state once the map has settled.
				const [path, hash = ''] = row.link.split('#');
				const keeps = row.keeps ?? hashPairs(`#${hash}`);
				await expectAddress(page, path, keeps);

				// Counts: the list, the timeline and the legend agree with what is drawn.
				await expect(page.locator('.events h2 .count')).toHaveText(`(${row.listed})`);
				await expect(page.locator('.timeline .summary, .summary').first()).toContainText(
					`${row.listed} events`
				);
				for (const [layer, n] of Object.entries(row.legend)) {
					await expect(
						page.locator(`.legend li[data-layer="${layer}"] > label .count`),
						`legend count of ${layer}`
					).toHaveText(String(n));
				}
				for (const id of await layerIds(page)) {
					const box = page.locator(`.legend li[data-layer="${id}"] > label input`);
					if (row.off?.includes(id)) await expect(box, id).not.toBeChecked();
					else await expect(box, id).toBeChecked();
				}

				// The marked passage, the popup and the notice.
				if (row.marked) {
					await expect(page.locator('.passage.current')).toHaveAttribute('id', row.marked);
					await expect(page.locator(`#${row.marked} mark`)).not.toHaveCount(0);
				} else {
					await expect(page.locator('.passage.current')).toHaveCount(0);
				}
				if (row.popup) {
					const titles = features
						.filter((f) => f.properties.event === row.popup)
						.map((f) => f.properties.title);
					const heading = popup(page).getByRole('heading', { level: 3 });
					await expect(heading).toBeVisible();
					expect(titles).toContain(await heading.textContent());
				} else {
					await expect(popup(page)).toHaveCount(0);
				}
				if (row.notice) {
					await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toHaveText(
						row.notice
					);
				} else {
					await expect(page.getByRole('status').filter({ hasText: 'Ignored' })).toHaveCount(0);
				}

				// Hidden: no pointer, and a click changes nothing.
				const before = page.url();
				const popups = await popup(page).count();
				for (const p of row.hidden) {
					const at = await probePoint(page, probe(p));
					await expectCursor(page, pointOf(probe(p)), '');
					await page.mouse.click(at.x, at.y);
					await expect(popup(page)).toHaveCount(popups);
					expect(page.url(), `a click on hidden ${p}`).toBe(before);
				}
				// Drawn: a pointer, and the last one clicked opens its event's popup.
				for (const p of row.drawn) {
					await probePoint(page, probe(p));
					await expectCursor(page, pointOf(probe(p)), 'pointer');
				}
				// Later, after the probes: the address bar has not been rewritten meanwhile.
				await expectAddress(page, path, keeps);
				// The last one is clicked where no popup is open yet (an open one is the row's own
				// check; clicking beside it would pan the map to a new selection).
				const last = row.popup ? undefined : row.drawn.at(-1);
				if (last) {
					const f = probe(last);
					const at = await probePoint(page, f);
					await page.mouse.click(at.x, at.y);
					await expect(page).toHaveURL(new RegExp(`/events/${f.properties.event}/`));
					const titles = features
						.filter((g) => g.properties.event === f.properties.event)
						.map((g) => g.properties.title);
					const heading = popup(page).getByRole('heading', { level: 3 });
					await expect(heading).toBeVisible();
					expect(titles).toContain(await heading.textContent());
				}
				await expect(mapRegion(page)).toBeVisible();
			});
		}
	});
}
