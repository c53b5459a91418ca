import { eventPageMeta, storyPageMeta } from '$lib/meta/page-meta';
import { hasOwnPage, partOf, partPath, type StoryPart } from '$lib/story/parts';
import type { PageLoad } from './$types';

/**
 * The event and the index part it is in (fetched unless the layout has it). An id the story
 * does not have is not an error page: the map opens on the whole story with a notice
 * (`missing`), as a malformed link does.
 */
export const load: PageLoad = async ({ params, parent, fetch }) => {
	const { shell, parts } = await parent();
	const k = partOf(params.id, shell.parts);
	let part = parts.find((p) => p.k === k)?.part;
	if (!part) {
		const res = await fetch(partPath(k));
		if (res.ok) part = (await res.json()) as StoryPart;
	}
	const event = part?.events.find((e) => e.id === params.id);
	if (!part || !event) {
		return { missing: params.id, meta: storyPageMeta(shell.article, shell.siteUrl) };
	}
	return {
		event,
		part: { k, part },
		meta: eventPageMeta(event, shell.article, shell.siteUrl, hasOwnPage(event, shell))
	};
};
