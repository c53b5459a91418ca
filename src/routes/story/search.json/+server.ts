/** The search index (`$lib/search/documents`), built once per build and fetched when wanted. */
import { getStory } from '$lib/server/story';
import { summarise } from '$lib/story/summary';
import { buildSearchFile } from '$lib/search/documents';

export const prerender = true;
export const trailingSlash = 'never';

export async function GET() {
	const file = buildSearchFile(summarise(await getStory()));
	return new Response(JSON.stringify(file), { headers: { 'content-type': 'application/json' } });
}
