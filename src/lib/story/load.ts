/**
 * Loads a story directory (`geo/`) at build time: reads `article.json`, `events.json` and every
 * `*.geojson`, checks them against Natural Earth 1:10m and compiles them. Server-only (node:fs):
 * import it from `+layout.server.ts` / `+page.server.ts`, never from a component.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadNaturalEarth } from '../geo/natural-earth-file';
import {
	ARTICLE_FILE,
	buildStory,
	checkStoryFiles,
	EVENTS_FILE,
	reportAndBuildStoryFiles,
	reportStoryFiles,
	type StoryReport,
	LAYER_EXTENSION,
	STORY_FILE,
	type StoryFiles
} from './build';
import type { CompiledStory } from './compiled';
import { StoryError, type Problem } from './problems';

/** Read the files of a story directory (missing required files are `null`). */
export function readStoryFiles(dir: string): StoryFiles {
	if (!existsSync(dir)) throw new StoryError([{ file: dir, reason: 'story directory not found' }]);
	const read = (name: string) => {
		const file = path.join(dir, name);
		return existsSync(file) ? readFileSync(file, 'utf8') : null;
	};
	const layers: Record<string, string> = {};
	for (const name of readdirSync(dir).sort()) {
		if (name.endsWith(LAYER_EXTENSION)) layers[name] = readFileSync(path.join(dir, name), 'utf8');
	}
	return {
		story: read(STORY_FILE),
		article: read(ARTICLE_FILE),
		events: read(EVENTS_FILE),
		layers
	};
}

/**
 * The compiled story of a directory. Synchronous; throws `StoryError` (its message lists every
 * problem, one `file › id › field: reason` per line) when the data is not valid.
 */
export function loadStory(dir: string): CompiledStory {
	return buildStory(readStoryFiles(dir), loadNaturalEarth('10m'));
}

/** The problems of a story directory, `[]` when it is valid. */
export function checkStory(dir: string): Problem[] {
	return checkStoryFiles(readStoryFiles(dir), loadNaturalEarth('10m'));
}

/** The report `npm run validate` and the build print for a story directory. */
export function reportStory(dir: string): StoryReport {
	let files: StoryFiles;
	try {
		files = readStoryFiles(dir);
	} catch (error) {
		return noStory(dir, error);
	}
	return reportStoryFiles(files, loadNaturalEarth('10m'));
}

/** A directory that cannot be read as a story: its report, or the error if it is another. */
function noStory(dir: string, error: unknown): StoryReport {
	if (!(error instanceof StoryError)) throw error;
	return { ok: false, lines: error.lines, summary: `${dir}: no story there` };
}

/** The report, and the compiled story when the data is valid (`reportAndBuildStoryFiles`). */
export function reportAndLoadStory(dir: string): {
	report: StoryReport;
	story: CompiledStory | null;
} {
	let files: StoryFiles;
	try {
		files = readStoryFiles(dir);
	} catch (error) {
		return { report: noStory(dir, error), story: null };
	}
	return reportAndBuildStoryFiles(files, loadNaturalEarth('10m'));
}
