/**
 * Names and paths shared by the build (which writes the preview images) and the pages (whose
 * head tags point at them). Pure, so universal `load` functions can use them.
 */

/** The name chat apps show above the card (`og:site_name`). */
export const SITE_NAME = 'Conflict map';

/** The image id of the home page. An event called "story" would shadow it (its page wins). */
export const STORY_CARD_ID = 'story';

/** Preview images: the size Open Graph and Twitter cards show without cropping. */
export const OG_WIDTH = 1200;
export const OG_HEIGHT = 630;

/** The site path of a card's image. */
export function cardImagePath(id: string): string {
	return `/og/${encodeURIComponent(id)}.png`;
}

/** A page's oEmbed record: one file per card id, as the preview images (`src/lib/embed`). */
export function oembedPath(id: string): string {
	return `/oembed/${encodeURIComponent(id)}.json`;
}

/** An absolute URL on the site for a root-relative path (`/events/x/` → `https://…/events/x/`). */
export function absoluteUrl(path: string, site: string): string {
	if (!path.startsWith('/') || path.startsWith('//')) {
		throw new Error(`expected a root-relative path, got “${path}”`);
	}
	return `${site}${path}`;
}
