/**
 * The downloads a reader is offered: the four files, where they are and what they are saved
 * as. Free of the exports' code (the popup and the toolbar read this in the browser; the
 * files themselves are made at build time, `$lib/server/downloads`).
 */
/**
 * The site path of an event's page. Here, not in `$lib/meta/links`: importing that module from
 * this one (read by lazily loaded code) splits it out of the first load's chunk, 0.3 KB gzip
 * of glue the first-load budget has no room for.
 */
export const eventPagePath = (eventId: string) => `/events/${encodeURIComponent(eventId)}/`;

export const DOWNLOAD_FILES = [
	{ name: 'story.geojson', label: 'GeoJSON', about: 'features with passages, quotes, sources' },
	{ name: 'story.csv', label: 'CSV', about: 'a row per feature, for spreadsheets' },
	{ name: 'story.kml', label: 'KML', about: 'for Google Earth and its time slider' },
	{ name: 'article.json', label: 'Article JSON', about: 'passages and the features citing them' }
] as const;

export type DownloadName = (typeof DOWNLOAD_FILES)[number]['name'];

/** The whole story's file. */
export const storyDownloadPath = (name: DownloadName) => `/downloads/${name}`;

/** One event's file, beside its page (stories up to `STORY_PAGE_LIMIT` events have them). */
export const eventDownloadPath = (eventId: string, name: DownloadName) =>
	`${eventPagePath(eventId)}${name}`;

/** What the file is saved as: the story's or the event's name, then the format. */
export function downloadFileName(name: DownloadName, eventId?: string): string {
	const base = `conflict-map-${eventId ?? 'story'}`;
	return name === 'article.json' ? `${base}-article.json` : `${base}${name.slice(5)}`;
}

/** The picture of the view: 2× the map, or a card for social posts. */
export type PictureVariant = 'view' | 'social';

/** What a picture is saved as: the story's or the event's name, the article's date, the size. */
export function pictureFileName(variant: PictureVariant, date: string, eventId?: string): string {
	const size = variant === 'social' ? '-1200x630' : '';
	return `conflict-map-${eventId ?? 'story'}-${date}${size}.png`;
}

/** Bytes for readers: "48 KB", "1.2 MB". */
export function formatBytes(bytes: number): string {
	if (bytes < 1000) return `${bytes} B`;
	if (bytes < 1e6) return `${Math.round(bytes / 1000)} KB`;
	return `${(bytes / 1e6).toFixed(1)} MB`;
}
