/**
 * The static overview map (`StaticMap.svelte`, for browsers without WebGL) as JSON: Natural
 * Earth 1:110m countries and the story's features, projected to SVG path data at build time.
 * Only browsers that cannot run the interactive map fetch it.
 */
import { json } from '@sveltejs/kit';
import { getStory, tileThreshold } from '$lib/server/story';
import { loadNaturalEarth } from '$lib/geo/natural-earth-file';
import { staticOverview } from '$lib/map/static-overview';

export const prerender = true;
export const trailingSlash = 'never';

export async function GET() {
	const story = await getStory();
	return json(
		staticOverview({
			// 1:110m: at the overview's size it looks like 1:50m at a fifth of the bytes (56 KB vs 283 KB
			// for this story); 1:10m would only add more.
			topology: loadNaturalEarth('110m').topology,
			layers: story.layers,
			kinds: story.kinds,
			bbox: story.bbox,
			// A layer large enough to be tiled on the map is summarised here too.
			summariseAbove: tileThreshold()
		})
	);
}
