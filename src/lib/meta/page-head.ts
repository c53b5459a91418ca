/**
 * What a page keeps current in the browser as the reader moves between pages: its title, its
 * canonical link (which some browsers share instead of the address), and its preview image,
 * which holds the map's place until the map is drawn. The rest of its head (description,
 * Open Graph and Twitter cards: `./page-meta`) is for crawlers and chat apps, which read a
 * page as it is served: the build writes it into each prerendered page (`src/hooks.server.ts`)
 * and the browser never computes it again (every byte of first-load script counts).
 * Pure (the site URL is passed in); universal `load` functions use it.
 */
import type { Article } from '$lib/story/schema';
import type { CompiledEvent } from '$lib/story/compiled';
import { formatStoryDate } from '$lib/ui/format';
import { absoluteUrl, cardImagePath, STORY_CARD_ID } from './links';

export interface PageHead {
	/** The document `<title>`. */
	title: string;
	/** Shorter title for cards (`og:title`, `twitter:title`). */
	cardTitle: string;
	/** Absolute: the canonical link and `og:url` (an embed view's is its full page's). */
	url: string;
	/** The page's preview image: site path and alternative text (cut for cards: `./page-meta`). */
	image: { path: string; alt: string };
}

const image = (id: string, alt: string): PageHead['image'] => ({ path: cardImagePath(id), alt });

/** The home page: the story as a whole. */
export function storyPageHead(article: Article, site: string): PageHead {
	return {
		title: `${article.headline} · conflict map`,
		cardTitle: article.headline,
		url: absoluteUrl('/', site),
		image: image(STORY_CARD_ID, `Map of the places in the article “${article.headline}”`)
	};
}

/**
 * An event's page: `/events/<id>/`. Events beyond a large story's page limit have no preview
 * image of their own (`hasCard` false) and show the story's.
 */
export function eventPageHead(
	event: CompiledEvent,
	article: Article,
	site: string,
	hasCard = true
): PageHead {
	return {
		title: `${event.title} · ${article.headline} · conflict map`,
		cardTitle: event.title,
		url: absoluteUrl(`/events/${encodeURIComponent(event.id)}/`, site),
		image: hasCard
			? image(event.id, `Map: ${event.title}, ${event.place}, ${formatStoryDate(event.date)}`)
			: storyPageHead(article, site).image
	};
}
