/**
 * A page's head tags as the build writes them, by the id in its address: an event's page if
 * the story has that event, else the story's. One place for the rule the prerendered pages
 * (`./head-tags`) and their oEmbed records (`src/routes/oembed/[id].json`) share. The events
 * prerendered (within the page limit) are those with a preview image of their own.
 */
import { getStory, getStoryParts } from '$lib/server/story';
import { eventPageMeta, storyPageMeta, type PageMeta } from '$lib/meta/page-meta';
import type { CompiledEvent } from '$lib/story/compiled';
import { eventById } from '$lib/story/lookup';

export async function pageMetaOf(
	id: string | undefined
): Promise<{ event?: CompiledEvent; meta: PageMeta }> {
	const [story, { shell }] = await Promise.all([getStory(), getStoryParts()]);
	const event = id === undefined ? undefined : eventById(story, id);
	const meta = event
		? eventPageMeta(event, shell.article, shell.siteUrl)
		: storyPageMeta(shell.article, shell.siteUrl);
	return { event, meta };
}
