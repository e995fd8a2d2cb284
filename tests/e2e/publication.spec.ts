import { execFileSync } from 'node:child_process';
import { expect, test, type Page } from '@playwright/test';
import { BASE_PATH } from '../../playwright.config';
import { PALETTE } from '../../src/lib/map/palette';
import { mapSettled, scrollToStep, stepIds, watchErrors } from './helpers';

/** The build's default site origin (src/lib/article/site.ts) unless the run sets another. */
const SITE_ORIGIN = process.env.PUBLIC_SITE_ORIGIN || 'https://graphics.example-news.org';
const STORY_URL = `${SITE_ORIGIN}${BASE_PATH}/`;

const meta = (page: Page, key: string) =>
	page.locator(`meta[property="${key}"], meta[name="${key}"]`).getAttribute('content');

test.describe('publication', () => {
	test('title, description, canonical, Open Graph, Twitter and NewsArticle JSON-LD', async ({
		page
	}) => {
		await page.goto('./');
		const headline = (await page.locator('h1').textContent())?.trim() ?? '';
		expect(headline.length).toBeGreaterThan(20);
		await expect(page).toHaveTitle(
			new RegExp(`^${headline.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`)
		);
		const description = await meta(page, 'description');
		expect(description?.length).toBeGreaterThan(50);
		expect(await page.locator('link[rel="canonical"]').getAttribute('href')).toBe(STORY_URL);

		expect(await meta(page, 'og:type')).toBe('article');
		expect(await meta(page, 'og:title')).toBe(headline);
		expect(await meta(page, 'og:description')).toBe(description);
		expect(await meta(page, 'og:url')).toBe(STORY_URL);
		expect(await meta(page, 'og:image')).toBe(`${STORY_URL}share.png`);
		expect(await meta(page, 'og:image:width')).toBe('1200');
		expect(await meta(page, 'og:image:height')).toBe('630');
		expect(await meta(page, 'og:image:alt')).toBeTruthy();
		expect(await meta(page, 'twitter:card')).toBe('summary_large_image');
		expect(await meta(page, 'twitter:image')).toBe(`${STORY_URL}share.png`);

		const published = await page.locator('.masthead time').first().getAttribute('datetime');
		expect(await meta(page, 'article:published_time')).toBe(published);

		const blocks = await page.locator('script[type="application/ld+json"]').allTextContents();
		expect(blocks).toHaveLength(1);
		const ld = JSON.parse(blocks[0]!);
		expect(ld['@context']).toBe('https://schema.org');
		expect(ld['@type']).toBe('NewsArticle');
		expect(ld.headline).toBe(headline);
		expect(ld.url).toBe(STORY_URL);
		expect(ld.mainEntityOfPage['@id']).toBe(STORY_URL);
		expect(ld.datePublished).toBe(published);
		expect(Date.parse(ld.dateModified)).toBeGreaterThanOrEqual(Date.parse(ld.datePublished));
		expect(ld.author.length).toBeGreaterThan(0);
		expect(ld.author[0].name).toBeTruthy();
		expect(ld.publisher['@type']).toBe('Organization');
		expect(ld.publisher.name).toBeTruthy();
		expect(ld.image[0].url).toBe(`${STORY_URL}share.png`);
		expect([ld.image[0].width, ld.image[0].height]).toEqual([1200, 630]);
	});

	test('article furniture: dateline, times, reading time, corrections, credits, methodology', async ({
		page
	}) => {
		await page.goto('./');
		const header = page.locator('header.masthead');
		await expect(header.locator('.byline')).toHaveText(/^By \S/);
		await expect(header.locator('.dateline')).not.toBeEmpty();
		for (const datetime of await header
			.locator('time')
			.evaluateAll((t) => t.map((e) => e.getAttribute('datetime') ?? '')))
			expect(datetime).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2})?(Z|[+-]\d{2}:\d{2})$/);
		const minutes = Number(
			(await header.locator('.times').textContent())?.match(/(\d+) min read/)?.[1]
		);
		// Reading time is computed from the story's own words (≈230 a minute).
		const words = await page
			.locator('.scrolly .step .card p:not(.date):not(.visually-hidden)')
			.evaluateAll(
				(ps) =>
					ps
						.map((p) => p.textContent ?? '')
						.join(' ')
						.split(/\s+/).length
			);
		expect(minutes).toBeGreaterThanOrEqual(Math.floor(words / 230));
		expect(minutes).toBeLessThanOrEqual(Math.ceil(words / 230) + 2);

		await expect(page.locator('#corrections h2')).toHaveText('Corrections and updates');
		for (const line of await page.locator('#corrections li').allTextContents())
			expect(line.trim()).toMatch(/^(Correction|Update), \d{1,2} \w+ \d{4}: \S/);
		await expect(page.locator('#credits dt').first()).toBeVisible();
		await expect(page.locator('#about p').first()).not.toBeEmpty();
		// The data table comes from static/data/provenance.json at build time.
		const provenance = (await (await page.request.get('data/provenance.json')).json()) as {
			inputs: { what: string; licence: string }[];
		};
		const rows = page.locator('#about tbody tr');
		await expect(rows).toHaveCount(provenance.inputs.length);
		await expect(rows.first().locator('th')).toHaveText(provenance.inputs[0]!.what);
		await expect(rows.first().locator('td').last()).toHaveText(provenance.inputs[0]!.licence);
	});

	test('every citation links to its source, and every source links back', async ({ page }) => {
		await page.goto('./');
		const cites = await page
			.locator('sup.cite a')
			.evaluateAll((as) => as.map((a) => ({ href: a.getAttribute('href')!, id: a.id })));
		expect(cites.length).toBeGreaterThan(10);
		for (const c of cites) {
			expect(c.id, `citation ${c.href} has an id to come back to`).toMatch(/^cite-/);
			await expect(page.locator(`li[id="${c.href.slice(1)}"]`)).toHaveCount(1);
		}
		const citeIds = new Set(cites.map((c) => c.id));
		const sources = page.locator('.sources li');
		const n = await sources.count();
		expect(n).toBeGreaterThan(5);
		for (let i = 0; i < n; i++) {
			const li = sources.nth(i);
			await expect(li.locator('.outlet')).not.toBeEmpty();
			await expect(li.locator('.title')).not.toBeEmpty();
			for (const href of await li
				.locator('a.back')
				.evaluateAll((as) => as.map((a) => a.getAttribute('href')!)))
				expect(citeIds.has(href.slice(1)), `${href} is a citation`).toBe(true);
		}
		// Every citation is reachable back from its source.
		const backs = await page
			.locator('.sources a.back')
			.evaluateAll((as) => as.map((a) => a.getAttribute('href')!.slice(1)));
		expect(new Set(backs)).toEqual(citeIds);

		// A round trip, as a reader does it.
		const first = page.locator('sup.cite a').first();
		const target = (await first.getAttribute('href'))!;
		await first.click();
		await expect(page).toHaveURL(new RegExp(`${target}$`));
		await expect(page.locator(`li[id="${target.slice(1)}"]`)).toBeInViewport();
		await page
			.locator(`li[id="${target.slice(1)}"] a.back`)
			.first()
			.click();
		await expect(first).toBeInViewport();
	});

	test('share image is a 1200×630 PNG rendered from the map', async ({ page, request }) => {
		const res = await request.get('share.png');
		expect(res.status()).toBe(200);
		expect(res.headers()['content-type']).toContain('image/png');
		const png = await res.body();
		expect(png.subarray(0, 8).toString('hex')).toBe('89504e470d0a1a0a');
		expect(png.toString('ascii', 12, 16)).toBe('IHDR');
		expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1200, 630]);

		// Decode it in the browser and look at the pixels.
		await page.goto('share.png');
		const stats = await page.evaluate(
			async ({ palette }) => {
				const img = document.querySelector('img')!;
				await img.decode();
				const canvas = document.createElement('canvas');
				canvas.width = img.naturalWidth;
				canvas.height = img.naturalHeight;
				const ctx = canvas.getContext('2d')!;
				ctx.drawImage(img, 0, 0);
				const { data } = ctx.getImageData(0, 0, canvas.width, canvas.height);
				const hex = (c: string) => [1, 3, 5].map((i) => parseInt(c.slice(i, i + 2), 16));
				const near = (i: number, rgb: number[]) =>
					Math.abs(data[i]! - rgb[0]!) +
						Math.abs(data[i + 1]! - rgb[1]!) +
						Math.abs(data[i + 2]! - rgb[2]!) <=
					6;
				const colours = new Set<number>();
				const share: Record<string, number> = {};
				const keys = ['sea', 'land', 'landAfg', 'landOther', 'highlight'] as const;
				let dark = 0;
				for (let i = 0; i < data.length; i += 4) {
					colours.add((data[i]! << 16) | (data[i + 1]! << 8) | data[i + 2]!);
					for (const k of keys) if (near(i, hex(palette[k]))) share[k] = (share[k] ?? 0) + 1;
					const x = (i / 4) % canvas.width;
					if (x < 460 && data[i]! + data[i + 1]! + data[i + 2]! < 200) dark++;
				}
				const total = data.length / 4;
				for (const k of Object.keys(share)) share[k] = share[k]! / total;
				return { colours: colours.size, share, dark: dark / (460 * canvas.height) };
			},
			{ palette: PALETTE }
		);
		// A real render: anti-aliased shapes and text give thousands of colours …
		expect(stats.colours).toBeGreaterThan(1000);
		// … the map's own land colours cover a good part of it …
		const land =
			(stats.share.land ?? 0) +
			(stats.share.landAfg ?? 0) +
			(stats.share.landOther ?? 0) +
			(stats.share.highlight ?? 0);
		expect(land).toBeGreaterThan(0.1);
		// … and the headline is set in dark ink on the left panel.
		expect(stats.dark).toBeGreaterThan(0.015);
	});

	test('an embed card inside an iframe resizes the iframe to its content', async ({ page }) => {
		await page.goto('./');
		const id = (await stepIds(page))[3]!;
		const origin = new URL(page.url()).origin;
		const host = `${origin}/__embed-host.html`;
		await page.route(host, (route) =>
			route.fulfill({
				contentType: 'text/html',
				body: `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Host</title>
<meta name="viewport" content="width=device-width, initial-scale=1"></head>
<body style="margin:0"><p>CMS article text above the embed.</p>
<div id="slot" data-frame-src="${BASE_PATH}/embed/${id}/"></div>
<p id="after">Text after the embed.</p>
<script src="${BASE_PATH}/embed/host.js"></script></body></html>`
			})
		);
		const { csp, errors } = await watchErrors(page);
		await page.goto(host);
		const iframe = page.locator('#slot iframe');
		await expect(iframe).toHaveAttribute('src', `${BASE_PATH}/embed/${id}/`);
		const frame = page.frameLocator('#slot iframe');
		await expect(frame.locator(`figure.embed-card[data-step="${id}"]`)).toBeVisible();
		await expect(frame.locator('.map svg')).toBeVisible();
		await expect(frame.locator('figcaption .credit')).toContainText('Natural Earth');

		const contentHeight = () =>
			page
				.frames()
				.find((f) => f.url().includes(`/embed/${id}/`))!
				.evaluate(() => document.documentElement.offsetHeight);
		// The iframe's height attribute follows the card (default iframe height is 150).
		await expect
			.poll(async () => Number(await iframe.getAttribute('height')) - (await contentHeight()))
			.toBe(0);
		const before = Number(await iframe.getAttribute('height'));
		expect(before).toBeGreaterThan(300);
		// A narrower column makes a shorter map and a longer caption: the iframe follows.
		const size = page.viewportSize()!;
		await page.setViewportSize({ width: size.width > 600 ? 420 : 320, height: size.height });
		await expect
			.poll(async () => Number(await iframe.getAttribute('height')) - (await contentHeight()))
			.toBe(0);
		expect(Number(await iframe.getAttribute('height'))).not.toBe(before);
		const box = (await iframe.boundingBox())!;
		expect(Math.abs(box.height - Number(await iframe.getAttribute('height')))).toBeLessThanOrEqual(
			1
		);

		const frameCsp = await page
			.frames()
			.find((f) => f.url().includes(`/embed/${id}/`))!
			.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
		expect(frameCsp).toEqual([]);
		expect(await csp()).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('no request leaves the site during a full scroll-through; fonts are self-hosted latin', async ({
		page
	}) => {
		test.setTimeout(180_000);
		const requests: string[] = [];
		page.on('request', (r) => requests.push(r.url()));
		await page.goto('./');
		const origin = new URL(page.url()).origin;
		await mapSettled(page);
		for (const id of await stepIds(page)) await scrollToStep(page, id);
		await page.locator('#credits').scrollIntoViewIfNeeded();
		await page.waitForLoadState('networkidle');
		const external = requests.filter((u) => !u.startsWith('data:') && new URL(u).origin !== origin);
		expect(external).toEqual([]);
		const fonts = requests.filter((u) => /\.(woff2?|ttf|otf)(\?|$)/.test(u));
		expect(fonts.length).toBeGreaterThan(0);
		for (const f of fonts) expect(f).toMatch(/-latin-\d00-(normal|italic)\.[\w-]+\.woff2$/);
		// The first view's fonts are preloaded.
		const preloaded = await page
			.locator('link[rel="preload"][as="font"]')
			.evaluateAll((ls) => ls.map((l) => (l as HTMLLinkElement).href));
		expect(preloaded.length).toBeGreaterThanOrEqual(2);
		for (const p of preloaded) expect(fonts).toContain(p);
	});

	test('strict CSP is present and nothing violates it while the story is read', async ({
		page
	}) => {
		test.setTimeout(120_000);
		const { csp, errors } = await watchErrors(page);
		await page.goto('./');
		const policy = (await page
			.locator('meta[http-equiv="content-security-policy"]')
			.getAttribute('content'))!;
		const directives = Object.fromEntries(
			policy.split(';').map((d) => {
				const [name, ...values] = d.trim().split(/\s+/);
				return [name, values];
			})
		);
		expect(directives['default-src']).toEqual(["'self'"]);
		expect(directives['object-src']).toEqual(["'none'"]);
		expect(directives['base-uri']).toEqual(["'self'"]);
		expect(directives['script-src']![0]).toBe("'self'");
		expect(directives['script-src']!.slice(1).every((s: string) => s.startsWith("'sha256-"))).toBe(
			true
		);
		expect(directives['style-src']).toEqual(["'self'"]);
		expect(directives['connect-src']).toContain("'self'");
		expect(policy).not.toMatch(/unsafe-eval|\*/);

		await mapSettled(page);
		await expect(page.locator('figure.story-map svg').first()).toBeVisible();
		const ids = await stepIds(page);
		for (const id of [ids[1]!, ids[Math.floor(ids.length / 2)]!, ids.at(-1)!])
			await scrollToStep(page, id);
		await mapSettled(page);
		await page.locator('#credits').scrollIntoViewIfNeeded();
		expect(await csp()).toEqual([]);
		expect(errors).toEqual([]);

		await page.goto(`embed/${ids[0]}/`);
		await expect(page.locator('meta[http-equiv="content-security-policy"]')).toHaveCount(1);
		await expect(page.locator('.map svg')).toBeVisible();
		expect(await csp()).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('first view does not shift when fonts and the map load', async ({ page }) => {
		await page.addInitScript(() => {
			const w = window as unknown as { __cls: number };
			w.__cls = 0;
			new PerformanceObserver((list) => {
				for (const e of list.getEntries() as (PerformanceEntry & {
					value: number;
					hadRecentInput: boolean;
				})[])
					if (!e.hadRecentInput) w.__cls += e.value;
			}).observe({ type: 'layout-shift', buffered: true });
		});
		await page.goto('./');
		await mapSettled(page);
		await page.evaluate(() => document.fonts.ready);
		await page.waitForTimeout(500);
		const cls = await page.evaluate(() => (window as unknown as { __cls: number }).__cls);
		expect(cls).toBeLessThan(0.02);
	});

	test('print: text, sources and one static map per chapter, no live map', async ({ page }) => {
		await page.goto('./');
		const maps = page.locator('.print-map');
		const chapters = await page.locator('.scrolly .chapter').count();
		test.skip(
			(await maps.count()) === 0,
			'StepCard does not render ChapterMap yet (see src/lib/article/ChapterMap.svelte)'
		);
		await expect(maps).toHaveCount(chapters);
		await expect(maps.first()).toBeHidden();
		await page.emulateMedia({ media: 'print' });
		await page.evaluate(() => window.dispatchEvent(new Event('beforeprint')));
		await expect(page.locator('figure.story-map')).toBeHidden();
		await expect(maps.first()).toBeVisible();
		await expect(page.locator('.sources li').first()).toBeVisible();
		for (const img of await maps.locator('img').all()) {
			await expect(img).toHaveAttribute('src', new RegExp(`^${BASE_PATH}/maps/[\\w-]+\\.svg$`));
			await expect
				.poll(() => img.evaluate((i: HTMLImageElement) => i.complete && i.naturalWidth > 0))
				.toBe(true);
		}
	});

	// eslint-disable-next-line no-empty-pattern -- Playwright needs the fixtures argument
	test('the prerendered HTML passes the Nu Html Checker', async ({}, testInfo) => {
		test.skip(testInfo.project.name !== 'desktop', 'the build is the same for every project');
		test.setTimeout(120_000);
		let output = '';
		try {
			output = execFileSync('node', ['scripts/validate-html.js', 'build'], { encoding: 'utf8' });
		} catch (e) {
			const err = e as { stdout?: string; stderr?: string };
			throw new Error(`Nu Html Checker failed:\n${err.stdout ?? ''}${err.stderr ?? ''}`);
		}
		expect(output).toMatch(/files valid/);
	});
});
