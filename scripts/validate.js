// @ts-check
/**
 * `npm run validate [-- <story-dir>]`: checks a story (default geo/) in seconds without
 * building the site, and prints what the build would: one line per problem
 * (`file › id › field: reason`) and a summary (`3 problems in 2 files`, or
 * `ok: 8 events, 32 features, 16 passages`). Exits 1 when there are problems.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { runnerImport } from 'vite';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dir = path.resolve(process.argv[2] ?? process.env.STORY_DIR ?? path.join(root, 'geo'));

// The loader is TypeScript: Vite's module runner transpiles it (as bench/bare-page.js does).
const { module } = await runnerImport(path.join(root, 'src/lib/story/load.ts'), {
	configFile: false,
	root,
	logLevel: 'silent'
});
/** @type {{ ok: boolean, lines: string[], summary: string }} */
const report = module.reportStory(dir);
for (const line of report.lines) console.log(line);
console.log(report.summary);
process.exitCode = report.ok ? 0 : 1;
