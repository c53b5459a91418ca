/**
 * From the text of a story's files to the compiled story, or a `StoryError` listing every
 * problem. Pure (no file system): `load.ts` reads the files, tests pass them in memory.
 */
import type { Countries } from '../geo/natural-earth';
import { compileStory } from './compile';
import type { CompiledStory } from './compiled';
import { parseJson } from './json';
import { formatProblem, sortProblems, StoryError, type Problem } from './problems';
import { validateStory, type ParsedFile, type StoryInput, type ValidStory } from './validate';

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
	return validateStoryFiles(files, countries).problems;
}

/** Parse and validate, without compiling: every problem, and the validated story when there are none. */
export function validateStoryFiles(
	files: StoryFiles,
	countries: Countries
): { problems: Problem[]; story: ValidStory | null } {
	const { input, problems } = parseStoryFiles(files);
	const result = validateStory(input, countries);
	problems.push(...result.problems);
	return { problems, story: problems.length > 0 ? null : result.story };
}

/** What `npm run validate` and the build print: the problem lines, and a one-line summary. */
export interface StoryReport {
	ok: boolean;
	/** One `file › id › field: reason` per problem, in report order. */
	lines: string[];
	/** `3 problems in 2 files`, or `ok: 8 events, 32 features, 16 passages`. */
	summary: string;
}

export function reportStoryFiles(files: StoryFiles, countries: Countries): StoryReport {
	const { problems, story } = validateStoryFiles(files, countries);
	return reportOf(problems, story);
}

/**
 * The report, and the compiled story when there is no problem: the build's first step, which
 * compiles the story once for all its steps (`$lib/server/compiled-file`).
 */
export function reportAndBuildStoryFiles(
	files: StoryFiles,
	countries: Countries
): { report: StoryReport; story: CompiledStory | null } {
	const { problems, story } = validateStoryFiles(files, countries);
	return { report: reportOf(problems, story), story: story && compileStory(story, countries) };
}

function reportOf(problems: Problem[], story: ValidStory | null): StoryReport {
	if (problems.length > 0 || !story) {
		const sorted = sortProblems(problems);
		const fileCount = new Set(sorted.map((p) => p.file)).size;
		const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
		return {
			ok: false,
			lines: sorted.map(formatProblem),
			summary: `${plural(sorted.length, 'problem')} in ${plural(fileCount, 'file')}`
		};
	}
	const features = story.layers.reduce((n, layer) => n + layer.features.length, 0);
	return {
		ok: true,
		lines: [],
		summary: `ok: ${story.events.length} events, ${features} features, ${story.article.passages.length} passages`
	};
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
	return {
		input: {
			story,
			storyUnreadable: files.story != null && story === null,
			article,
			events,
			layers,
			unreadableLayers
		},
		problems
	};
}
