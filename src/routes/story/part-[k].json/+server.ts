/** The event index, in parts (`$lib/story/parts`): events are found in part `partOf(id)`. */
import { error } from '@sveltejs/kit';
import { getFileCounts, getStoryParts } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const { parts } = await getFileCounts();
	return Array.from({ length: parts }, (_, k) => ({ k: String(k) }));
}

export async function GET({ params }) {
	const { parts } = await getStoryParts();
	const k = Number(params.k);
	if (!/^\d+$/.test(params.k) || !parts[k]) error(404, 'No such part');
	return new Response(JSON.stringify(parts[k]), {
		headers: { 'content-type': 'application/json' }
	});
}
