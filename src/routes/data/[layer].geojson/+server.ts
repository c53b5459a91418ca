/**
 * Each story layer as a GeoJSON file, written at build time; the map fetches these. They
 * carry only what the style and hit-testing read (`$lib/map/source-data`). A large layer is
 * served as vector tiles instead (`$lib/server/story-tiles-write`), and has no such file.
 */
import { error } from '@sveltejs/kit';
import { getStory, tiledInBuild } from '$lib/server/story';
import { sourceData } from '$lib/map/source-data';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const story = await getStory();
	return story.layers
		.filter((l) => !tiledInBuild(l.data.features.length))
		.map((l) => ({ layer: l.id }));
}

export async function GET({ params }) {
	const story = await getStory();
	const layer = story.layers.find((l) => l.id === params.layer);
	if (!layer) error(404, 'No such layer');
	return new Response(JSON.stringify(sourceData(layer.data)), {
		headers: { 'content-type': 'application/geo+json' }
	});
}
