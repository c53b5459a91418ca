import { test, expect, waitForMap, popup } from './fixtures';
import { expectCursor, layerIds, openAt, pointOf, storyFeatures, screenPoint } from './map-helpers';

test.describe('time and uncertainty', () => {
	// What a t= link draws, lists and lets one click, cold and warm, is the cold-links table's
	// (tests/e2e/cold-links.e2e.ts): its week rows hide the Sinai crash and keep Moscow.

	test('the window handles move by keyboard and go into the link', async ({ page }) => {
		await page.goto('/');
		await waitForMap(page);
		const start = page.getByRole('slider', { name: 'Start of the time window' });
		const before = Number(await start.getAttribute('aria-valuenow'));
		await start.focus();
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await page.keyboard.press('ArrowRight');
		await expect(start).toHaveAttribute('aria-valuenow', String(before + 3));
		await expect(start).toHaveAttribute('aria-valuetext', /^\d+ \w{3} 2015$/);
		await expect(page).toHaveURL(/[#&]t=2015-\d\d-\d\d\.\./);
		const end = page.getByRole('slider', { name: 'End of the time window' });
		await end.focus();
		await page.keyboard.press('PageDown');
		await expect(page).toHaveURL(/[#&]t=2015-\d\d-\d\d\.\.2015-\d\d-\d\d/);
	});

	test('Play selects events in date order, and Pause stops', async ({ page }) => {
		// Playwright's clock: Play's steps are timers, so the test moves time rather than
		// waiting for it. It flows as usual until paused, so the map loads as it would.
		await page.clock.install();
		await page.emulateMedia({ reducedMotion: 'reduce' });
		await page.goto('/');
		await waitForMap(page);
		const current = page.locator('.events button[aria-current="true"] .title');
		const order = await page.locator('.events button .title').allTextContents();
		await page.clock.pauseAt((await page.evaluate(() => Date.now())) + 1000);
		await page.getByRole('button', { name: 'Play' }).click();
		await expect(current).toHaveText(order[0]);
		// A step is 3 s: just short of it nothing moves, at it the next event is selected.
		await page.clock.runFor(2900);
		await expect(current).toHaveText(order[0]);
		await page.clock.runFor(100);
		await expect(current).toHaveText(order[1]);
		await page.getByRole('button', { name: 'Pause' }).click();
		const path = new URL(page.url()).pathname;
		// A minute later, still paused: nothing else was selected.
		await page.clock.runFor(60_000);
		expect(new URL(page.url()).pathname).toBe(path);
		await expect(current).toHaveText(order[1]);
		await expect(page.getByRole('button', { name: 'Play' })).toHaveAttribute(
			'aria-pressed',
			'false'
		);
	});

	test('both Su-24 claims are on the map, labelled with who claims them', async ({ page }) => {
		await page.goto('/');
		const features = await storyFeatures(page, await layerIds(page));
		const claims = features.filter(
			(f) => f.properties.kind === 'claim' && f.properties.event === 'su24-shootdown'
		);
		expect(claims).toHaveLength(2);
		expect(new Set(claims.map((c) => c.properties.claimedBy)).size).toBe(2);
		for (const claim of claims) {
			await openAt(page, '/', pointOf(claim), 11);
			await expectCursor(page, pointOf(claim), 'pointer');
			const p = await screenPoint(page, pointOf(claim));
			await page.mouse.click(p.x, p.y);
			await expect(popup(page).getByRole('heading', { level: 3 })).toHaveText(
				claim.properties.title
			);
			await expect(popup(page).getByTestId('precision')).toHaveText(/^disputed: /);
			await expect(popup(page)).toContainText(String(claim.properties.claimedBy));
		}
	});
});
