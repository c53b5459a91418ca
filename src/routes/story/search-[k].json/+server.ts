/** The search index, in parts (`$lib/search/parts`): as many as the shell's `searchParts`. */
import { error } from '@sveltejs/kit';
import { getFileCounts, getSearchParts } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const { searchParts } = await getFileCounts();
	return Array.from({ length: searchParts }, (_, k) => ({ k: String(k) }));
}

export async function GET({ params }) {
	const parts = await getSearchParts();
	const k = Number(params.k);
	if (!/^\d+$/.test(params.k) || !parts[k]) error(404, 'No such part');
	return new Response(JSON.stringify(parts[k]), {
		headers: { 'content-type': 'application/json' }
	});
}
