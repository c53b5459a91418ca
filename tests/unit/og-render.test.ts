/** Preview images as PNG: sharp rasterises the composed SVG, with no browser and no system fonts. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { beforeAll, describe, expect, test } from 'vitest';
import type { CompiledStory } from '$lib/story/compiled';
import { loadStory } from '$lib/story/load';
import { eventCard, storyCard } from '$lib/server/og/cards';
import { composeOgSvg, OG_HEIGHT, OG_WIDTH, type OgCard } from '$lib/server/og/compose';
import { defaultAssets, renderCardPng } from '$lib/server/og/render';

let story: CompiledStory;
let card: OgCard;
beforeAll(() => {
	story = loadStory(path.resolve('geo'));
	card = eventCard(story, 'sinai-crash')!;
});

/** Spread of values in a region of an image (max − min over the RGB channels), from its pixels. */
async function contrast(
	png: Buffer,
	region = { left: 0, top: 0, width: OG_WIDTH, height: OG_HEIGHT }
): Promise<number> {
	const { data, info } = await sharp(png)
		.extract(region)
		.removeAlpha()
		.raw()
		.toBuffer({ resolveWithObject: true });
	let spread = 0;
	for (let c = 0; c < info.channels; c++) {
		let min = 255;
		let max = 0;
		for (let i = c; i < data.length; i += info.channels) {
			if (data[i] < min) min = data[i];
			if (data[i] > max) max = data[i];
		}
		spread = Math.max(spread, max - min);
	}
	return spread;
}

/**
 * Where a one-line title's letters are: the band starts at y ≈ 487 and the title's baseline
 * is at ≈ 554; the subtitle's capitals start below y = 575.
 */
const TITLE_REGION = { left: 40, top: 518, width: 700, height: 46 };

describe('renderCardPng', () => {
	test('gives a PNG of 1200×630, well under 300 KB', async () => {
		const png = await renderCardPng(card);
		expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
		const meta = await sharp(png).metadata();
		expect(meta).toMatchObject({ format: 'png', width: OG_WIDTH, height: OG_HEIGHT });
		expect(png.length).toBeLessThan(300 * 1024);
	});

	test('the story card is also well under 300 KB', async () => {
		const png = await renderCardPng(storyCard(story));
		expect((await sharp(png).metadata()).width).toBe(OG_WIDTH);
		expect(png.length).toBeLessThan(300 * 1024);
	});

	test('is not a single colour: basemap, features and band all show', async () => {
		const png = await renderCardPng(card);
		expect(await contrast(png)).toBeGreaterThan(100);
		// The map area alone has more than one colour (land and sea, lines, markers).
		expect(await contrast(png, { left: 0, top: 0, width: OG_WIDTH, height: 400 })).toBeGreaterThan(
			50
		);
		// And so has the band (the subtitle on it).
		expect(await contrast(png, { left: 0, top: 570, width: OG_WIDTH, height: 40 })).toBeGreaterThan(
			100
		);
	});

	test('the title is drawn: its area has light letters on the dark band, and none without it', async () => {
		const withTitle = await renderCardPng(card);
		const without = await renderCardPng({ ...card, title: '' });
		expect(await contrast(withTitle, TITLE_REGION)).toBeGreaterThan(150);
		// Without a title, the band there is one flat colour (the subtitle is lower down).
		expect(await contrast(without, TITLE_REGION)).toBeLessThan(10);
	});

	test('comes out the same on a machine with no fonts installed', () => {
		// Rasterise the same SVG in a process whose fontconfig knows no fonts at all: with
		// SVG <text>, the letters would vanish or change; with outlines, every pixel is equal.
		const dir = mkdtempSync(path.join(tmpdir(), 'og-fonts-'));
		try {
			const svgFile = path.join(dir, 'card.svg');
			writeFileSync(svgFile, composeOgSvg(card, defaultAssets()));
			writeFileSync(path.join(dir, 'fonts.conf'), '<?xml version="1.0"?><fontconfig></fontconfig>');
			const script = `
				const sharp = (await import('sharp')).default;
				const raw = await sharp(process.argv[1]).raw().toBuffer();
				const { createHash } = await import('node:crypto');
				process.stdout.write(createHash('sha256').update(raw).digest('hex'));`;
			const run = (env: NodeJS.ProcessEnv) =>
				execFileSync(process.execPath, ['--input-type=module', '-e', script, svgFile], {
					cwd: process.cwd(),
					env: { ...process.env, ...env },
					encoding: 'utf8'
				});
			const bare = run({ FONTCONFIG_FILE: path.join(dir, 'fonts.conf'), FONTCONFIG_PATH: dir });
			const usual = run({});
			expect(bare).toMatch(/^[0-9a-f]{64}$/);
			expect(bare).toBe(usual);
		} finally {
			rmSync(dir, { recursive: true, force: true });
		}
	});
});
