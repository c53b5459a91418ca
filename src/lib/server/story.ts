/**
 * The compiled story for the build. Loaded once per build process (every prerendered page
 * and data file shares it). `STORY_DIR` points the build at another story (tests use
 * fixtures; benchmarks use generated stories); the default is the repo's `geo/`.
 */
import path from 'node:path';
import { loadStory } from '$lib/story/load';
import type { CompiledStory } from '$lib/story/compiled';

let cached: Promise<CompiledStory> | undefined;

export function storyDir(): string {
	return path.resolve(process.env.STORY_DIR ?? 'geo');
}

export function getStory(): Promise<CompiledStory> {
	cached ??= Promise.resolve().then(() => loadStory(storyDir()));
	return cached;
}
