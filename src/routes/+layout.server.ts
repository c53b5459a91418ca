import { getStory } from '$lib/server/story';
import { summarise } from '$lib/story/summary';

// Every page is prerendered: the whole site is static files.
export const prerender = true;
export const trailingSlash = 'always';

export async function load() {
	return { story: summarise(await getStory()) };
}
