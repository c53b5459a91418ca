// @ts-check
/**
 * `npm run screenshots`: pictures of the real page for the README, taken in Chromium from
 * the built site (`npm run screenshots` builds first). Writes docs/screenshot-*.png.
 */
import { serve } from './serve.js';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, findChromium } from './chromium.js';

// Movable (SCREENSHOT_PORT) so that two checkouts can take pictures on one machine.
const PORT = Number(process.env.SCREENSHOT_PORT ?? 4175);
const base = `http://127.0.0.1:${PORT}`;
const server = await serve({ dir: 'build', port: PORT, quiet: true });
try {
	const browser = await chromium.launch({ executablePath: findChromium(), args: CHROMIUM_ARGS });
	/** @param {import('@playwright/test').Page} page */
	const settle = (page) =>
		page
			.waitForSelector('[aria-busy="false"]', { timeout: 60_000 })
			.then(() => page.waitForTimeout(300));

	const desktop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	await desktop.goto(`${base}/`);
	await settle(desktop);
	await desktop.screenshot({ path: 'docs/screenshot-home.png' });
	await desktop.goto(`${base}/events/su24-shootdown/`);
	await settle(desktop);
	await desktop.screenshot({ path: 'docs/screenshot-popup.png' });
	// An event page opened at street level: the towns around the sites and the locator inset.
	await desktop.goto(`${base}/events/paris-attacks/`);
	await settle(desktop);
	await desktop.screenshot({ path: 'docs/screenshot-paris.png' });

	const phone = await browser.newPage({
		viewport: { width: 360, height: 740 },
		isMobile: true,
		hasTouch: true
	});
	await phone.goto(`${base}/`);
	await settle(phone);
	await phone.screenshot({ path: 'docs/screenshot-phone.png' });
	await browser.close();
	console.log('screenshots: docs/screenshot-{home,popup,paris,phone}.png');
} finally {
	server.close();
}
