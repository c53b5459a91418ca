// @ts-check
/**
 * Lighthouse 12.2.3 (13 needs Node 22) against Debian's Chromium, headless with the
 * SwiftShader flags the map needs. Performance uses Lighthouse's simulated throttling, so
 * "mobile" (its default: a mid-range phone on slow 4G) and "desktop" (`--preset=desktop`)
 * are two separate verdicts. Slow (about half a minute a run), hence `--lighthouse` only.
 */
import { spawn } from 'node:child_process';
import path from 'node:path';
import { CHROMIUM_ARGS, findChromium } from '../scripts/chromium.js';
import { root } from './build.js';

/**
 * @param {string} url
 * @param {'mobile' | 'desktop'} formFactor
 */
export async function lighthouse(url, formFactor) {
	const chrome = findChromium();
	const flags = ['--headless=new', ...CHROMIUM_ARGS].join(' ');
	const args = [
		path.join(root, 'node_modules/lighthouse/cli/index.js'),
		url,
		'--quiet',
		'--output=json',
		'--output-path=stdout',
		'--only-categories=performance,accessibility',
		`--chrome-flags=${flags}`,
		...(formFactor === 'desktop' ? ['--preset=desktop'] : [])
	];
	const started = Date.now();
	const json = await new Promise((resolve, reject) => {
		const child = spawn(process.execPath, args, {
			env: { ...process.env, ...(chrome ? { CHROME_PATH: chrome } : {}) },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		let err = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (err += d));
		child.on('exit', (code) =>
			code === 0 ? resolve(out) : reject(new Error(`lighthouse exited ${code}: ${err.slice(-300)}`))
		);
	});
	const lhr = JSON.parse(/** @type {string} */ (json));
	const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue;
	const score = (/** @type {string} */ c) =>
		lhr.categories[c]?.score == null ? null : Math.round(lhr.categories[c].score * 100);
	return {
		url: new URL(url).pathname,
		formFactor,
		performance: score('performance'),
		accessibility: score('accessibility'),
		fcpMs: Math.round(audit('first-contentful-paint')),
		lcpMs: Math.round(audit('largest-contentful-paint')),
		tbtMs: Math.round(audit('total-blocking-time')),
		cls: Math.round(audit('cumulative-layout-shift') * 1000) / 1000,
		speedIndexMs: Math.round(audit('speed-index')),
		runtimeError: lhr.runtimeError?.code,
		seconds: Math.round((Date.now() - started) / 1000)
	};
}
