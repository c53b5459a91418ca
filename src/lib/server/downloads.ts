/**
 * The downloads (`$lib/export/files`) made from the compiled story at build time, with their
 * media types: the routes serve them and the shell lists their sizes. Made once per file.
 */
import type { CompiledStory } from '$lib/story/compiled';
import {
	ARTICLE_MEDIA_TYPE,
	articleJson,
	CSV_MEDIA_TYPE,
	GEOJSON_MEDIA_TYPE,
	KML_MEDIA_TYPE,
	storyCsv,
	storyGeoJson,
	storyKml,
	type ExportOptions
} from '$lib/export';
import { DOWNLOAD_FILES, type DownloadName } from '$lib/export/files';

const MAKERS: Record<
	DownloadName,
	{ make: (story: CompiledStory, o: ExportOptions) => string; type: string }
> = {
	'story.geojson': { make: storyGeoJson, type: GEOJSON_MEDIA_TYPE },
	'story.csv': { make: storyCsv, type: CSV_MEDIA_TYPE },
	'story.kml': { make: storyKml, type: KML_MEDIA_TYPE },
	'article.json': { make: articleJson, type: ARTICLE_MEDIA_TYPE }
};

export const isDownloadName = (name: string): name is DownloadName =>
	DOWNLOAD_FILES.some((f) => f.name === name);

const made = new Map<string, { body: string; type: string }>();

/** A download's text and media type: the whole story's, or one event's. */
export function download(
	story: CompiledStory,
	name: DownloadName,
	o: ExportOptions
): { body: string; type: string } {
	const key = `${o.eventId ?? ''}/${name}`;
	let file = made.get(key);
	if (!file) {
		const { make, type } = MAKERS[name];
		file = { body: make(story, o), type };
		made.set(key, file);
	}
	return file;
}

/** The downloads' sizes in bytes, as served (UTF-8): the whole story's, or one event's. */
export function downloadSizes(
	story: CompiledStory,
	siteUrl: string,
	eventId?: string
): Record<DownloadName, number> {
	return Object.fromEntries(
		DOWNLOAD_FILES.map((f) => [
			f.name,
			Buffer.byteLength(download(story, f.name, { siteUrl, eventId }).body, 'utf8')
		])
	) as Record<DownloadName, number>;
}
