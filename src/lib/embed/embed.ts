/**
 * The map inside someone else's page: where a page's embed view lives and the messages the
 * frame sends its host about its height. What is pasted elsewhere (the snippet, the oEmbed
 * record) is `./snippet`, which the page loads only when Embed is opened. Pure: the browser
 * and the build use the same functions.
 */

/** Embed views live under this path: `/embed/` and `/embed/events/<id>/`. */
export const EMBED_PREFIX = '/embed';

/** The frame's height before the resize script has heard from it (and where there is none). */
export const EMBED_HEIGHT = 560;

/** What the oEmbed record gives as the width the embed is designed for (the iframe is fluid). */
export const EMBED_WIDTH = 640;

/** The script a host page loads beside the iframe (served by the site, `static/embed.js`). */
export const EMBED_SCRIPT_PATH = '/embed.js';

/** Our own message: the only one `embed.js` needs. */
export const HEIGHT_MESSAGE_TYPE = 'conflict-map:height';

/** Whether a path is an embed view's. */
export const isEmbedPath = (path: string): boolean =>
	path === `${EMBED_PREFIX}/` || path.startsWith(`${EMBED_PREFIX}/`);

/** The embed view of a full page's path: `/` → `/embed/`, `/events/x/` → `/embed/events/x/`. */
export function embedPath(path: string): string {
	if (isEmbedPath(path)) return path;
	if (!path.startsWith('/')) throw new Error(`expected a root-relative path, got “${path}”`);
	return `${EMBED_PREFIX}${path}`;
}

/** The full page of an embed view's path (a full page's path is returned as it is). */
export function fullPath(path: string): string {
	return isEmbedPath(path) ? path.slice(EMBED_PREFIX.length) : path;
}

/** Our height message (`embed.js` reads this one). */
export interface HeightMessage {
	type: typeof HEIGHT_MESSAGE_TYPE;
	height: number;
	src: string;
}

/**
 * The frame's height told three ways, so three kinds of host resize it: ours (`embed.js`),
 * Pym.js (`pymxPYMx<id>xPYMxheightxPYMx<px>`, the id the host gave in `?childId=`) and AMP's
 * `amp-iframe` (`{sentinel: 'amp', type: 'embed-size', height}`).
 */
export function heightMessages(
	height: number,
	src: string,
	pymId = ''
): [HeightMessage, string, { sentinel: 'amp'; type: 'embed-size'; height: number }] {
	const h = Math.max(0, Math.ceil(height));
	return [
		{ type: HEIGHT_MESSAGE_TYPE, height: h, src },
		['pym', pymId, 'height', String(h)].join('xPYMx'),
		{ sentinel: 'amp', type: 'embed-size', height: h }
	];
}
