/**
 * From the text of a story's files to the compiled story, or a `StoryError` listing every
 * problem. Pure (no file system): `load.ts` reads the files, tests pass them in memory.
 */
import type { Countries } from '../geo/natural-earth';
import { compileStory } from './compile';
import type { CompiledStory } from './compiled';
import { parseJson } from './json';
import { StoryError, type Problem } from './problems';
import { validateStory, type ParsedFile, type StoryInput } from './validate';

/** Optional: the story's own kinds and its opening view (geo/README.md). */
export const STORY_FILE = 'story.json';
export const ARTICLE_FILE = 'article.json';
export const EVENTS_FILE = 'events.json';
export const LAYER_EXTENSION = '.geojson';

/** The raw files of a story: `null` text for a required file that is missing. */
export interface StoryFiles {
	/** story.json: null or absent when the story has none (it is optional). */
	story?: string | null;
	article: string | null;
	events: string | null;
	/** `<layer-id>.geojson` file name → its text. */
	layers: Record<string, string>;
}

/** Parse, validate and compile. Throws `StoryError` with every problem when anything is wrong. */
export function buildStory(files: StoryFiles, countries: Countries): CompiledStory {
	const { input, problems } = parseStoryFiles(files);
	const result = validateStory(input, countries);
	problems.push(...result.problems);
	if (problems.length > 0 || !result.story) throw new StoryError(problems);
	return compileStory(result.story, countries);
}

/** Problems only: `[]` when the story is valid. */
export function checkStoryFiles(files: StoryFiles, countries: Countries): Problem[] {
	const { input, problems } = parseStoryFiles(files);
	return [...problems, ...validateStory(input, countries).problems];
}

function parseStoryFiles(files: StoryFiles): { input: StoryInput; problems: Problem[] } {
	const problems: Problem[] = [];
	const parse = (file: string, text: string | null): ParsedFile | null => {
		if (text === null) {
			problems.push({ file, reason: 'missing: every story needs this file' });
			return null;
		}
		const result = parseJson(file, text);
		if (!result.ok) {
			problems.push(result.problem);
			return null;
		}
		return { file, value: result.value };
	};
	const story = files.story == null ? null : parse(STORY_FILE, files.story);
	const article = parse(ARTICLE_FILE, files.article);
	const events = parse(EVENTS_FILE, files.events);
	const layers: StoryInput['layers'] = [];
	const unreadableLayers: string[] = [];
	for (const file of Object.keys(files.layers).sort()) {
		const parsed = parse(file, files.layers[file]);
		if (parsed) layers.push({ ...parsed, id: file.slice(0, -LAYER_EXTENSION.length) });
		else unreadableLayers.push(file);
	}
	return { input: { story, article, events, layers, unreadableLayers }, problems };
}
