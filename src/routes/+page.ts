import { storyPageMeta } from '$lib/meta/page-meta';
import type { PageLoad } from './$types';

/** The home page's head tags (absolute URLs need the site's origin, known at build time). */
export const load: PageLoad = async ({ parent }) => {
	const { shell } = await parent();
	return { meta: storyPageMeta(shell.article, shell.siteUrl) };
};
