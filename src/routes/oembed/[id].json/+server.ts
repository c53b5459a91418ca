/**
 * oEmbed records (oembed.com, type "rich"): one static JSON file per page that has a preview
 * image, the story's and each event's up to the page limit. A CMS that reads the page's
 * `<link rel="alternate" type="application/json+oembed">` gets the embed snippet from here.
 */
import { error, json } from '@sveltejs/kit';
import { getStoryParts } from '$lib/server/story';
import { cardEntries } from '$lib/server/og/cards';
import { pageMetaOf } from '$lib/server/head/page-meta-of';
import { oembedRecord } from '$lib/embed/snippet';
import { STORY_CARD_ID } from '$lib/meta/links';
import type { EntryGenerator, RequestHandler } from './$types';

export const prerender = true;
export const trailingSlash = 'never';

export const entries: EntryGenerator = cardEntries;

export const GET: RequestHandler = async ({ params }) => {
	// An event's id wins over the story's card id, as for the preview images.
	const [{ event, meta }, { shell }] = await Promise.all([pageMetaOf(params.id), getStoryParts()]);
	if (!event && params.id !== STORY_CARD_ID) error(404, 'No such page');
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
