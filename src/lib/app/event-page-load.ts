/**
 * An event page's data, for the full page and its embed view (`src/routes/events/[id]/+page.ts`,
 * `src/routes/embed/events/[id]/+page.ts`): its own module, so the home page never loads it.
 */
import { eventPageHead, storyPageHead, type PageHead } from '$lib/meta/page-head';
import {
	hasOwnPage,
	partOf,
	partPath,
	type RankedEvent,
	type StoryPart,
	type StoryShell
} from '$lib/story/parts';

type Parent = () => Promise<{ shell: StoryShell; parts: { k: number; part: StoryPart }[] }>;

/**
 * An event's page: the event and the index part it is in (fetched unless the layout has it).
 * An id the story does not have is not an error page: the map opens on the whole story with
 * a notice (`missing`), as a malformed link does.
 */
export async function eventPageLoad({
	params,
	parent,
	fetch
}: {
	params: { id: string };
	parent: Parent;
	fetch: typeof globalThis.fetch;
}): Promise<{
	head: PageHead;
	event?: RankedEvent;
	part?: { k: number; part: StoryPart };
	missing?: string;
}> {
	const { shell, parts } = await parent();
	const k = partOf(params.id, shell.parts);
	let part = parts.find((p) => p.k === k)?.part;
	if (!part) {
		const res = await fetch(partPath(k));
		if (res.ok) part = (await res.json()) as StoryPart;
	}
	const event = part?.events.find((e) => e.id === params.id);
	if (!part || !event) {
		return { missing: params.id, head: storyPageHead(shell.article, shell.siteUrl) };
	}
	return {
		event,
		part: { k, part },
		head: eventPageHead(event, shell.article, shell.siteUrl, hasOwnPage(event, shell))
	};
}
