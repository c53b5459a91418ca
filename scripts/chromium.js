// @ts-check
/**
 * Which Chromium the browser tests, screenshots and benchmarks drive: `CHROMIUM_PATH` if
 * set, else Debian's Chromium, else Playwright's own download (on a laptop). No browser at
 * all is a one-line error that says how to get one, rather than Playwright's long stack.
 */
import { existsSync } from 'node:fs';
import { chromium } from '@playwright/test';

/** @returns {string | undefined} a path, or undefined to let Playwright use its own browser */
export function findChromium() {
	const fromEnv = process.env.CHROMIUM_PATH;
	if (fromEnv) {
		if (!existsSync(fromEnv)) throw new Error(`CHROMIUM_PATH=${fromEnv} does not exist.`);
		return fromEnv;
	}
	for (const candidate of ['/usr/lib/chromium/chromium', '/usr/bin/chromium']) {
		if (existsSync(candidate)) return candidate;
	}
	let own = '';
	try {
		own = chromium.executablePath();
	} catch {
		// no Playwright browser either
	}
	if (own && existsSync(own)) return undefined;
	throw new Error(
		'No Chromium found: install one (Debian: `apt-get install chromium`; elsewhere: `npx playwright install chromium`) or set CHROMIUM_PATH.'
	);
}

/** Software WebGL through SwiftShader works headless; these flags keep the console clean (RECIPES). */
export const CHROMIUM_ARGS = [
	'--use-angle=swiftshader',
	'--enable-unsafe-swiftshader',
	'--no-sandbox',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic',
	'--disable-extensions',
	'--disable-default-apps'
];
