/** The event list, in date order (`$lib/story/parts`): large stories fetch it after the map. */
import { error } from '@sveltejs/kit';
import { getFileCounts, getStoryParts } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const { lists } = await getFileCounts();
	return Array.from({ length: lists }, (_, j) => ({ j: String(j) }));
}

export async function GET({ params }) {
	const { lists } = await getStoryParts();
	const j = Number(params.j);
	if (!/^\d+$/.test(params.j) || !lists[j]) error(404, 'No such list file');
	return new Response(JSON.stringify(lists[j]), {
		headers: { 'content-type': 'application/json' }
	});
}
