/**
 * The story's page data, for the home page and its embed view (`src/routes/+page.ts`,
 * `src/routes/embed/+page.ts`): one module, so both pages share it as one piece of script.
 */
import { storyPageMeta, type PageMeta } from '$lib/meta/page-meta';
import type { StoryShell } from '$lib/story/parts';

/** The story's page: its head tags (absolute URLs need the site's origin, known at build time). */
export async function storyPageLoad({
	parent
}: {
	parent: () => Promise<{ shell: StoryShell }>;
}): Promise<{ meta: PageMeta }> {
	const { shell } = await parent();
	return { meta: storyPageMeta(shell.article, shell.siteUrl) };
}
