/** Each story layer as a GeoJSON file, written at build time; the map fetches these. */
import { error } from '@sveltejs/kit';
import { getStory } from '$lib/server/story';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const story = await getStory();
	return story.layers.map((l) => ({ layer: l.id }));
}

export async function GET({ params }) {
	const story = await getStory();
	const layer = story.layers.find((l) => l.id === params.layer);
	if (!layer) error(404, 'No such layer');
	return new Response(JSON.stringify(layer.data), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
