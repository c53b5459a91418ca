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
	storyCsvChunks,
	storyGeoJsonChunks,
	storyKmlChunks,
	type ExportOptions
} from '$lib/export';
import { DOWNLOAD_FILES, type DownloadName } from '$lib/export/files';

const MAKERS: Record<
	DownloadName,
	{ make: (story: CompiledStory, o: ExportOptions) => Iterable<string>; type: string }
> = {
	'story.geojson': { make: storyGeoJsonChunks, type: GEOJSON_MEDIA_TYPE },
	'story.csv': { make: storyCsvChunks, type: CSV_MEDIA_TYPE },
	'story.kml': { make: storyKmlChunks, type: KML_MEDIA_TYPE },
	'article.json': { make: (story, o) => [articleJson(story, o)], type: ARTICLE_MEDIA_TYPE }
};

export const isDownloadName = (name: string): name is DownloadName =>
	DOWNLOAD_FILES.some((f) => f.name === name);

/** A made file: its UTF-8 bytes in pieces, never one string (see `encodeChunks`). */
export interface MadeDownload {
	parts: Uint8Array[];
	size: number;
	type: string;
}

const made = new Map<string, MadeDownload>();

/** Text pieces gathered into strings of about this many characters before encoding. */
const BATCH_CHARS = 1 << 20;

/**
 * Text pieces as UTF-8 bytes, a batch at a time: the whole file of a large story (a million
 * events' KML is over a gigabyte) is more than a JavaScript string may hold.
 */
export function encodeChunks(
	chunks: Iterable<string>,
	batchChars = BATCH_CHARS
): { parts: Uint8Array[]; size: number } {
	const encoder = new TextEncoder();
	const parts: Uint8Array[] = [];
	let size = 0;
	let batch: string[] = [];
	let length = 0;
	const flush = (last: boolean) => {
		let text = batch.join('');
		batch = [];
		length = 0;
		// A pair of UTF-16 halves split between two batches would encode as two U+FFFD.
		const end = text.charCodeAt(text.length - 1);
		if (!last && end >= 0xd800 && end <= 0xdbff) {
			batch.push(text.slice(-1));
			length = 1;
			text = text.slice(0, -1);
		}
		if (text.length === 0) return;
		const bytes = encoder.encode(text);
		parts.push(bytes);
		size += bytes.length;
	};
	for (const chunk of chunks) {
		batch.push(chunk);
		length += chunk.length;
		if (length >= batchChars) flush(false);
	}
	flush(true);
	return { parts, size };
}

/** A download's bytes and media type: the whole story's, or one event's. Made once per file. */
export function download(story: CompiledStory, name: DownloadName, o: ExportOptions): MadeDownload {
	const key = `${o.eventId ?? ''}/${name}`;
	let file = made.get(key);
	if (!file) {
		const { make, type } = MAKERS[name];
		file = { ...encodeChunks(make(story, o)), type };
		made.set(key, file);
	}
	return file;
}

/** A made download as the route's response. */
export function downloadResponse(file: MadeDownload): Response {
	return new Response(new Blob(file.parts as BlobPart[]), {
		headers: { 'content-type': file.type, 'content-length': String(file.size) }
	});
}

/** The downloads' sizes in bytes, as served (UTF-8): the whole story's, or one event's. */
export function downloadSizes(
	story: CompiledStory,
	siteUrl: string,
	eventId?: string
): Record<DownloadName, number> {
	return Object.fromEntries(
		DOWNLOAD_FILES.map((f) => [f.name, download(story, f.name, { siteUrl, eventId }).size])
	) as Record<DownloadName, number>;
}
