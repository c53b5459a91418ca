/**
 * One event's downloads, beside its page: for every event of a story up to `STORY_PAGE_LIMIT`
 * events. A larger story offers the whole story's files only (a page limit's worth of
 * events × four files would be most of its build).
 */
import { error } from '@sveltejs/kit';
import { getFileCounts, getStory } from '$lib/server/story';
import { siteUrl } from '$lib/server/site';
import { download, downloadResponse, isDownloadName } from '$lib/server/downloads';
import { eventById } from '$lib/story/lookup';
import { DOWNLOAD_FILES } from '$lib/export/files';

export const prerender = true;
export const trailingSlash = 'never';

export async function entries() {
	const [story, { eventDownloads }] = await Promise.all([getStory(), getFileCounts()]);
	if (!eventDownloads) return [];
	return story.events.flatMap((e) => DOWNLOAD_FILES.map((f) => ({ id: e.id, file: f.name })));
}

export async function GET({ params }) {
	const [story, { eventDownloads }] = await Promise.all([getStory(), getFileCounts()]);
	if (!eventDownloads || !isDownloadName(params.file)) error(404, 'No such download');
	if (!eventById(story, params.id)) error(404, 'No such event');
	return downloadResponse(download(story, params.file, { siteUrl: siteUrl(), eventId: params.id }));
}
