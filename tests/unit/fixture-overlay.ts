/**
 * Story fixtures as overlays on `tests/fixtures/story/valid/`: a fixture directory holds an
 * `overlay.json` that names each file it changes and, inside it, each field (RFC 6902 JSON
 * Patch operations, applied with fast-json-patch), and the files it removes. Whole files
 * beside the overlay replace the valid ones: what a patch cannot express (a file that is not
 * JSON). So a change to `valid/` reaches every fixture, and each fixture shows only its mistake.
 *
 * {
 *   "about": "what mistake the fixture makes",
 *   "patch": { "sites.geojson": [{ "op": "replace", "path": "/features/0/properties/kind", "value": "bombing" }] },
 *   "remove": ["events.json"]
 * }
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import jsonpatch, { type Operation } from 'fast-json-patch';
import type { StoryFiles } from '$lib/story/build';
import { readStoryFiles } from '$lib/story/load';

export const FIXTURES = path.resolve('tests/fixtures/story');
export const VALID = path.join(FIXTURES, 'valid');
export const OVERLAY_FILE = 'overlay.json';

export interface Overlay {
	about: string;
	patch?: Record<string, Operation[]>;
	remove?: string[];
}

/** The files of a story as a name → text map (story.json, article.json, events.json, layers). */
function asMap(files: StoryFiles): Map<string, string> {
	const map = new Map<string, string>();
	if (files.story != null) map.set('story.json', files.story);
	if (files.article != null) map.set('article.json', files.article);
	if (files.events != null) map.set('events.json', files.events);
	for (const [name, text] of Object.entries(files.layers)) map.set(name, text);
	return map;
}

function fromMap(map: Map<string, string>): StoryFiles {
	const layers: Record<string, string> = {};
	for (const [name, text] of map) if (name.endsWith('.geojson')) layers[name] = text;
	return {
		story: map.get('story.json') ?? null,
		article: map.get('article.json') ?? null,
		events: map.get('events.json') ?? null,
		layers
	};
}

/** Apply an overlay (and whole replacement files, by name) to a story's files. */
export function applyOverlay(
	base: StoryFiles,
	overlay: Overlay,
	replacements: Record<string, string> = {}
): StoryFiles {
	const map = asMap(base);
	for (const name of overlay.remove ?? []) {
		if (!map.delete(name)) throw new Error(`overlay removes ${name}, which the base lacks`);
	}
	for (const [name, ops] of Object.entries(overlay.patch ?? {})) {
		const text = map.get(name);
		if (text === undefined) throw new Error(`overlay patches ${name}, which the base lacks`);
		// validate: a path that does not exist in the base is an error, not a silent no-op.
		const patched = jsonpatch.applyPatch(JSON.parse(text), ops, true, false).newDocument;
		map.set(name, JSON.stringify(patched, null, '\t'));
	}
	for (const [name, text] of Object.entries(replacements)) map.set(name, text);
	return fromMap(map);
}

/** The files of fixture `name`: `valid/` with the fixture's overlay applied. */
export function fixtureFiles(name: string): StoryFiles {
	const dir = path.join(FIXTURES, name);
	if (name === 'valid') return readStoryFiles(dir);
	const overlayPath = path.join(dir, OVERLAY_FILE);
	if (!existsSync(overlayPath)) throw new Error(`fixture ${name} has no ${OVERLAY_FILE}`);
	const overlay = JSON.parse(readFileSync(overlayPath, 'utf8')) as Overlay;
	const replacements: Record<string, string> = {};
	for (const file of readdirSync(dir)) {
		if (file !== OVERLAY_FILE) replacements[file] = readFileSync(path.join(dir, file), 'utf8');
	}
	return applyOverlay(readStoryFiles(VALID), overlay, replacements);
}
