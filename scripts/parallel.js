// @ts-check
/**
 * `node scripts/parallel.js <npm script>…`: run npm scripts at once, each one's output kept
 * together and printed when it ends, and fail if any fails. `npm test` runs the unit tests
 * beside the builds, and the three test sites' builds beside each other: on a two-core CI
 * machine that takes a minute and a half off the run (a build is mostly one core). Each keeps
 * its working files apart (`KIT_OUT_DIR`): two builds in one `.svelte-kit/` overwrite each
 * other's. `npm run check` runs svelte-check beside ESLint (36 s one after the other, 26 s
 * at once): both only read.
 */
import { spawn } from 'node:child_process';

const scripts = process.argv.slice(2);
if (scripts.length === 0) {
	console.error('usage: node scripts/parallel.js <npm script>…');
	process.exit(2);
}

const runs = scripts.map(
	(name) =>
		new Promise((resolve) => {
			const started = Date.now();
			const child = spawn('npm', ['run', '--silent', name], {
				env: { ...process.env, FORCE_COLOR: process.env.FORCE_COLOR ?? '0' },
				stdio: ['ignore', 'pipe', 'pipe']
			});
			/** @type {Buffer[]} */
			const out = [];
			child.stdout.on('data', (d) => out.push(d));
			child.stderr.on('data', (d) => out.push(d));
			child.on('close', (code) => {
				const seconds = ((Date.now() - started) / 1000).toFixed(0);
				process.stdout.write(`\n── ${name} (exit ${code}, ${seconds} s) ──\n`);
				process.stdout.write(Buffer.concat(out));
				resolve(code === 0);
			});
		})
);

const ok = await Promise.all(runs);
const failed = scripts.filter((_, i) => !ok[i]);
if (failed.length > 0) {
	console.error(`\nparallel: failed: ${failed.join(', ')}`);
	process.exit(1);
}
