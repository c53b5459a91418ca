import { error } from '@sveltejs/kit';
import { getStory } from '$lib/server/story';
import { siteUrl } from '$lib/server/site';
import { eventPageMeta } from '$lib/server/og/page-meta';
import type { EntryGenerator, PageServerLoad } from './$types';

/** One prerendered page per event; the ids come from the story at build time. */
export const entries: EntryGenerator = async () => {
	const story = await getStory();
	return story.events.map((e) => ({ id: e.id }));
};

export const load: PageServerLoad = async ({ params }) => {
	const story = await getStory();
	const event = story.events.find((e) => e.id === params.id);
	if (!event) error(404, `There is no event “${params.id.slice(0, 60)}” in this story.`);
	// Head tags (title, description, canonical, Open Graph): absolute URLs need the site's origin.
	return { event, meta: eventPageMeta(event, story.article, siteUrl()) };
};
