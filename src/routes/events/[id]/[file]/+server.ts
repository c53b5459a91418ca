/**
 * One event's downloads, beside its page: for every event of a story up to `STORY_PAGE_LIMIT`
 * events. A larger story offers the whole story's files only (a page limit's worth of
 * events × four files would be most of its build).
 */
import { error } from '@sveltejs/kit';
import { getStory, getStoryParts } from '$lib/server/story';
import { siteUrl } from '$lib/server/site';
import { download, isDownloadName } from '$lib/server/downloads';
import { DOWNLOAD_FILES } from '$lib/export/files';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const [story, { shell }] = await Promise.all([getStory(), getStoryParts()]);
	if (!shell.eventDownloads) return [];
	return story.events.flatMap((e) => DOWNLOAD_FILES.map((f) => ({ id: e.id, file: f.name })));
}

export async function GET({ params }) {
	const [story, { shell }] = await Promise.all([getStory(), getStoryParts()]);
	if (!shell.eventDownloads || !isDownloadName(params.file)) error(404, 'No such download');
	if (!story.events.some((e) => e.id === params.id)) error(404, 'No such event');
	const { body, type } = download(story, params.file, { siteUrl: siteUrl(), eventId: params.id });
	return new Response(body, { headers: { 'content-type': type } });
}
