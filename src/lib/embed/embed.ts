/**
 * The map inside someone else's page: where a page's embed view lives, the snippet a newsroom
 * pastes (an iframe and our resize script), the messages the frame sends its host about its
 * height, and the oEmbed record a CMS reads to build the snippet itself. Pure: the browser
 * (the Embed buttons, the frame) and the build (oEmbed files) use the same functions.
 */
import { escapeXml } from '$lib/export/xml';

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

export interface SnippetInput {
	/** Absolute URL of the embed view, with the link's hash if any. */
	src: string;
	/** The iframe's accessible name. */
	title: string;
	/** The site's origin (`https://maps.example.org`): where `/embed.js` is served. */
	origin: string;
	height?: number;
}

/**
 * What a newsroom pastes: the iframe, fluid in width, lazily loaded, allowed to write the
 * clipboard (Copy link inside the frame), and the resize script as a file of ours (no inline
 * script, so a host whose CSP allows our origin's scripts can run it). Every value is
 * escaped: the title is the story's headline, which can hold anything.
 */
export function embedSnippet({ src, title, origin, height = EMBED_HEIGHT }: SnippetInput): string {
	const attr = (name: string, value: string) => ` ${name}="${escapeXml(value)}"`;
	const iframe =
		'<iframe' +
		attr('src', src) +
		attr('title', title) +
		attr('height', String(height)) +
		' loading="lazy" allow="clipboard-write" style="width:100%;border:0"></iframe>';
	const script = `<script${attr('src', `${origin}${EMBED_SCRIPT_PATH}`)} async></script>`;
	return `${iframe}\n${script}`;
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

/** The oEmbed record of a page (oembed.com, type "rich"). */
export interface OEmbed {
	version: '1.0';
	type: 'rich';
	title: string;
	provider_name: string;
	provider_url: string;
	html: string;
	width: number;
	height: number;
	thumbnail_url: string;
	thumbnail_width: number;
	thumbnail_height: number;
}

export interface OEmbedInput {
	/** The site's origin, no trailing slash (`SITE_URL`). */
	site: string;
	/** The full page's path (`/` or `/events/<id>/`). */
	path: string;
	title: string;
	providerName: string;
	thumbnail: { url: string; width: number; height: number };
}

/** The oEmbed record of a full page: its embed view's snippet, with absolute URLs only. */
export function oembedRecord(i: OEmbedInput): OEmbed {
	return {
		version: '1.0',
		type: 'rich',
		title: i.title,
		provider_name: i.providerName,
		provider_url: `${i.site}/`,
		html: embedSnippet({ src: `${i.site}${embedPath(i.path)}`, title: i.title, origin: i.site }),
		width: EMBED_WIDTH,
		height: EMBED_HEIGHT,
		thumbnail_url: i.thumbnail.url,
		thumbnail_width: i.thumbnail.width,
		thumbnail_height: i.thumbnail.height
	};
}
