// @ts-check
/**
 * A small static file server for the built site: what `npm start`, the browser tests and
 * the benchmark use, so they all see exactly the files a static host would serve.
 * Serves precompressed `.br`/`.gz` siblings when the browser accepts them, else gzips text as
 * it goes (as Netlify, Cloudflare Pages and GitHub Pages do), byte ranges (a
 * PMTiles basemap is read by range requests, README: the basemap), answers unknown
 * paths with the site's 404 page, and sends the headers the site's `_headers` file gives each
 * path, as Netlify and Cloudflare Pages do (README: hosting).
 *
 * Usage: node scripts/serve.js [--dir build] [--port 4173] [--host 127.0.0.1]
 */
import { createServer } from 'node:http';
import { createReadStream, existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createGzip } from 'node:zlib';

/** @type {Record<string, string>} */
const TYPES = {
	'.html': 'text/html; charset=utf-8',
	'.js': 'text/javascript; charset=utf-8',
	'.mjs': 'text/javascript; charset=utf-8',
	'.css': 'text/css; charset=utf-8',
	'.json': 'application/json',
	'.geojson': 'application/geo+json',
	'.csv': 'text/csv; charset=utf-8',
	'.kml': 'application/vnd.google-earth.kml+xml',
	'.pbf': 'application/x-protobuf',
	'.pmtiles': 'application/vnd.pmtiles',
	'.png': 'image/png',
	'.svg': 'image/svg+xml',
	'.txt': 'text/plain; charset=utf-8',
	'.webmanifest': 'application/manifest+json'
};

/**
 * Types worth gzipping as they are sent: text, and vector tiles (protobuf compresses to about
 * a third). Pictures and PMTiles archives are compressed already, and an archive is read by
 * byte ranges, which must be of the file's own bytes.
 */
const GZIPPED = new Set([
	'.html',
	'.js',
	'.mjs',
	'.css',
	'.json',
	'.geojson',
	'.csv',
	'.kml',
	'.pbf',
	'.svg',
	'.txt',
	'.webmanifest'
]);

/**
 * Whether to gzip a file on the way out: the browser accepts gzip, the file is of a type worth
 * it, and it is big enough (below about a kilobyte the header costs more than it saves).
 * @param {string} file
 * @param {number} size
 * @param {string} acceptEncoding
 */
export function gzipOnTheFly(file, size, acceptEncoding) {
	const gzip = acceptEncoding
		.split(',')
		.map((part) => part.trim().split(/\s*;\s*/))
		.find(([name]) => name.toLowerCase() === 'gzip');
	// `gzip;q=0` is a refusal.
	const refused = gzip?.slice(1).some((p) => /^q=0(\.0*)?$/.test(p));
	return size >= 1024 && GZIPPED.has(path.extname(file)) && !!gzip && !refused;
}

/**
 * A `_headers` file (Netlify's and Cloudflare Pages' format, which the build writes:
 * src/lib/embed/headers.ts) as rules: a path pattern (`*` matches anything) and its headers.
 * @param {string} text
 * @returns {{ pattern: RegExp; headers: Record<string, string> }[]}
 */
export function parseHeadersFile(text) {
	/** @type {{ pattern: RegExp; headers: Record<string, string> }[]} */
	const rules = [];
	for (const line of text.split('\n')) {
		if (!line.trim() || line.trimStart().startsWith('#')) continue;
		if (!/^\s/.test(line)) {
			const source = line
				.trim()
				.replace(/[.+?^${}()|[\]\\]/g, '\\$&')
				.replaceAll('*', '.*');
			rules.push({ pattern: new RegExp(`^${source}$`), headers: {} });
			continue;
		}
		const at = line.indexOf(':');
		const rule = rules.at(-1);
		if (rule && at > 0) rule.headers[line.slice(0, at).trim()] = line.slice(at + 1).trim();
	}
	return rules;
}

/** @type {Map<string, { pattern: RegExp; headers: Record<string, string> }[]>} */
const headerRules = new Map();
/**
 * The headers the site's `_headers` file gives a path (later rules win, as on Netlify; the
 * build's rules never overlap on a header). None where the folder has no such file.
 * @param {string} root
 * @param {string} pathname
 * @returns {Record<string, string>}
 */
function hostHeaders(root, pathname) {
	if (!headerRules.has(root)) {
		const file = path.join(root, '_headers');
		headerRules.set(root, existsSync(file) ? parseHeadersFile(readFileSync(file, 'utf8')) : []);
	}
	/** @type {Record<string, string>} */
	const out = {};
	for (const rule of headerRules.get(root) ?? []) {
		if (rule.pattern.test(pathname)) Object.assign(out, rule.headers);
	}
	return out;
}

/** @type {Map<string, boolean>} */
const pagesLimited = new Map();
/**
 * An event page a large story did not prerender (it has more events than its page limit):
 * the app's fallback page answers, and finds the event itself. Hosts need the same rewrite
 * (README: hosting). Every event of an ordinary story has its page, so there an unknown
 * event is a plain 404.
 * @param {string} root
 * @param {string} pathname
 */
function isUnpagedEvent(root, pathname) {
	if (!/^(\/embed)?\/events\/[^/]+\/$/.test(pathname)) return false;
	if (!pagesLimited.has(root)) {
		let limited = false;
		try {
			const shell = JSON.parse(readFileSync(path.join(root, 'story', 'shell.json'), 'utf8'));
			limited = shell.eventCount > shell.pageLimit;
		} catch {
			// No shell (not a built site of this app): no fallback.
		}
		pagesLimited.set(root, limited);
	}
	return /** @type {boolean} */ (pagesLimited.get(root)) && existsSync(path.join(root, '200.html'));
}

/**
 * The one range of a `Range: bytes=…` header (what PMTiles readers send), clamped to the file;
 * null when there is none or it is not a single byte range (the whole file is sent).
 * @param {string | undefined} header
 * @param {number} size
 * @returns {{ start: number, end: number } | 'unsatisfiable' | null}
 */
export function byteRange(header, size) {
	const match = /^bytes=(\d*)-(\d*)$/.exec(header?.trim() ?? '');
	if (!match || (match[1] === '' && match[2] === '')) return null;
	let start;
	let end;
	if (match[1] === '') {
		// A suffix: the last N bytes.
		start = Math.max(0, size - Number(match[2]));
		end = size - 1;
	} else {
		start = Number(match[1]);
		end = match[2] === '' ? size - 1 : Math.min(Number(match[2]), size - 1);
	}
	if (start >= size || start > end) return 'unsatisfiable';
	return { start, end };
}

/**
 * @param {{ dir: string; port: number; host?: string; quiet?: boolean }} opts
 * @returns {Promise<import('node:http').Server>}
 */
export function serve({ dir, port, host = '127.0.0.1', quiet = false }) {
	const root = path.resolve(dir);
	const server = createServer((req, res) => {
		let pathname;
		try {
			pathname = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname);
		} catch {
			res.writeHead(400).end('Bad request');
			return;
		}
		let file = path.join(root, pathname);
		// Never serve outside the site folder.
		if (!file.startsWith(root)) {
			res.writeHead(403).end('Forbidden');
			return;
		}
		if (existsSync(file) && statSync(file).isDirectory()) {
			if (!pathname.endsWith('/')) {
				res.writeHead(301, { Location: `${pathname}/` }).end();
				return;
			}
			file = path.join(file, 'index.html');
		} else if (!existsSync(file) && existsSync(`${file}.html`)) {
			file = `${file}.html`;
		}
		let status = 200;
		if (!existsSync(file) && isUnpagedEvent(root, pathname)) file = path.join(root, '200.html');
		if (!existsSync(file) || !statSync(file).isFile()) {
			status = 404;
			file = path.join(root, '404.html');
			if (!existsSync(file)) {
				res.writeHead(404, { 'Content-Type': 'text/plain' }).end('Not found');
				return;
			}
		}
		const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
		const security = hostHeaders(root, pathname);
		/** @type {Record<string, string>} */
		const headers = { 'Content-Type': type, 'Cache-Control': 'no-cache', ...security };
		const accept = String(req.headers['accept-encoding'] ?? '');
		let body = file;
		const range = status === 200 ? byteRange(req.headers.range, statSync(file).size) : null;
		if (range === 'unsatisfiable') {
			res.writeHead(416, { 'Content-Range': `bytes */${statSync(file).size}`, ...security });
			res.end();
			return;
		}
		if (range) {
			// A range is of the file's own bytes: never of a compressed sibling.
			headers['Content-Range'] = `bytes ${range.start}-${range.end}/${statSync(file).size}`;
			headers['Content-Length'] = String(range.end - range.start + 1);
			res.writeHead(206, headers);
			if (req.method === 'HEAD') res.end();
			else createReadStream(file, range).pipe(res);
			return;
		}
		headers['Accept-Ranges'] = 'bytes';
		for (const [enc, ext] of /** @type {const} */ ([
			['br', '.br'],
			['gzip', '.gz']
		])) {
			if (accept.includes(enc) && existsSync(file + ext)) {
				body = file + ext;
				headers['Content-Encoding'] = enc;
				headers.Vary = 'Accept-Encoding';
				break;
			}
		}
		if (!headers['Content-Encoding'] && gzipOnTheFly(file, statSync(file).size, accept)) {
			// Its length is not known before it is sent: the response is chunked.
			headers['Content-Encoding'] = 'gzip';
			headers.Vary = 'Accept-Encoding';
			res.writeHead(status, headers);
			if (req.method === 'HEAD') res.end();
			else createReadStream(file).pipe(createGzip()).pipe(res);
			return;
		}
		headers['Content-Length'] = String(statSync(body).size);
		res.writeHead(status, headers);
		if (req.method === 'HEAD') res.end();
		else createReadStream(body).pipe(res);
	});
	return new Promise((resolve, reject) => {
		server.once('error', reject);
		server.listen(port, host, () => {
			if (!quiet) console.log(`serve: ${root} on http://${host}:${port}/`);
			resolve(server);
		});
	});
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
	const arg = (/** @type {string} */ name, /** @type {string} */ fallback) => {
		const i = process.argv.indexOf(`--${name}`);
		return i > 0 ? process.argv[i + 1] : fallback;
	};
	await serve({
		dir: arg('dir', 'build'),
		port: Number(arg('port', '4173')),
		host: arg('host', '127.0.0.1')
	});
}
