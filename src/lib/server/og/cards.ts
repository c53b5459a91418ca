/**
 * What each preview image shows, from the compiled story: one card per event (`/og/<id>.png`)
 * and one for the whole story (`/og/story.png`, the home page's). Pure.
 */
import type { CompiledFeature, CompiledStory } from '$lib/story/compiled';
import { formatStoryDate } from '$lib/ui/format';
import type { OgCard } from './compose';
import { STORY_CARD_ID } from '$lib/meta/links';
import { getFileCounts, getStory } from '../story';
import { eventById, featuresOfEvent } from '$lib/story/lookup';

export { cardImagePath, STORY_CARD_ID } from '$lib/meta/links';

/**
 * Every image id to prerender: the story's, and each event's that has a page (the first
 * `pageLimit` in date order: at 0.2–0.3 s an image, a large story cannot have one per event).
 */
export function cardIds(story: CompiledStory, pageLimit = Infinity): string[] {
	const events = story.events.slice(0, pageLimit).map((e) => e.id);
	return [...new Set([...events, STORY_CARD_ID])];
}

/**
 * The routes' entries for what exists once per card (preview images, oEmbed records): the
 * card ids of the story as built, up to its page limit.
 */
export async function cardEntries(): Promise<{ id: string }[]> {
	const [story, { pageLimit }] = await Promise.all([getStory(), getFileCounts()]);
	return cardIds(story, pageLimit).map((id) => ({ id }));
}

/** Per layer, the claimants its features name, in order of appearance: once per story. */
const claimantsCache = new WeakMap<CompiledStory, Record<string, string[]>>();
function claimantsOf(story: CompiledStory): Record<string, string[]> {
	const known = claimantsCache.get(story);
	if (known) return known;
	const claimants: Record<string, string[]> = {};
	for (const layer of story.layers) {
		const seen = new Set<string>();
		for (const f of layer.data.features) {
			const by = f.properties.claimedBy;
			if (story.kinds[f.properties.kind]?.byClaimant && by) seen.add(by);
		}
		claimants[layer.id] = [...seen];
	}
	claimantsCache.set(story, claimants);
	return claimants;
}

function featuresOf(
	story: CompiledStory,
	keep: (f: CompiledFeature) => boolean
): CompiledFeature[] {
	return story.layers.flatMap((l) => (l.data.features as CompiledFeature[]).filter(keep));
}

/** The card of an event (its features, framed on its bbox), or undefined for an unknown id. */
export function eventCard(story: CompiledStory, id: string): OgCard | undefined {
	const event = eventById(story, id);
	if (!event) return undefined;
	return {
		title: event.title,
		subtitle: `${formatStoryDate(event.date)} · ${event.place}`,
		bbox: event.bbox,
		features: featuresOfEvent(story, id).map(({ feature }) => feature),
		claimants: claimantsOf(story),
		kinds: story.kinds
	};
}

/** The card of the whole story: the headline over every feature the map shows at first. */
export function storyCard(story: CompiledStory): OgCard {
	const shown = new Set(story.layers.filter((l) => !l.hidden).map((l) => l.id));
	const { article } = story;
	const count = story.events.length;
	return {
		title: article.headline,
		subtitle: `${article.source}, ${formatStoryDate(article.date)} · ${count} ${count === 1 ? 'event' : 'events'} mapped`,
		bbox: story.bbox,
		features: featuresOf(story, (f) => shown.has(f.properties.layer)),
		claimants: claimantsOf(story),
		kinds: story.kinds
	};
}

/** The card for an image id: an event's, else the story's for `story`. */
export function cardFor(story: CompiledStory, id: string): OgCard | undefined {
	return eventCard(story, id) ?? (id === STORY_CARD_ID ? storyCard(story) : undefined);
}
