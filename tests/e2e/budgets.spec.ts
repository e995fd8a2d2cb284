import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { expect, test } from '@playwright/test';
import { PROVENANCE_FILE } from '../../src/lib/map/dataFiles';

/**
 * Budgets that are cheap to enforce on every test run, read from the build the browser tests
 * serve. Timing budgets (Lighthouse, frames while scrolling) are measured by `npm run bench`.
 */
// KB of 1000 bytes, as `npm run bench` counts them.
const JS_BUDGET = 40_000;
const EMBED_BUDGET = 25_000;
/** Fonts a first view loads, by edition: Urdu's Nastaliq face alone is about 107 KB subset. */
const FONT_BUDGET = { '': 60_000, 'ur/': 150_000, 'ps/': 60_000 };
const BUILD = 'build';

const gz = (b: Buffer | string) => gzipSync(b, { level: 9 }).length;
const files = (dir: string): string[] =>
	readdirSync(dir, { recursive: true, encoding: 'utf8' }).map((f) => join(dir, f));

test.describe('budgets', () => {
	// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument
	test.beforeEach(({}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'reads the build once, not per device');
	});

	test('the story page’s first-load JavaScript is one island and its label worker, at most 40 KB gzip', async ({
		request,
		baseURL
	}) => {
		const html = await (await request.get('./')).text();
		const scripts = [...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)].map((m) => m[1]!);
		expect(scripts, 'one script: the map island').toHaveLength(1);
		expect(html).not.toMatch(/modulepreload/);
		// The island's modules, found as the bundler writes them: its entry, the chunks it imports
		// (statically or once the page has loaded), and the worker it starts at once.
		const seen = new Map<string, Buffer>();
		const workers: string[] = [];
		const visit = async (href: string): Promise<void> => {
			if (seen.has(href)) return;
			const res = await request.get(href);
			expect(res.ok(), href).toBe(true);
			const body = await res.body();
			seen.set(href, body);
			const code = body.toString('utf8');
			for (const m of code.matchAll(/new URL\("([^"]+\.js)",import\.meta\.url\)/g))
				workers.push(new URL(m[1]!, href).href);
			for (const m of code.matchAll(/(?:\bimport\(|\bfrom)\s*"(\.{1,2}\/[^"]+\.js)"/g))
				await visit(new URL(m[1]!, href).href);
		};
		await visit(new URL(scripts[0]!, baseURL).href);
		expect(new Set(workers).size, 'one label worker').toBe(1);
		for (const src of new Set(workers)) await visit(src);
		const total = [...seen.values()].reduce((sum, body) => sum + gz(body), 0);
		expect(total).toBeLessThanOrEqual(JS_BUDGET);
	});

	test('no story prose is in any JavaScript file, and no page data file is published', () => {
		// Runs of plain words from the story document's paragraphs (steps, methodology,
		// corrections) and the map data's provenance notes: 50 characters of letters and spaces
		// are specific to the story's prose.
		const paragraphs = readFileSync('src/content/story.aml', 'utf8')
			.split('\n')
			.filter((l) => l.startsWith('* ') || /^(text|note|description|dek): /.test(l))
			.join(' ');
		const provenance = JSON.stringify(JSON.parse(readFileSync(PROVENANCE_FILE, 'utf8')));
		const runs = [
			...new Set(
				[...(paragraphs + ' ' + provenance).matchAll(/[A-Za-z][A-Za-z ,]{49}/g)].map((m) => m[0])
			)
		];
		expect(runs.length).toBeGreaterThan(100);
		const all = files(BUILD);
		const js = all.filter((f) => f.endsWith('.js'));
		expect(js.length).toBeGreaterThan(0);
		for (const f of js) {
			const code = readFileSync(f, 'utf8');
			expect(
				runs.filter((s) => code.includes(s)),
				f
			).toEqual([]);
		}
		expect(all.filter((f) => f.endsWith('__data.json'))).toEqual([]);
	});

	test('every embed card is at most 25 KB gzip with its styles and script', async ({ request }) => {
		const cards = files(join(BUILD, 'embed')).filter((f) => f.endsWith('index.html'));
		expect(cards.length).toBeGreaterThan(10);
		const assets = new Map<string, number>();
		for (const card of cards) {
			const html = readFileSync(card, 'utf8');
			let total = gz(html);
			const linked = [
				...html.matchAll(/<link\b[^>]*rel="stylesheet"[^>]*href="([^"]+)"/g),
				...html.matchAll(/<link\b[^>]*href="([^"]+)"[^>]*rel="stylesheet"/g),
				...html.matchAll(/<script\b[^>]*\bsrc="([^"]+)"/g)
			].map((m) => m[1]!);
			for (const url of new Set(linked)) {
				if (!assets.has(url)) assets.set(url, gz(await (await request.get(url)).body()));
				total += assets.get(url)!;
			}
			expect(total, card).toBeLessThanOrEqual(EMBED_BUDGET);
		}
	});

	for (const [path, budget] of Object.entries(FONT_BUDGET)) {
		test(`the fonts the ${path ? `${path} ` : 'English '}page loads are at most ${budget / 1000} KB, the first view’s preloaded`, async ({
			page
		}) => {
			const fonts = new Map<string, number>();
			const requested = new Map<string, number>();
			page.on('response', async (res) => {
				if (res.request().resourceType() !== 'font') return;
				const path = new URL(res.url()).pathname;
				requested.set(path, res.request().timing().startTime);
				fonts.set(path, (await res.body()).length);
			});
			await page.goto(`./${path}`, { waitUntil: 'load' });
			// Every face, including those asked for once the page has painted (data-fonts="all").
			await expect(page.locator('html')).toHaveAttribute('data-fonts', 'all');
			await page.evaluate(() => document.fonts.ready);
			await expect.poll(() => fonts.size).toBeGreaterThan(0);
			if (path === 'ur/')
				await expect.poll(() => [...fonts.keys()].some((f) => /nastaliq/.test(f))).toBe(true);
			const total = [...fonts.values()].reduce((a, b) => a + b, 0);
			expect(total, [...fonts.keys()].join('\n')).toBeLessThanOrEqual(budget);
			// Every face the first view uses was asked for before the CSS found it: none swaps in
			// late. The one face fetched without a preload is Urdu's Nastaliq, which the page asks
			// for only once it has painted (src/editions.css), so it never holds up the first view.
			const preloaded = await page
				.locator('link[rel="preload"][as="font"]')
				.evaluateAll((links) => links.map((l) => new URL((l as HTMLLinkElement).href).pathname));
			const late = [...fonts.keys()].filter((f) => !preloaded.includes(f));
			expect(late.filter((f) => !(path === 'ur/' && /nastaliq/.test(f)))).toEqual([]);
			if (late.length) {
				const firstPaint = await page.evaluate(
					() =>
						new Promise<number>((resolve) =>
							new PerformanceObserver((list) =>
								resolve(performance.timeOrigin + list.getEntries()[0]!.startTime)
							).observe({ type: 'largest-contentful-paint', buffered: true })
						)
				);
				for (const f of late) expect(requested.get(f)!, f).toBeGreaterThan(firstPaint);
			}
		});
	}
});
