/**
 * Where the site is published. Share cards need absolute URLs (`og:url`, `og:image`,
 * canonical links): chat apps fetch them without knowing the page they came from. The origin
 * comes from `SITE_URL` at build time; the default is the local preview server.
 */

/** `npm start` and `vite preview` serve the built site here. */
export const DEFAULT_SITE_URL = 'http://localhost:4173';

export { SITE_NAME } from '$lib/meta/links';
import { absoluteUrl as joinUrl } from '$lib/meta/links';

/**
 * The site's origin, without a trailing slash: `SITE_URL` checked, or the default.
 * Only http(s), and only an origin: the site is served from the root of its host
 * (README: hosting), so a path, query or fragment would make every link wrong.
 * Throws (failing the build) on anything else, saying what was wrong.
 */
export function siteUrl(value: string | undefined = process.env.SITE_URL): string {
	const raw = value?.trim();
	if (!raw) return DEFAULT_SITE_URL;
	let url: URL;
	try {
		url = new URL(raw);
	} catch {
		throw new Error(
			`SITE_URL must be an absolute http(s) URL such as https://example.org, not “${raw}”`
		);
	}
	if (url.protocol !== 'https:' && url.protocol !== 'http:') {
		throw new Error(`SITE_URL must use http or https, not ${url.protocol.replace(/:$/, '')}`);
	}
	if (url.username || url.password) throw new Error('SITE_URL must not contain credentials');
	if (url.pathname !== '/' || url.search || url.hash) {
		throw new Error(
			`SITE_URL must be an origin only (the site is served from the root of its host), such as ${url.origin}`
		);
	}
	return url.origin;
}

/** An absolute URL on the site for a root-relative path (`/events/x/` → `https://…/events/x/`). */
export function absoluteUrl(path: string, site: string = siteUrl()): string {
	return joinUrl(path, site);
}
