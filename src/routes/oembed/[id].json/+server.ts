/**
 * oEmbed records (oembed.com, type "rich"): one static JSON file per page that has a preview
 * image, the story's and each event's up to the page limit. A CMS that reads the page's
 * `<link rel="alternate" type="application/json+oembed">` gets the embed snippet from here.
 */
import { error, json } from '@sveltejs/kit';
import { getStory, getStoryParts } from '$lib/server/story';
import { cardEntries } from '$lib/server/og/cards';
import { oembedRecord } from '$lib/embed/snippet';
import { eventPageMeta, storyPageMeta } from '$lib/meta/page-meta';
import { STORY_CARD_ID } from '$lib/meta/links';
import { eventById } from '$lib/story/lookup';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = cardEntries;

export const GET: RequestHandler = async ({ params }) => {
	const [story, { shell }] = await Promise.all([getStory(), getStoryParts()]);
	// An event's id wins over the story's card id, as for the preview images.
	const event = eventById(story, params.id);
	if (!event && params.id !== STORY_CARD_ID) error(404, 'No such page');
	const meta = event
		? eventPageMeta(event, shell.article, shell.siteUrl)
		: storyPageMeta(shell.article, shell.siteUrl);
	const path = new URL(meta.url).pathname;
	return json(
		oembedRecord({
			site: shell.siteUrl,
			path,
			title: meta.cardTitle,
			providerName: meta.siteName,
			thumbnail: meta.image
		})
	);
};
