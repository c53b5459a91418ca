/** The whole story's downloads (`$lib/export/files`), made at build time. */
import { error } from '@sveltejs/kit';
import { getStory } from '$lib/server/story';
import { siteUrl } from '$lib/server/site';
import { download, downloadResponse, isDownloadName } from '$lib/server/downloads';
import { DOWNLOAD_FILES } from '$lib/export/files';

export const prerender = true;
export const trailingSlash = 'never';

export const entries = () => DOWNLOAD_FILES.map((f) => ({ file: f.name }));

export async function GET({ params }) {
	if (!isDownloadName(params.file)) error(404, 'No such download');
	return downloadResponse(download(await getStory(), params.file, { siteUrl: siteUrl() }));
}
