/**
 * What a page says about itself in `<head>`: description, and the Open Graph / Twitter card
 * tags that make a shared link unfurl with a preview image, written by the build into each
 * prerendered page (`src/hooks.server.ts`); and its title, canonical link and image, from
 * `./page-head`, which the browser keeps current. Pure (the site URL is passed in); pages
 * render these values as attributes, escaped.
 */
import type { Article } from '$lib/story/schema';
import type { CompiledEvent } from '$lib/story/compiled';
import { formatStoryDate } from '$lib/ui/format';
import { absoluteUrl, oembedPath, OG_HEIGHT, OG_WIDTH, SITE_NAME, STORY_CARD_ID } from './links';
import { eventPageHead, storyPageHead, type PageHead } from './page-head';

export interface PageMeta {
	/** The document `<title>`. */
	title: string;
	/** Shorter title for cards (`og:title`, `twitter:title`). */
	cardTitle: string;
	/** At most `MAX_DESCRIPTION` characters. */
	description: string;
	/** Absolute: `og:url` and the canonical link. */
	url: string;
	siteName: string;
	type: 'website' | 'article';
	image: { url: string; width: number; height: number; alt: string };
	/** Absolute: the page's oEmbed record (`<link rel="alternate">`), where it has one. */
	oembed?: string;
}

/** Longer descriptions get cut by chat apps and search engines anyway. */
export const MAX_DESCRIPTION = 200;

/** Text cut to `max` characters at a word where possible, with an ellipsis when cut. */
export function clampText(text: string, max = MAX_DESCRIPTION): string {
	const clean = text.replace(/\s+/g, ' ').trim();
	const chars = Array.from(clean);
	if (chars.length <= max) return clean;
	const head = chars.slice(0, max - 1).join('');
	const space = head.lastIndexOf(' ');
	const cut = space > head.length * 0.6 ? head.slice(0, space) : head;
	return `${cut.replace(/[\s,;:.\-–—]+$/u, '')}…`;
}

/** A page's head with its image's URL made absolute, as cards need. */
function card(
	head: PageHead,
	site: string
): Pick<PageMeta, 'title' | 'cardTitle' | 'url' | 'image'> {
	return {
		title: head.title,
		cardTitle: head.cardTitle,
		url: head.url,
		image: {
			url: absoluteUrl(head.image.path, site),
			width: OG_WIDTH,
			height: OG_HEIGHT,
			alt: clampText(head.image.alt, 300)
		}
	};
}

/** The home page: the story as a whole. */
export function storyPageMeta(article: Article, site: string): PageMeta {
	return {
		...card(storyPageHead(article, site), site),
		description: clampText(
			`Map of the places in ${article.source}'s article of ${article.displayDate}, “${article.headline}”, each linked to its passage.`
		),
		siteName: SITE_NAME,
		type: 'website',
		oembed: absoluteUrl(oembedPath(STORY_CARD_ID), site)
	};
}

/**
 * An event's page: `/events/<id>/`. Events beyond a large story's page limit have no preview
 * image of their own (`hasCard` false) and show the story's.
 */
export function eventPageMeta(
	event: CompiledEvent,
	article: Article,
	site: string,
	hasCard = true
): PageMeta {
	return {
		...card(eventPageHead(event, article, site, hasCard), site),
		description: clampText(`${formatStoryDate(event.date)}, ${event.place}. ${event.summary}`),
		siteName: SITE_NAME,
		type: 'article',
		// Only events with their own page have their own record (as their own preview image).
		oembed: hasCard ? absoluteUrl(oembedPath(event.id), site) : undefined
	};
}
