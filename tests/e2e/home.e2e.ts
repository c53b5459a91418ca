import {
	test,
	expect,
	waitForMap,
	mapRegion,
	decodePng,
	countNear,
	distinctColours
} from './fixtures';
import { readFileSync } from 'node:fs';
import { BASEMAP_COLOURS } from '../../src/lib/map/basemap-style';

const article = JSON.parse(readFileSync('geo/article.json', 'utf8')) as {
	passages: { id: string; text: string }[];
};

test.describe('home page', () => {
	test('the prerendered page holds the article and the event list without JavaScript', async ({
		browser
	}) => {
		const context = await browser.newContext({ javaScriptEnabled: false });
		const page = await context.newPage();
		await page.goto('/');
		await expect(page.locator('#p1')).toHaveText(/^France and Russia will exchange intelligence/);
		await expect(page.locator('#p16')).toHaveText(
			/^Putin also said Russia would keep co-operating/
		);
		await expect(page.locator('.events li')).not.toHaveCount(0);
		// The map's place holds the story's preview picture, drawn at build time.
		const preview = page.locator('.map-wrap img.preview');
		await expect(preview).toHaveAttribute('alt', /^Map of the places in the article/);
		await expect(preview).toHaveAttribute('src', '/og/story.png');
		expect(await preview.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1200);
		await context.close();
	});

	test('the article panel shows every passage exactly, links and marks included', async ({
		page
	}) => {
		await page.goto('/events/kremlin-talks/#passage=p3');
		await expect(page.locator('#p3 mark')).not.toHaveCount(0);
		for (const p of article.passages) {
			expect(await page.locator(`#${p.id}`).textContent(), p.id).toBe(p.text);
		}
	});

	// One page load for what the story page is at first sight (each load of the map costs
	// seconds of software WebGL): its title and language, a basemap of land and sea, country
	// labels drawn with our own glyphs.
	test('a titled page, a basemap of land and sea, country labels in our own glyphs', async ({
		page,
		browser
	}) => {
		// Two maps and two full-frame screenshots on software WebGL.
		test.slow();
		const glyphs: string[] = [];
		page.on('response', (r) => {
			if (r.url().includes('/generated/glyphs/') && r.ok())
				glyphs.push(decodeURIComponent(r.url()));
		});
		// Every layout shift, from the first paint on.
		await page.addInitScript(() => {
			const w = window as unknown as { __shifts: number };
			w.__shifts = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & { value: number })[])
					w.__shifts += e.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto('/');
		await expect(page).toHaveTitle(/Russia, France to up battle against Islamic State/);
		await expect(page.locator('html')).toHaveAttribute('lang', 'en');
		await expect(
			page.getByRole('heading', {
				name: 'Russia, France to up battle against Islamic State',
				exact: true
			})
		).toBeVisible();
		await expect(page.getByText('Basemap: Natural Earth', { exact: false })).toBeVisible();
		await waitForMap(page);
		// The preview picture stood in until the map's first view, and nothing moved for it.
		await expect(page.locator('.map-wrap img.preview')).toHaveCount(0);
		expect(
			await page.evaluate(() => (window as unknown as { __shifts: number }).__shifts),
			'cumulative layout shift'
		).toBeLessThan(0.05);
		expect(glyphs.some((u) => u.includes('/Noto Sans Regular/0-255.pbf'))).toBe(true);
		const withText = await decodePng(await mapRegion(page).locator('canvas').screenshot());

		// Not blank and not one colour: sea and land both cover a real share of the frame.
		const total = withText.width * withText.height;
		expect(distinctColours(withText.pixels)).toBeGreaterThan(20);
		expect(countNear(withText.pixels, BASEMAP_COLOURS.sea, 6) / total).toBeGreaterThan(0.05);
		expect(countNear(withText.pixels, BASEMAP_COLOURS.land, 6) / total).toBeGreaterThan(0.2);

		// The same view with every glyph range empty: whatever differs is text.
		const context = await browser.newContext({ viewport: page.viewportSize()! });
		const bare = await context.newPage();
		await bare.route('**/generated/glyphs/**', (route) =>
			route.fulfill({ status: 200, body: Buffer.alloc(0) })
		);
		await bare.goto('/');
		await waitForMap(bare);
		const without = await decodePng(await mapRegion(bare).locator('canvas').screenshot());
		await context.close();

		let differing = 0;
		let labelColoured = 0;
		const [lr, lg, lb] = [1, 3, 5].map((i) => parseInt(BASEMAP_COLOURS.label.slice(i, i + 2), 16));
		for (let i = 0; i < withText.pixels.length; i += 4) {
			const d =
				Math.abs(withText.pixels[i] - without.pixels[i]) +
				Math.abs(withText.pixels[i + 1] - without.pixels[i + 1]);
			if (d > 30) {
				differing++;
				const p = withText.pixels;
				if (Math.hypot(p[i] - lr, p[i + 1] - lg, p[i + 2] - lb) < 60) labelColoured++;
			}
		}
		// Country names are hundreds of pixels of text in the label colour.
		expect(differing).toBeGreaterThan(500);
		expect(labelColoured).toBeGreaterThan(200);
	});
});
