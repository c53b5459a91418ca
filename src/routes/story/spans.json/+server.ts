/** A paged story's spans (`$lib/story/parts`): its counts and timeline, fetched after the map. */
import { getStoryParts } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function GET() {
	const { spans } = await getStoryParts();
	return new Response(JSON.stringify(spans), {
		headers: { 'content-type': 'application/json' }
	});
}
