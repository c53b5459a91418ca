// @ts-check
/**
 * `npm run screenshots`: pictures of the real page for the README, taken in Chromium from
 * the built site (`npm run screenshots` builds first). Writes docs/screenshot-*.png.
 */
import { createServer } from 'node:http';
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

	// A phone with a selection: the card in the sheet, the feature ringed on the map above it.
	const phone = await browser.newPage({
		viewport: { width: 390, height: 844 },
		isMobile: true,
		hasTouch: true
	});
	await phone.goto(`${base}/events/su24-shootdown/`);
	await settle(phone);
	await phone.screenshot({ path: 'docs/screenshot-phone.png' });

	// The map embedded in an article on another origin, with the code its Embed button gives.
	await desktop.goto(`${base}/events/su24-shootdown/`);
	await settle(desktop);
	await desktop.getByRole('banner').getByText('Embed', { exact: true }).click();
	const field = desktop.getByRole('banner').getByLabel(/paste this into your page/i);
	await desktop.waitForFunction(
		(el) => /** @type {HTMLTextAreaElement} */ (el).value !== '',
		await field.elementHandle()
	);
	const code = await field.inputValue();
	const host = createServer((_req, res) => {
		res.writeHead(200, { 'Content-Type': 'text/html; charset=utf-8' }).end(articlePage(code));
	});
	await new Promise((resolve) => host.listen(PORT + 100, '127.0.0.1', () => resolve(undefined)));
	try {
		const reader = await browser.newPage({ viewport: { width: 900, height: 1000 } });
		await reader.goto(`http://127.0.0.1:${PORT + 100}/`);
		const frame = reader.frameLocator('iframe');
		await frame.locator('[aria-busy="false"]').waitFor({ timeout: 60_000 });
		// Sized to its content by /embed.js.
		await reader.waitForFunction(() => document.querySelector('iframe')?.style.height !== '');
		await reader.waitForTimeout(300);
		await reader.screenshot({ path: 'docs/screenshot-embed.png' });
	} finally {
		host.close();
	}
	await browser.close();
	console.log('screenshots: docs/screenshot-{home,popup,paris,phone,embed}.png');
} finally {
	server.close();
}

/**
 * A newsroom's article page around the pasted code (stand-in text, not the article's).
 * @param {string} code
 */
function articlePage(code) {
	return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>A newsroom</title>
<style>body{font:17px/1.55 Georgia,serif;max-width:760px;margin:0 auto;padding:1.5rem;color:#222}
.kicker{font:600 12px system-ui;letter-spacing:.06em;text-transform:uppercase;color:#a40000}
h1{font-size:1.7rem;line-height:1.2;margin:.3rem 0 1rem}</style></head><body>
<p class="kicker">World · Example Newsroom</p>
<h1>How the Su-24 came down: the map of the day</h1>
<p>The newsroom's own article runs here. The map below is the conflict map's embed view, pasted
with the code its Embed button gives: it sizes itself to its content and leaves the page's
scroll alone.</p>
${code}
<p>The article goes on below the map.</p></body></html>`;
}
