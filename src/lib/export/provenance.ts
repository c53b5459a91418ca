/**
 * Where an export comes from: the article (what `Article` records of it), the terms it is
 * under and whom to credit. Every export carries the same block, so a file that travels on
 * alone still says what it is. The licence and credits follow README's "Licence and credits":
 * change them together.
 */
import type { CompiledEvent } from '$lib/story/compiled';
import type { Article } from '$lib/story/schema';
import { eventPageUrl } from './records';

/** Someone whose work is in the file. */
export interface Credit {
	name: string;
	/** What of theirs is in it. */
	role: string;
	url?: string;
	licence?: string;
}

/** The story block: the `story` member of the GeoJSON and the article export, the KML's document data. */
export interface StoryMeta {
	headline: string;
	byline: string;
	authors: string[];
	/** YYYY-MM-DD. */
	date: string;
	/** The date as the publisher prints it. */
	displayDate: string;
	publisher: string;
	/** The article's URL, as the data gives it (a string to show, not a link to follow blindly). */
	url?: string;
	language: string;
	licence: string;
	credits: Credit[];
}

/** The selected event, when an export holds only one. */
export interface EventMeta {
	id: string;
	title: string;
	date: string;
	place: string;
	/** First and last day (YYYY-MM-DD); `end` null when the event is ongoing. */
	start: string;
	end: string | null;
	url: string;
}

/** Natural Earth: the basemap, country outlines and the borders some lines are derived from. */
const NATURAL_EARTH: Credit = {
	name: 'Natural Earth',
	role: 'basemap, country outlines and borders (1:10m, via world-atlas)',
	url: 'https://www.naturalearthdata.com/',
	licence: 'public domain'
};

export function storyMeta(article: Article): StoryMeta {
	return {
		headline: article.headline,
		byline: article.byline,
		authors: article.authors,
		date: article.date,
		displayDate: article.displayDate,
		publisher: article.source,
		url: article.url,
		language: article.language,
		licence:
			`Map data (places, lines, areas, notes, sources): MIT licence, © the conflict map authors. ` +
			`Article text © ${article.source} (${article.authors.join(', ')}, ${article.displayDate}), ` +
			`quoted as the subject of the map.`,
		credits: [
			NATURAL_EARTH,
			{ name: article.source, role: 'the article (publisher)', url: article.url }
		]
	};
}

export function eventMeta(event: CompiledEvent, siteUrl: string): EventMeta {
	return {
		id: event.id,
		title: event.title,
		date: event.date,
		place: event.place,
		start: event.start,
		end: event.end,
		url: eventPageUrl(event.id, siteUrl)
	};
}
