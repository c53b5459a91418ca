/**
 * Preview images for link unfurls (`og:image`): one PNG per event and one for the story,
 * made at build time from the compiled story (`$lib/server/og`), without a browser.
 */
import { error } from '@sveltejs/kit';
import { getStory } from '$lib/server/story';
import { cardEntries, cardFor } from '$lib/server/og/cards';
import { renderCardPng } from '$lib/server/og/render';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = cardEntries;

export const GET: RequestHandler = async ({ params }) => {
	const story = await getStory();
	const card = cardFor(story, params.id);
	if (!card) error(404, 'No such preview image');
	const png = await renderCardPng(card);
	return new Response(new Uint8Array(png), {
		headers: { 'content-type': 'image/png', 'content-length': String(png.length) }
	});
};
