/**
 * Search (issue 17): the box in the toolbar, from the keyboard, on the built site.
 */
import {
	test,
	expect,
	waitForMap,
	popup,
	seriousAxeViolations,
	watchCsp,
	cspViolations
} from './fixtures';
import type { Page } from '@playwright/test';
import { HOSTILE_BASE_URL } from '../../playwright.config';

const box = (page: Page) => page.getByRole('combobox', { name: /search/i });
const results = (page: Page) => page.getByRole('listbox', { name: 'Search results' });

/** Type a query and wait for its results (the search landmark is busy until they are in). */
async function searchFor(page: Page, query: string) {
	await box(page).fill(query);
	await expect(page.getByRole('search')).toHaveAttribute('aria-busy', 'false');
}

test.describe('search', () => {
	test('/ focuses the box, typing goes on while its code loads; "bataclan" and Enter open its popup, keyboard only', async ({
		page
	}) => {
		// axe over the whole page, with the map on software WebGL, takes a while on two cores.
		test.slow();
		await watchCsp(page);
		// The box's code (the one chunk with the combobox) is held back: the reader types into
		// the plain field the first paint has, and the box takes over what was typed.
		let release!: () => void;
		const held = new Promise<void>((r) => (release = r));
		let holding = false;
		await page.route('**/_app/immutable/**/*.js', async (route) => {
			const response = await route.fetch();
			const body = await response.text();
			if (body.includes('aria-activedescendant')) {
				holding = true;
				await held;
			}
			await route.fulfill({ response, body });
		});
		await page.goto('/');
		await waitForMap(page);
		await page.keyboard.press('/');
		const field = page.getByRole('textbox', { name: /search/i });
		await expect(field).toBeFocused();
		await page.keyboard.type('bataclan');
		await expect.poll(() => holding).toBe(true);
		await expect(box(page)).toHaveCount(0);
		release();
		await expect(box(page)).toBeFocused();
		await expect(box(page)).toHaveValue('bataclan');
		await expect(page.getByRole('search')).toHaveAttribute('aria-busy', 'false');
		await expect(box(page)).toHaveAttribute('aria-expanded', 'true');
		const first = results(page).getByRole('option').first();
		await expect(first).toContainText('Bataclan');
		await expect(box(page)).toHaveAttribute(
			'aria-activedescendant',
			(await first.getAttribute('id'))!
		);
		await expect(page.getByText(/^\d+ results?$/)).toBeAttached();
		expect(await seriousAxeViolations(page)).toEqual([]);
		await page.keyboard.press('Enter');
		await expect(popup(page)).toBeVisible();
		await expect(popup(page).getByRole('heading', { level: 3 })).toContainText('Bataclan');
		await expect(page).toHaveURL(/\/events\/paris-attacks\//);
		expect(await cspViolations(page)).toEqual([]);
	});

	test('"martial" finds nothing and says so; Escape closes and gives focus back', async ({
		page
	}) => {
		await page.goto('/');
		await waitForMap(page);
		const copy = page.getByRole('button', { name: 'Copy link' });
		await copy.focus();
		await page.keyboard.press('Control+k');
		await expect(box(page)).toBeFocused();
		await page.keyboard.type('martial');
		await expect(page.getByText('No results for “martial”')).toBeAttached();
		await expect(results(page).getByRole('option')).toHaveCount(0);
		// Accents and case do not matter, and the arrow keys move through the options.
		await searchFor(page, 'YAYLADAGI');
		await expect(results(page).getByRole('option').first()).toContainText('Turkish account');
		await page.keyboard.press('ArrowDown');
		await page.keyboard.press('Escape');
		await expect(results(page)).toBeHidden();
		await expect(copy).toBeFocused();
	});

	const screens = [
		{ screen: 'desktop', use: {} },
		{
			screen: 'phone',
			use: { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true }
		}
	];
	for (const { screen, use } of screens) {
		test.describe(`on a ${screen}`, () => {
			test.use(use);
			test('a passage result marks its words in view and records passage=', async ({ page }) => {
				await page.goto('/');
				await waitForMap(page);
				await box(page).focus();
				await searchFor(page, 'dinner');
				const group = results(page).getByRole('group', { name: 'In the article' });
				const option = group.getByRole('option').first();
				await expect(option.locator('mark')).toHaveText(/dinner/i);
				const pid = `p${((await option.textContent()) ?? '').match(/¶(\d+)/)![1]}`;
				if (screen === 'phone') await option.tap();
				else await option.click();
				const passage = page.locator(`#${pid}`);
				await expect(passage).toBeFocused();
				await expect(passage.locator('mark')).toHaveText(/dinner/i);
				// On the phone the article is the sheet under the map: the passage is shown in it.
				await expect(passage.locator('mark')).toBeInViewport();
				await expect(page).toHaveURL(new RegExp(`passage=${pid}`));
			});
		});
	}

	test('a result outside the window says so, and choosing it widens the window', async ({
		page
	}) => {
		await page.goto('/#t=2015-11-20..2015-11-27');
		await waitForMap(page);
		await box(page).focus();
		await searchFor(page, 'bataclan');
		const first = results(page).getByRole('option').first();
		await expect(first).toContainText('outside the time window');
		await page.keyboard.press('Enter');
		await expect(popup(page)).toBeVisible();
		await expect(popup(page).getByRole('heading', { level: 3 })).toContainText('Bataclan');
		await expect(page).toHaveURL(/\/events\/paris-attacks\//);
		await expect(page).not.toHaveURL(/t=2015-11-20\.\./);
	});

	test.describe('on a large story of hostile strings', () => {
		test.use({ baseURL: HOSTILE_BASE_URL });

		test('the index loads in parts on first focus, saying how much is in; markup shows as text', async ({
			page
		}) => {
			// The hostile build cuts its index in a part per event (SEARCH_PART_EVENTS=1): all
			// are held back until the box has said it is loading, then let in one by one.
			const held = new Map<string, () => void>();
			await page.route('**/story/search-*.json', async (route) => {
				await new Promise<void>((r) => held.set(new URL(route.request().url()).pathname, r));
				await route.continue();
			});
			await page.goto('/');
			await waitForMap(page);
			await box(page).focus();
			const loading = page.getByRole('search').getByText(/^Loading…/);
			await expect(loading).toHaveText('Loading…');
			const { searchParts: n } = (await (await page.request.get('/story/shell.json')).json()) as {
				searchParts: number;
			};
			expect(n).toBeGreaterThan(1);
			await expect.poll(() => held.size).toBe(n);
			for (let k = 0; k < n - 1; k++) {
				held.get(`/story/search-${k}.json`)!();
				await expect(loading).toHaveText(`Loading… ${Math.round((100 * (k + 1)) / n)} %`);
			}
			held.get(`/story/search-${n - 1}.json`)!();
			await expect(loading).toBeHidden();
			await searchFor(page, 'crash');
			const option = results(page).getByRole('option').first();
			await expect(option).toContainText('<img src=x onerror=alert(1)>');
			await expect(results(page).locator('img, script')).toHaveCount(0);
		});
	});
});
