/**
 * `build/_headers`: the headers the host sends (`$lib/embed/headers`), for Netlify and
 * Cloudflare Pages, and for `scripts/serve.js`, which reads it as they do.
 */
import { embedOrigins, headersFile, hostHeaderRules } from '$lib/embed/headers';

export const prerender = true;
export const trailingSlash = 'never';

export function GET() {
	const origins = embedOrigins(process.env.EMBED_ORIGINS);
	return new Response(headersFile(hostHeaderRules(origins)), {
		headers: { 'content-type': 'text/plain; charset=utf-8' }
	});
}
