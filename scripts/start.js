// @ts-check
/**
 * `npm start`: build the static site if it is missing or older than its sources, then
 * serve build/ on http://localhost:4173 with the same static server the tests use.
 */
import { spawnSync } from 'node:child_process';
import { serve } from './serve.js';
import { existsSync, statSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const built = path.join(root, 'build', 'index.html');

/**
 * Newest modification time under a path, in ms.
 * @param {string} p
 * @returns {number}
 */
function newest(p) {
	if (!existsSync(p)) return 0;
	const s = statSync(p);
	if (!s.isDirectory()) return s.mtimeMs;
	let max = s.mtimeMs;
	for (const name of readdirSync(p)) max = Math.max(max, newest(path.join(p, name)));
	return max;
}

const sources = [
	'src',
	'geo',
	'scripts',
	'svelte.config.js',
	'vite.config.ts',
	'package-lock.json'
];
const stale =
	!existsSync(built) || sources.some((s) => newest(path.join(root, s)) > statSync(built).mtimeMs);

if (stale) {
	console.log('start: building the site…');
	const r = spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' });
	if (r.status !== 0) process.exit(r.status ?? 1);
}
await serve({ dir: path.join(root, 'build'), port: 4173, host: '127.0.0.1' });
console.log('start: the map is on http://localhost:4173/ (Ctrl-C stops it)');
