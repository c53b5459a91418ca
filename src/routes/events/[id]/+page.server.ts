import { getFileCounts, getStory } from '$lib/server/story';
import type { EntryGenerator } from './$types';

/**
 * A prerendered page for each event up to the story's page limit (all of them in a story of
 * ordinary size). The data comes from `+page.ts`, which also runs in the browser for the
 * events of a large story that have no page of their own (served by the fallback page).
 */
export const entries: EntryGenerator = async () => {
	const [story, { pageLimit }] = await Promise.all([getStory(), getFileCounts()]);
	return story.events.slice(0, pageLimit).map((e) => ({ id: e.id }));
};
