/**
 * What is pasted into someone else's page: the snippet a newsroom pastes (an iframe and our
 * resize script) and the oEmbed record a CMS reads to build it itself. Apart from `./embed`
 * (paths, which every page needs) so that the page loads it only when Embed is opened. Pure:
 * the Embed panel and the build (oEmbed files) use the same functions.
 */
import { escapeXml } from '$lib/export/xml';
import { EMBED_HEIGHT, EMBED_SCRIPT_PATH, EMBED_WIDTH, embedPath } from './embed';

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
