/**
 * The story's page data, for the home page and its embed view (`src/routes/+page.ts`,
 * `src/routes/embed/+page.ts`): one module, so both pages share it as one piece of script.
 */
import { storyPageHead, type PageHead } from '$lib/meta/page-head';
import type { StoryShell } from '$lib/story/parts';

/** The story's page: title, canonical link and preview image (card tags are the build's). */
export async function storyPageLoad({
	parent
}: {
	parent: () => Promise<{ shell: StoryShell }>;
}): Promise<{ head: PageHead }> {
	const { shell } = await parent();
	return { head: storyPageHead(shell.article, shell.siteUrl) };
}
