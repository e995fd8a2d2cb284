import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { BASE_PATH } from '../../playwright.config';
import {
	drawnLabels,
	mapSettled,
	overlapping,
	scrollToStep,
	stepIds,
	watchErrors,
	watchShifts
} from './helpers';

/**
 * The Urdu and Pashto editions: what the English edition guarantees holds for each, right to
 * left. (Their text is checked against the English at build time; see translation.test.ts.)
 */
const SITE_ORIGIN = process.env.PUBLIC_SITE_ORIGIN || 'https://graphics.example-news.org';
const EDITIONS = [
	{ lang: 'ur', name: 'اردو', headline: /پاکستان اور افغان طالبان/, digits: /[0-9]/ },
	{ lang: 'ps', name: 'پښتو', headline: /پاکستان/, digits: /[۰-۹]/ }
] as const;

test('the English page lists its editions, each in its own language', async ({ page }) => {
	await page.goto('./');
	const switcher = page.locator('nav.editions');
	await expect(switcher.locator('a[aria-current="page"]')).toHaveText('English');
	for (const { lang, name } of EDITIONS) {
		const link = switcher.locator(`a[hreflang="${lang}"]`);
		await expect(link).toHaveText(name);
		await expect(link).toHaveAttribute('href', `${BASE_PATH}/${lang}/`);
		await expect(page.locator(`link[rel="alternate"][hreflang="${lang}"]`)).toHaveAttribute(
			'href',
			`${SITE_ORIGIN}${BASE_PATH}/${lang}/`
		);
	}
});

/**
 * The map's labels at the step on screen, as drawn: each in the edition's script (Latin letters
 * only inside a translated note), right to left, in the map font; both countries and the border
 * named; and, drawn in the font their boxes were measured in, clear of each other and of the
 * markers. Returns the labels' ids.
 */
async function expectEditionLabels(page: Page, where: string): Promise<string[]> {
	await expect(page.locator('figure.story-map g.labels')).not.toHaveClass(/hidden/);
	const { labels, markers, direction, font } = await drawnLabels(page);
	const ids = labels.map((l) => l.id);
	expect(ids, where).toEqual(expect.arrayContaining(['country:AFG', 'country:PAK', 'durand']));
	expect(direction, where).toBe('rtl');
	expect(font.family, where).toBe('Noto Naskh Arabic');
	for (const l of labels) {
		expect(l.text, `${where}: ${l.id}`).toMatch(/\p{Script=Arabic}/u);
		if (!l.id.startsWith('note:')) expect(l.text, `${where}: ${l.id}`).not.toMatch(/[A-Za-z]/);
	}
	// The boxes were measured in Noto Naskh Arabic (mapText.ts): in another font they may touch.
	if (!font.declared) {
		test.info().annotations.push({
			type: 'not checked',
			description: `${where}: the page declares no 'Noto Naskh Arabic' face, so overlaps are not checked`
		});
		return ids;
	}
	expect(font.loaded, `${where}: Noto Naskh Arabic loaded`).toBe(true);
	expect(overlapping(labels, markers), where).toEqual([]);
	return ids;
}

for (const { lang, name, headline, digits } of EDITIONS) {
	test.describe(`the ${lang} edition`, () => {
		test('is a right-to-left page in its language, linked both ways to the others', async ({
			page
		}) => {
			await page.goto(`${lang}/`);
			await expect(page.locator('html')).toHaveAttribute('lang', lang);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.locator('h1')).toHaveText(headline);
			await expect(page.locator('nav.editions a[aria-current="page"]')).toHaveText(name);
			await expect(page.locator('link[rel="canonical"]')).toHaveAttribute(
				'href',
				`${SITE_ORIGIN}${BASE_PATH}/${lang}/`
			);
			for (const other of ['en', 'ur', 'ps', 'x-default'])
				await expect(page.locator(`link[rel="alternate"][hreflang="${other}"]`)).toHaveCount(1);
			const jsonLd = JSON.parse(
				(await page.locator('script[type="application/ld+json"]').textContent())!
			);
			expect(jsonLd.inLanguage).toBe(lang);
			// One digit style: the reading time and the timeline's years are in the edition's digits.
			await expect(page.locator('.times')).toHaveText(digits);
			await expect(page.locator('.timeline .tick').first()).toHaveText(digits);
			// A day stays on the line of its month, a count on the line of its unit: in the cards'
			// text a number and the word after it are joined by a no-break space.
			const broken = await page.locator('.scrolly .step .card').evaluateAll((cards) =>
				cards.flatMap((card) => {
					const found: string[] = [];
					const walk = document.createTreeWalker(card, NodeFilter.SHOW_TEXT);
					for (let n = walk.nextNode(); n; n = walk.nextNode())
						if (
							!n.parentElement?.closest('sup, .visually-hidden') &&
							/\p{Nd} \p{L}/u.test(n.textContent ?? '')
						)
							found.push(n.textContent ?? '');
					return found;
				})
			);
			expect(broken).toEqual([]);
		});

		test('the text column stands on the right, the map on the left, with no sideways scroll', async ({
			page
		}, testInfo) => {
			await page.goto(`${lang}/`);
			const width = await page.evaluate(() => document.documentElement.clientWidth);
			expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBe(width);
			if (testInfo.project.name !== 'desktop') return;
			const card = (await page.locator('.scrolly .step .card').first().boundingBox())!;
			const map = (await page.locator('figure.story-map').boundingBox())!;
			expect(map.x + map.width).toBeLessThanOrEqual(card.x + 1);
			expect(card.x + card.width).toBeGreaterThan(width * 0.8);
		});

		test('the map follows the steps, and a deep link opens its step', async ({ page }) => {
			test.setTimeout(90_000);
			const { csp, errors } = await watchErrors(page);
			await page.goto(`${lang}/`);
			await mapSettled(page);
			const ids = await stepIds(page);
			// The map speaks the edition's language: names from its table, laid out as measured.
			const first = await expectEditionLabels(page, `${lang} ${ids[0]}`);
			expect(first.filter((l) => l.startsWith('province:')).length).toBeGreaterThan(0);
			const middle = ids[Math.floor(ids.length / 2)]!;
			await scrollToStep(page, middle);
			await expect(page.locator('figure.story-map')).toHaveAttribute('data-step', middle);
			await mapSettled(page);
			await expectEditionLabels(page, `${lang} ${middle}`);
			const last = ids.at(-1)!;
			await page.goto(`${lang}/#${last}`);
			await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', last);
			await mapSettled(page);
			await expectEditionLabels(page, `${lang} ${last}`);
			// Every province named, at the regional scale.
			await page.goto(`${lang}/#crss-2023`);
			await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', 'crss-2023');
			await mapSettled(page);
			const all = await expectEditionLabels(page, `${lang} crss-2023`);
			expect(all.filter((l) => l.startsWith('province:')).length).toBeGreaterThan(10);
			expect(await csp()).toEqual([]);
			expect(errors).toEqual([]);
		});

		test('the map changes with the steps without a layout shift', async ({ page }) => {
			test.setTimeout(90_000);
			const shifts = await watchShifts(page, 'figure.story-map');
			await page.goto(`${lang}/`);
			await mapSettled(page);
			const ids = await stepIds(page);
			for (const id of ids.slice(0, 14)) {
				await scrollToStep(page, id);
				await mapSettled(page);
			}
			expect(await shifts(), 'parts of the map that moved').toEqual([]);
		});

		test('has no axe violations (WCAG 2.2 A and AA)', async ({ page }) => {
			test.setTimeout(90_000);
			await page.goto(`${lang}/`);
			await mapSettled(page);
			const { violations } = await new AxeBuilder({ page })
				.withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'])
				.analyze();
			expect(violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target).join(' ')}`)).toEqual(
				[]
			);
		});

		test('its embed cards and static maps are in the edition', async ({ page, request }) => {
			await page.goto(`${lang}/`);
			const [first] = await stepIds(page);
			await page.goto(`${lang}/embed/${first}/`);
			await expect(page.locator('html')).toHaveAttribute('dir', 'rtl');
			await expect(page.locator('.embed-card a')).toHaveAttribute(
				'href',
				`${SITE_ORIGIN}${BASE_PATH}/${lang}/#${first}`
			);
			const svg = await request.get(`${lang}/maps/${first}.svg`);
			expect(svg.ok()).toBe(true);
			const png = await request.get(`${lang}/share.png`);
			expect(png.headers()['content-type']).toBe('image/png');
		});
	});
}

test.describe('Urdu type', () => {
	const fontOf = (page: Page, selector: string) =>
		page
			.locator(selector)
			.first()
			.evaluate((el) => getComputedStyle(el).fontFamily);
	/** The URLs of the Nastaliq file the page requests from now on. */
	const nastaliqRequests = (page: Page) => {
		const urls: string[] = [];
		page.on('request', (r) => {
			if (/nastaliq/i.test(r.url())) urls.push(r.url());
		});
		return urls;
	};

	test('the first view is set in Naskh and does not wait for Nastaliq; the steps are in Nastaliq once the page has painted', async ({
		page
	}) => {
		const nastaliq = nastaliqRequests(page);
		await page.goto('./ur/');
		await expect(page.locator('link[rel="preload"][href*="nastaliq"]')).toHaveCount(0);
		expect(await fontOf(page, 'header .dek')).toMatch(/^"?Noto Naskh Arabic/);
		expect(await fontOf(page, 'h1')).toMatch(/^"?Noto Naskh Arabic/);
		await expect(page.locator('html')).toHaveAttribute('data-fonts', 'all');
		expect(await fontOf(page, '.step .card p:not(.date)')).toMatch(/^"?Noto Nastaliq Urdu/);
		await expect
			.poll(() => page.evaluate(() => document.fonts.check('16px "Noto Nastaliq Urdu"', 'پاکستان')))
			.toBe(true);
		expect(nastaliq).toHaveLength(1);
		// The header keeps its face: Nastaliq arriving moves nothing on the first view.
		expect(await fontOf(page, 'header .dek')).toMatch(/^"?Noto Naskh Arabic/);
	});

	test.describe('without JavaScript', () => {
		test.use({ javaScriptEnabled: false });
		test('the Urdu steps are readable in Naskh and Nastaliq is never fetched', async ({ page }) => {
			const nastaliq = nastaliqRequests(page);
			await page.goto('./ur/');
			await page.locator('.step').nth(1).scrollIntoViewIfNeeded();
			expect(await fontOf(page, '.step .card p:not(.date)')).toMatch(/^"?Noto Naskh Arabic/);
			expect(nastaliq).toHaveLength(0);
		});
	});
});
