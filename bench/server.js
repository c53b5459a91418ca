// @ts-check
/**
 * The project's own static server (scripts/serve.js) on a free loopback port, plus a log of
 * every request it answers. The log sees what the page and MapLibre's worker fetch alike
 * (the worker's tile and GeoJSON requests never show up as page requests), so byte and
 * request counts come from here rather than from the browser.
 *
 * Byte figures are of the files, not of what went over the wire: each file's "gzip" figure is
 * its gzip at zlib's default level, as the server (and a host) sends it.
 */
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { serve } from '../scripts/serve.js';

/**
 * @typedef {{ url: string; status: number; sentBytes: number; at: number }} Logged
 * @typedef {{ origin: string; dir: string; log: Logged[]; close: () => Promise<void> }} Site
 */

/** @returns {Promise<Site>} */
export async function startSite(/** @type {string} */ dir) {
	const server = await serve({ dir, port: 0, quiet: true });
	/** @type {Logged[]} */
	const log = [];
	server.on('request', (req, res) => {
		// When the request arrived (the first load is cut at the page's first idle by this).
		const at = Date.now();
		res.on('finish', () =>
			log.push({
				url: req.url ?? '/',
				status: res.statusCode,
				sentBytes: Number(res.getHeader('content-length') ?? 0),
				at
			})
		);
	});
	const address = server.address();
	if (!address || typeof address === 'string') throw new Error('server has no port');
	return {
		origin: `http://127.0.0.1:${address.port}`,
		dir: path.resolve(dir),
		log,
		close: () => new Promise((resolve) => server.close(() => resolve()))
	};
}

/** The file serve.js answers a path with (same rules: folder → index.html, `x` → `x.html`, else 404.html). */
function fileFor(/** @type {string} */ root, /** @type {string} */ url) {
	const pathname = decodeURIComponent(new URL(url, 'http://x').pathname);
	let file = path.join(root, pathname);
	if (existsSync(file) && statSync(file).isDirectory()) file = path.join(file, 'index.html');
	else if (!existsSync(file) && existsSync(`${file}.html`)) file = `${file}.html`;
	if (existsSync(file) && statSync(file).isFile()) return file;
	const notFound = path.join(root, '404.html');
	return existsSync(notFound) ? notFound : null;
}

/** @type {Map<string, { raw: number; gzip: number }>} */
const sizeCache = new Map();
function sizesOf(/** @type {string} */ file) {
	const key = `${file}:${statSync(file).mtimeMs}`;
	let s = sizeCache.get(key);
	if (!s) {
		const body = readFileSync(file);
		s = { raw: body.length, gzip: gzipSync(body).length };
		sizeCache.set(key, s);
	}
	return s;
}

/** What a request is, for the byte breakdown. */
function classify(/** @type {string} */ file) {
	if (/\.m?js$/.test(file)) return 'js';
	if (file.endsWith('.css')) return 'css';
	if (file.endsWith('.html')) return 'html';
	if (file.includes(`${path.sep}glyphs${path.sep}`)) return 'glyphs';
	if (file.endsWith('.pbf')) return 'tiles';
	if (/\.(geo)?json$/.test(file)) return 'data';
	return 'other';
}

/**
 * Sum a slice of the request log: counts, and raw and gzip bytes by class.
 * @param {Site} site
 * @param {Logged[]} entries
 */
export function summariseRequests(site, entries) {
	/** @type {Record<string, { raw: number; gzip: number; count: number }>} */
	const by = {};
	let raw = 0;
	let gzip = 0;
	for (const e of entries) {
		const file = fileFor(site.dir, e.url);
		// A 404 without a 404 page is a few bytes of plain text.
		const s = file ? sizesOf(file) : { raw: e.sentBytes, gzip: e.sentBytes };
		const c = file ? classify(file) : 'other';
		by[c] ??= { raw: 0, gzip: 0, count: 0 };
		by[c].raw += s.raw;
		by[c].gzip += s.gzip;
		by[c].count++;
		raw += s.raw;
		gzip += s.gzip;
	}
	return { requests: entries.length, raw, gzip, by };
}
