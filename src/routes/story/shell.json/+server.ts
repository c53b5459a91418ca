/** What every page carries of the story (`$lib/story/parts`): fetched by the layout's load. */
import { getStoryParts } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function GET() {
	const { shell } = await getStoryParts();
	return new Response(JSON.stringify(shell), { headers: { 'content-type': 'application/json' } });
}
