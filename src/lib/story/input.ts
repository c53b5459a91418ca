/** A story between reading and compiling: its parsed files, and the story once validated. */
import type { KindTable } from './kinds';
import type { Article, StoryEventData, StoryFeature, StoryView } from './schema';

/** A parsed JSON file, named as in problems (`article.json`, `routes.geojson`). */
export interface ParsedFile {
	file: string;
	value: unknown;
}

export interface StoryInput {
	/** story.json: null when the story has none (it is optional) or it is not JSON. */
	story?: ParsedFile | null;
	/** story.json exists but is not JSON (already reported). */
	storyUnreadable?: boolean;
	/** null when missing or not JSON (that was reported already). */
	article: ParsedFile | null;
	events: ParsedFile | null;
	/** One per `<layer-id>.geojson` that could be parsed; `id` is the file name without extension. */
	layers: (ParsedFile & { id: string })[];
	/**
	 * Layer files that exist but could not be parsed (already reported). While any is missing,
	 * checks that need every feature (unknown feature ids, passages nobody cites, events
	 * without features) are skipped rather than report what is only a consequence.
	 */
	unreadableLayers?: string[];
}

export interface ValidLayer {
	id: string;
	file: string;
	title: string;
	description?: string;
	order: number;
	cluster: boolean;
	hidden: boolean;
	features: StoryFeature[];
}

export interface ValidStory {
	/** Every kind the story may use: built in (as story.json relabels them) and declared. */
	kinds: KindTable;
	/** story.json's opening view, when it gives one. */
	view?: StoryView;
	article: Article;
	events: StoryEventData[];
	layers: ValidLayer[];
}
