// @ts-check
/**
 * Build-time generator of MapLibre SDF glyph ranges for the offline map:
 *   <outDir>/<font stack>/<start>-<end>.pbf  for every range of RANGE_INDICES (config.js).
 * Ranges the font does not cover are still written (a valid stack with no glyphs),
 * because MapLibre requests the range of every character in a label and a 404 is
 * a console error. Only codepoints in a font file's cmap are rendered (no tofu).
 *
 * Cached: skipped when <outDir>/metadata.json records the same inputs, unless `force`.
 * CLI: node scripts/glyphs/build.js [--force] [--out <dir>]
 */
import { createHash } from 'node:crypto';
import {
	existsSync,
	mkdirSync,
	readFileSync,
	readdirSync,
	renameSync,
	rmSync,
	writeFileSync
} from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
	FONT_PACKAGE,
	FONT_STACKS,
	RANGE_COUNT,
	RANGE_INDICES,
	RANGE_SIZE,
	SDF,
	rangeName
} from './config.js';
import { assignCodepoints, fontFiles, packageVersion } from './fonts.js';
import { encodeGlyphRange } from './glyph-pbf.js';
import { createGlyphRenderer } from './sdf.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const METADATA = 'metadata.json';

/**
 * @typedef {object} BuildResult
 * @property {boolean} skipped true when the cached output was up to date
 * @property {string} outDir
 * @property {number} files number of .pbf files in outDir
 * @property {number} ms wall time
 */

/** The inputs the output depends on; a change in any of them rebuilds. */
function currentInputs() {
	const hash = createHash('sha256');
	const sources = readdirSync(here, { recursive: true, encoding: 'utf8' })
		.filter((f) => f.endsWith('.js'))
		.map((f) => f.split(path.sep).join('/'))
		.sort();
	for (const f of sources) {
		hash.update(`${f}\0`);
		hash.update(readFileSync(path.join(here, f)));
		hash.update('\0');
	}
	return {
		fontPackage: `${FONT_PACKAGE}@${packageVersion(FONT_PACKAGE)}`,
		tinySdf: packageVersion('@mapbox/tiny-sdf'),
		canvas: packageVersion('@napi-rs/canvas'),
		sourcesHash: hash.digest('hex')
	};
}

/**
 * Whether outDir already holds a complete output built from `inputs`.
 * @param {string} outDir
 * @param {ReturnType<typeof currentInputs>} inputs
 */
function isUpToDate(outDir, inputs) {
	try {
		const meta = JSON.parse(readFileSync(path.join(outDir, METADATA), 'utf8'));
		if (JSON.stringify(meta.inputs) !== JSON.stringify(inputs)) return false;
	} catch {
		return false;
	}
	for (const stack of FONT_STACKS) {
		for (const i of RANGE_INDICES) {
			if (!existsSync(path.join(outDir, stack.name, `${rangeName(i)}.pbf`))) return false;
		}
	}
	return true;
}

/**
 * Renders one font stack into `dir/<stack name>/`.
 * @param {import('./config.js').FontStack} stack
 * @param {string} dir
 */
function buildStack(stack, dir) {
	const files = fontFiles(stack.weight);
	const assigned = assignCodepoints(files);
	/** @type {Map<string, (codepoint: number) => import('./sdf.js').Glyph>} */
	const renderers = new Map();
	/** @type {import('./sdf.js').Glyph[][]} */
	const ranges = Array.from({ length: Math.max(...RANGE_INDICES) + 1 }, () => []);
	for (const [codepoint, font] of assigned) {
		let render = renderers.get(font.file);
		if (!render) {
			render = createGlyphRenderer(font.file, font.weight);
			renderers.set(font.file, render);
		}
		ranges[Math.floor(codepoint / RANGE_SIZE)].push(render(codepoint));
	}
	const stackDir = path.join(dir, stack.name);
	mkdirSync(stackDir, { recursive: true });
	let bytes = 0;
	for (const i of RANGE_INDICES) {
		const data = encodeGlyphRange({ name: stack.name, range: rangeName(i), glyphs: ranges[i] });
		writeFileSync(path.join(stackDir, `${rangeName(i)}.pbf`), data);
		bytes += data.length;
	}
	return {
		glyphs: assigned.size,
		rangesWithGlyphs: ranges.filter((r) => r.length > 0).length,
		bytes,
		fontFiles: files.map((f) => f.name)
	};
}

/**
 * @param {{ outDir: string, force?: boolean }} options
 * @returns {Promise<BuildResult>}
 */
export async function buildGlyphs({ outDir, force = false }) {
	const started = performance.now();
	const inputs = currentInputs();
	const files = FONT_STACKS.length * RANGE_COUNT;
	if (!force && isUpToDate(outDir, inputs)) {
		return { skipped: true, outDir, files, ms: performance.now() - started };
	}

	// Build next to outDir, then swap it in, so a failed run never leaves a half-written output.
	const tmp = `${outDir}.tmp-${process.pid}`;
	rmSync(tmp, { recursive: true, force: true });
	mkdirSync(tmp, { recursive: true });
	try {
		/** @type {Record<string, ReturnType<typeof buildStack>>} */
		const stacks = {};
		for (const stack of FONT_STACKS) stacks[stack.name] = buildStack(stack, tmp);
		const metadata = {
			generator: 'scripts/glyphs/build.js',
			inputs,
			sdf: SDF,
			ranges: RANGE_COUNT,
			stacks
		};
		writeFileSync(path.join(tmp, METADATA), `${JSON.stringify(metadata, null, '\t')}\n`);
		rmSync(outDir, { recursive: true, force: true });
		renameSync(tmp, outDir);
	} catch (error) {
		rmSync(tmp, { recursive: true, force: true });
		throw error;
	}
	const ms = performance.now() - started;
	console.log(
		`glyphs: ${files} ranges for ${FONT_STACKS.map((s) => s.name).join(', ')} in ${(ms / 1000).toFixed(1)} s`
	);
	return { skipped: false, outDir, files, ms };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
	const args = process.argv.slice(2);
	const outIndex = args.indexOf('--out');
	const outDir =
		outIndex >= 0 && args[outIndex + 1]
			? path.resolve(args[outIndex + 1])
			: path.resolve(here, '..', '..', 'static', 'generated', 'glyphs');
	const result = await buildGlyphs({ outDir, force: args.includes('--force') });
	if (result.skipped)
		console.log(`glyphs: up to date in ${path.relative(process.cwd(), outDir) || outDir}`);
}
