import { createHash } from 'node:crypto';
import adapter from '@sveltejs/adapter-static';
import { vitePreprocess } from '@sveltejs/vite-plugin-svelte';

/** A CSP hash source for an exact inline text (here: the value of a `style="…"` attribute). */
/** @param {string} text */
const sha256 = (text) => `sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}`;

/**
 * The only inline `style` attributes that ever reach the browser as markup. Everything else
 * styles from stylesheets, or from script through the CSSOM (`el.style.x = …`, which is what
 * MapLibre and Svelte's `style:` directives use on the client): CSP does not govern the CSSOM.
 * These are allowed by hash (`'unsafe-hashes'` allows hashed attributes, nothing else):
 * - SvelteKit's hidden route announcer (its generated root.svelte; @sveltejs/kit write_root.js);
 * - the phone sheet's height, `style:--sheet` on the panel in +layout.svelte, which the
 *   prerendered HTML carries at its initial value (`SHEET` in SheetHandle.svelte: `start`,
 *   or an event page's `peek`).
 * If one of these texts changes, the CSP test (tests/e2e/hardening.e2e.ts) reports a
 * `style-src-attr` violation: update the string here.
 */
const INLINE_STYLE_ATTRIBUTES = [
	'position: absolute; left: 0; top: 0; clip: rect(0 0 0 0); clip-path: inset(50%); overflow: hidden; white-space: nowrap; width: 1px; height: 1px',
	'--sheet: 40dvh;',
	'--sheet: 28dvh;'
];

/**
 * The origin a self-hosted PMTiles basemap is fetched from (`BASEMAP_PMTILES`, README: the
 * basemap), when it is not this site's: `connect-src` must allow it, and nothing more.
 * A path under static/ is same-origin and needs nothing.
 * @returns {string[]}
 */
function basemapArchiveOrigins() {
	const value = process.env.BASEMAP_PMTILES?.trim();
	if (!value || !/^https?:\/\//i.test(value)) return [];
	return [new URL(value).origin];
}

/** @type {import('@sveltejs/kit').Config} */
const config = {
	preprocess: vitePreprocess(),
	// Svelte's version is not announced on `window.__svelte`: nothing reads it, and every byte
	// of first-load script counts (BENCHMARKS.md).
	compilerOptions: { discloseVersion: false },
	kit: {
		// Builds and unit tests run at once in `npm test` (scripts/parallel.js): each keeps its
		// working files apart, as two in one `.svelte-kit/` overwrite each other's.
		outDir: process.env.KIT_OUT_DIR ?? '.svelte-kit',
		// Fully static output: every page is prerendered into build/.
		// BUILD_DIR lets tests build a second site (the hostile fixture story) beside the real one.
		adapter: adapter({
			pages: process.env.BUILD_DIR ?? 'build',
			assets: process.env.BUILD_DIR ?? 'build',
			// The app with no page data: answers links to the events of a large story that have
			// no prerendered page (`STORY_PAGE_LIMIT`; scripts/serve.js and README: hosting).
			fallback: '200.html',
			strict: true
		}),
		// Absolute /_app/ paths: 404.html is served at any depth (/events/nope/), where
		// relative paths would point nowhere. The site lives at the root of its origin.
		paths: { relative: false },
		prerender: {
			// Exactly the pages the routes' `entries` name: a large story prerenders its first
			// events only (STORY_PAGE_LIMIT), and crawling would add every event the article
			// links to. Internal links are checked by tests/e2e/build.e2e.ts instead.
			crawl: false,
			// A story larger than its page limit has no per-event downloads: their route
			// (src/routes/events/[id]/[file]) names no entries then; a story whose every layer
			// is tiled has no GeoJSON layer file (src/routes/data/[layer].geojson). Any other
			// route left unprerendered is still an error.
			handleUnseenRoutes: ({ routes, message }) => {
				const mayBeEmpty = ['/events/[id]/[file]', '/data/[layer].geojson'];
				if (routes.every((id) => mayBeEmpty.includes(id))) return;
				throw new Error(message);
			}
		},
		// Content Security Policy, written by SvelteKit into every prerendered page as a
		// <meta http-equiv> tag, with the hash of its inline boot script added to script-src.
		// Everything the site loads is its own: scripts, MapLibre's worker (a same-origin module
		// file, so no blob:), the GeoJSON, basemap tiles and glyphs (fetch), stylesheets.
		// What a meta tag cannot carry (frame-ancestors) is sent as a header by the host:
		// build/_headers (src/lib/embed/headers.ts), which scripts/serve.js sends as a host would.
		// tests/e2e/hardening.e2e.ts checks that no page or
		// interaction breaks it.
		csp: {
			mode: 'hash',
			directives: {
				'default-src': ['none'],
				'script-src': ['self'],
				'worker-src': ['self'],
				'connect-src': ['self', ...basemapArchiveOrigins()],
				// data: for the icons of MapLibre's zoom buttons, which maplibre-gl.css draws as
				// `background-image: url("data:image/svg+xml,…")`. The map itself needs no image
				// (no sprite; markers are circle layers); data: images cannot run script.
				'img-src': ['self', 'data:'],
				'font-src': ['self'],
				// Stylesheets from the site only; no inline <style>. Inline style attributes only
				// by hash (see INLINE_STYLE_ATTRIBUTES above).
				'style-src': ['self', 'unsafe-hashes', ...INLINE_STYLE_ATTRIBUTES.map(sha256)],
				'base-uri': ['none'],
				'form-action': ['none']
			}
		}
	}
};

export default config;
