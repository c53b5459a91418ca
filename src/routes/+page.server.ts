import { getStory } from '$lib/server/story';
import { siteUrl } from '$lib/server/site';
import { storyPageMeta } from '$lib/server/og/page-meta';
import type { PageServerLoad } from './$types';

/** The home page's head tags (absolute URLs need the site's origin, known at build time). */
export const load: PageServerLoad = async () => {
	const story = await getStory();
	return { meta: storyPageMeta(story.article, siteUrl()) };
};
