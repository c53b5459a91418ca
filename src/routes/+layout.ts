/**
 * Every page starts from the story's shell; small stories also get their whole index here
 * (one part). Universal, not server, loads: their fetches are inlined in the prerendered
 * page, and a page that was not prerendered (an event of a large story, served by the
 * fallback page) can run them in the browser, where no `__data.json` exists for it.
 */
import { fetchStoryFile, partPath, type StoryPart, type StoryShell } from '$lib/story/parts';
import type { LayoutLoad } from './$types';

// Every page is prerendered: the whole site is static files.
export const prerender = true;
export const trailingSlash = 'always';

export const load: LayoutLoad = async ({ fetch }) => {
	const shell = await fetchStoryFile<StoryShell>(fetch, '/story/shell.json');
	const parts: { k: number; part: StoryPart }[] = shell.inline
		? await Promise.all(
				Array.from({ length: shell.parts }, async (_, k) => ({
					k,
					part: await fetchStoryFile<StoryPart>(fetch, partPath(k))
				}))
			)
		: [];
	return { shell, parts };
};
