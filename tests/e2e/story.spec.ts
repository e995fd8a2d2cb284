import { expect, test } from '@playwright/test';
import { mapSettled, overlap, scrollToStep, stepIds, watchShifts, type Box } from './helpers';

test.describe('the story as a reader scrolls it', () => {
	test('loads under the base path with no failed request and no console error', async ({
		page
	}) => {
		const failures: string[] = [];
		const errors: string[] = [];
		page.on('response', (r) => {
			if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`);
		});
		page.on('requestfailed', (r) => failures.push(`failed ${r.url()}`));
		page.on('console', (m) => {
			if (m.type() === 'error') errors.push(m.text());
		});
		page.on('pageerror', (e) => errors.push(e.message));
		await page.goto('./');
		await expect(page.locator('h1')).toBeVisible();
		await mapSettled(page);
		expect(failures).toEqual([]);
		expect(errors).toEqual([]);
	});

	test('every step activates in turn and the map follows it; screenshots of each', async ({
		page
	}, testInfo) => {
		test.setTimeout(240_000);
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		expect(ids.length).toBeGreaterThanOrEqual(13);
		const figure = page.locator('figure.story-map');
		for (const [i, id] of ids.entries()) {
			await scrollToStep(page, id);
			await expect(figure).toHaveAttribute('data-step', id);
			await mapSettled(page);
			// The map's accessible description is the step's own description.
			const described = await page.locator(`[id="${id}"] .visually-hidden`).last().textContent();
			await expect(page.locator('#map-description')).toHaveText(
				(described ?? '').replace(/^Map: /, '')
			);
			// The step card a reader is looking at is visible and marked current.
			await expect(page.locator(`[id="${id}"]`)).toHaveAttribute('aria-current', 'step');
			// Every legend entry is shown whole, not cut off at the edge of its column (in the
			// story's own font, as readers see it once it has loaded).
			await page.evaluate(() => document.fonts.ready);
			const clipped = await page
				.locator('figure.story-map .legend li')
				.evaluateAll((els) =>
					els.filter((el) => el.scrollWidth > el.clientWidth + 1).map((el) => el.textContent)
				);
			expect(clipped, `legend entries cut off at ${id}`).toEqual([]);
			if (page.viewportSize()!.width < 720) {
				// On phones the card scrolls over the map: screenshot where a reader reads it, its
				// foot near the bottom of the screen, the map's focus kept clear above it. The step
				// is still the active one there.
				await page.locator(`[id="${id}"] .card`).evaluate((el) => {
					const r = el.getBoundingClientRect();
					const foot = Math.max(r.height, window.innerHeight * 0.97);
					window.scrollBy({ top: r.bottom - foot, behavior: 'instant' });
				});
				await expect(figure).toHaveAttribute('data-step', id);
				await mapSettled(page);
				// The places the step is about are on screen above the card, not hidden under it.
				const hidden = await page.evaluate((id) => {
					const card = document.querySelector(`[id="${id}"] .card`)!.getBoundingClientRect();
					return [...document.querySelectorAll('figure.story-map [data-marker]')]
						.filter((m) => {
							const r = m.getBoundingClientRect();
							const y = r.y + r.height / 2;
							return y > card.top || y < 0 || r.x + r.width / 2 > window.innerWidth;
						})
						.map((m) => m.getAttribute('data-marker'));
				}, id);
				expect.soft(hidden, `markers under the card at ${id}`).toEqual([]);
			}
			await page.screenshot({
				path: testInfo.outputPath(`step-${String(i + 1).padStart(2, '0')}-${id}.png`)
			});
		}
	});

	test('map labels never overlap each other or the markers, at any step', async ({ page }) => {
		test.setTimeout(240_000);
		await page.goto('./');
		await mapSettled(page);
		for (const id of await stepIds(page)) {
			await scrollToStep(page, id);
			await mapSettled(page);
			await expect(page.locator('g.labels')).not.toHaveClass(/hidden/);
			const { labels, markers } = await page.evaluate(() => {
				const box = (el: Element) => {
					const r = el.getBoundingClientRect();
					return { x: r.x, y: r.y, width: r.width, height: r.height, id: '' };
				};
				return {
					labels: [...document.querySelectorAll('figure.story-map [data-label]')].map((el) => ({
						...box(el),
						id: el.getAttribute('data-label') ?? ''
					})),
					markers: [...document.querySelectorAll('figure.story-map [data-marker]')]
						.filter((el) => !el.hasAttribute('data-approximate'))
						.map((el) => ({ ...box(el), id: el.getAttribute('data-marker') ?? '' }))
				};
			});
			expect(labels.length, `labels at ${id}`).toBeGreaterThan(0);
			// The border is named at every step as what it is: de facto, never recognised by Kabul
			// (read line by line, as the label's lines are set).
			const durand = await page
				.locator('figure.story-map [data-label="durand"]')
				.evaluateAll((els) =>
					els.map((el) =>
						[...el.querySelectorAll('tspan')].map((t) => t.textContent?.trim()).join(' ')
					)
				);
			expect.soft(durand.join(' '), `Durand label at ${id}`).toContain('never recognised by Kabul');
			// Every marked place is named: a marker without its label tells the reader nothing.
			const named = new Set(labels.map((l) => l.id));
			const unnamed = await page
				.locator('figure.story-map [data-marker]')
				.evaluateAll((els) => els.map((el) => el.getAttribute('data-marker') ?? ''));
			expect
				.soft(
					unnamed.filter((m) => !named.has(`place:${m}`)),
					`markers without a label at ${id}`
				)
				.toEqual([]);
			for (let i = 0; i < labels.length; i++) {
				const a = labels[i] as Box & { id: string };
				for (let j = i + 1; j < labels.length; j++) {
					const b = labels[j] as Box & { id: string };
					expect(overlap(a, b), `${a.id} overlaps ${b.id} at ${id}`).toBe(false);
				}
				for (const m of markers)
					expect(overlap(a, m), `${a.id} overlaps marker ${m.id} at ${id}`).toBe(false);
			}
		}
	});

	test('scrolling back up returns to earlier steps and reverses their drawing', async ({
		page
	}) => {
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		const fenceStep = await page
			.locator('.scrolly .step')
			.evaluateAll((els) => els.findIndex((e) => /\b94%/.test(e.textContent ?? '')));
		expect(fenceStep).toBeGreaterThan(0);
		await scrollToStep(page, ids[ids.length - 1] as string);
		await scrollToStep(page, ids[2] as string);
		await expect(page.locator('figure.story-map')).toHaveAttribute('data-step', ids[2] as string);
		// Inside a fence step, scrolling back shrinks the drawn fence.
		const id = ids[fenceStep] as string;
		await scrollToStep(page, id);
		// The share of the fence as painted: its dash (the path's length is 1).
		const fence = page.locator('figure.story-map [data-layer="fence"]');
		const fenceAt = () => fence.evaluate((el) => parseFloat(getComputedStyle(el).strokeDasharray));
		const step = page.locator(`[id="${id}"]`);
		// Put the scrolly's trigger line at a given share of the step's height.
		const readAt = (share: number) =>
			step.evaluate((el, share) => {
				const trigger = Number(el.closest<HTMLElement>('[data-trigger]')?.dataset.trigger);
				const r = el.getBoundingClientRect();
				window.scrollBy(0, r.top + share * r.height - window.innerHeight * trigger);
			}, share);
		await readAt(0.8);
		await expect.poll(fenceAt).toBeGreaterThan(0.5);
		const late = await fenceAt();
		await readAt(0.1);
		await expect.poll(fenceAt).toBeLessThan(late);
	});

	test('a deep link opens the story at that step with its map state', async ({ page }) => {
		await page.goto('./');
		const ids = await stepIds(page);
		const target = ids[Math.floor(ids.length * 0.7)] as string;
		await page.goto(`./#${target}`);
		await mapSettled(page);
		await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', target);
		await expect(page.locator('figure.story-map')).toHaveAttribute('data-step', target);
		const top = await page
			.locator(`[id="${target}"]`)
			.evaluate((el) => el.getBoundingClientRect().top);
		expect(Math.abs(top)).toBeLessThan(900);
	});

	test('resizing or rotating keeps the reader on the same step and re-fits the map', async ({
		page
	}) => {
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		const id = ids[Math.floor(ids.length / 2)] as string;
		await scrollToStep(page, id);
		await mapSettled(page);
		const svg = page.locator('figure.story-map svg').first();
		const before = await svg.getAttribute('viewBox');
		const size = page.viewportSize()!;
		await page.setViewportSize({ width: size.height, height: size.width });
		await expect(svg).not.toHaveAttribute('viewBox', before ?? '');
		await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', id);
		await expect(page.locator('figure.story-map')).toHaveAttribute('data-step', id);
		const vb = (await svg.getAttribute('viewBox'))!.split(' ').map(Number);
		expect(vb[2]).toBeGreaterThan(0);
		// The step the reader was on is back on screen once the resize has settled (the story
		// re-anchors 150 ms after the last resize event; the reflow first pushes the step away).
		const onScreen = () =>
			page.locator(`[id="${id}"]`).evaluate((el, height) => {
				const b = el.getBoundingClientRect();
				return b.bottom > 0 && b.top < height;
			}, size.width);
		await expect.poll(onScreen).toBe(true);
		// …and stays there, with the same step active.
		await page.waitForTimeout(400);
		expect(await onScreen()).toBe(true);
		await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', id);
	});

	test('keyboard: steps are focusable in order and the skip link jumps past the map', async ({
		page,
		isMobile
	}) => {
		test.skip(isMobile, 'keyboard navigation is checked at desktop size');
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		const skip = page.getByRole('link', { name: /skip past the map/i });
		await expect(skip).toBeVisible();
		await page.locator(`[id="${ids[0]}"]`).focus();
		await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', ids[0] as string);
		// Tab moves through the step's citation links and then to the next step.
		for (let i = 0; i < 12; i++) {
			await page.keyboard.press('Tab');
			const focused = await page.evaluate(() => document.activeElement?.id);
			if (focused === ids[1]) break;
		}
		await expect(page.locator(`[id="${ids[1]}"]`)).toBeFocused();
		await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', ids[1] as string);
		await skip.click();
		await expect(page).toHaveURL(/#after-story$/);
		await expect(page.locator('#after-story h2').first()).toBeInViewport();
		await expect(page.locator('#after-story')).toBeFocused();
	});

	test('with reduced motion, states switch instantly and drawings are shown whole', async ({
		browser,
		isMobile
	}) => {
		const context = await browser.newContext({
			reducedMotion: 'reduce',
			viewport: isMobile ? { width: 390, height: 844 } : { width: 1440, height: 900 }
		});
		const page = await context.newPage();
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		const fenceStep = await page
			.locator('.scrolly .step')
			.evaluateAll((els) => els.findIndex((e) => /\b94%/.test(e.textContent ?? '')));
		await scrollToStep(page, ids[fenceStep] as string);
		// No flight: the map is settled as soon as the step is active.
		await expect(page.locator('figure.story-map')).toHaveAttribute('data-flying', 'false');
		const fence = Number(
			await page.locator('figure.story-map svg').first().getAttribute('data-fence')
		);
		expect(fence).toBeGreaterThan(0.9);
		const drawn = await page
			.locator('figure.story-map [data-route]')
			.evaluateAll((els) => els.map((e) => Number(e.getAttribute('data-drawn'))));
		for (const d of drawn) expect(d).toBe(1);
		await context.close();
	});

	test('the map key changes without moving its rows: no layout shift as the steps change', async ({
		page
	}) => {
		const shifts = await watchShifts(page, '.legend');
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		for (const id of ids.slice(0, 16)) {
			await scrollToStep(page, id);
			await mapSettled(page);
		}
		expect(await shifts(), 'map key rows that moved').toEqual([]);
	});

	test('the steps change the base map by style, never by its paths’ presentation attributes', async ({
		page
	}) => {
		// Changing any presentation attribute of an SVG path makes the browser rebuild its
		// attribute style, path data included: on the base map's large paths that was a long
		// task at every step change and fence drawing on every scroll tick. Inline style (and
		// data attributes) leave it as it is.
		await page.addInitScript(() => {
			const w = window as unknown as { pathAttrs: string[] };
			w.pathAttrs = [];
			addEventListener('DOMContentLoaded', () => {
				const svg = document.querySelector('figure.story-map svg.map-svg');
				if (!svg) return;
				new MutationObserver((records) => {
					for (const r of records)
						if (
							r.target instanceof SVGPathElement &&
							r.attributeName !== 'style' &&
							!r.attributeName?.startsWith('data-')
						)
							w.pathAttrs.push(r.attributeName ?? '');
				}).observe(svg, { subtree: true, attributes: true });
			});
		});
		await page.goto('./');
		await mapSettled(page);
		const ids = await stepIds(page);
		const fenceStep = await page
			.locator('.scrolly .step')
			.evaluateAll((els) => els.findIndex((e) => /\b94%/.test(e.textContent ?? '')));
		for (const id of ids.slice(0, fenceStep + 1)) {
			await scrollToStep(page, id);
			await mapSettled(page);
		}
		// The steps did change the map: provinces lit, the fence drawn, zoomed strokes.
		const fence = page.locator('figure.story-map [data-layer="fence"]');
		await expect(fence).toHaveCSS('visibility', 'visible');
		const written = await page.evaluate(
			() => (window as unknown as { pathAttrs: string[] }).pathAttrs
		);
		expect([...new Set(written)], 'attributes written on base map paths').toEqual([]);
	});

	test('nothing listens to scroll events, so no scroll tick forces a layout', async ({ page }) => {
		// Reading the scroll position in a scroll listener forces the page's pending style and
		// layout into that event: scrollama registers one on the document (it read 533 ms of
		// forced layout over one phone read of the story at 4× CPU). The steps and the progress
		// come from intersection observers alone (stepObserver.ts).
		await page.goto('./');
		await mapSettled(page);
		await scrollToStep(page, (await stepIds(page))[3]!);
		await mapSettled(page);
		const cdp = await page.context().newCDPSession(page);
		const scrollListeners = async (expression: string) => {
			const { result } = await cdp.send('Runtime.evaluate', { expression });
			const { listeners } = await cdp.send('DOMDebugger.getEventListeners', {
				objectId: result.objectId!
			});
			return listeners.filter((l) => l.type === 'scroll').length;
		};
		expect(await scrollListeners('document'), 'scroll listeners on the document').toBe(0);
		expect(await scrollListeners('window'), 'scroll listeners on the window').toBe(0);
		// The steps still follow the reader.
		const last = (await stepIds(page)).at(-1)!;
		await scrollToStep(page, last);
	});

	test('the map names a step once its camera has landed, never while it flies', async ({
		page
	}) => {
		// The words are hidden while the camera flies; building and laying them out then was work
		// for nobody, at every step a reader scrolls past. They wait for the landing, and the last
		// step's words stay hidden until the new ones are in.
		await page.goto('./');
		await mapSettled(page);
		await page.evaluate(() => {
			const figure = document.querySelector<HTMLElement>('figure.story-map')!;
			const log: string[] = [];
			Object.assign(window, { wordsLog: log });
			new MutationObserver(() =>
				log.push(`flying=${figure.dataset.flying} labels=${figure.dataset.labels}`)
			).observe(figure, { attributes: true, attributeFilter: ['data-flying'] });
			new MutationObserver(() => log.push(`words built, flying=${figure.dataset.flying}`)).observe(
				figure.querySelector('svg.map-labels')!,
				{ childList: true, subtree: true, characterData: true }
			);
		});
		const from = await page.locator('svg.map-svg').getAttribute('data-zoom');
		await scrollToStep(page, 'rise-convoy');
		await mapSettled(page);
		expect(await page.locator('svg.map-svg').getAttribute('data-zoom')).not.toBe(from);
		const log = await page.evaluate(() => (window as unknown as { wordsLog: string[] }).wordsLog);
		expect(log, 'the camera flew').toContain('flying=true labels=placed');
		expect(log.filter((l) => l === 'words built, flying=true')).toEqual([]);
		expect(log, 'landed with the last words hidden').toContain('flying=false labels=pending');
		expect(log.at(-1)).toBe('words built, flying=false');
		await expect(page.locator('svg.map-labels [data-label]').first()).toBeVisible();
	});

	test('if the map island cannot be loaded, the map says so and the story stays readable', async ({
		page
	}) => {
		await page.route('**/_app/immutable/island/**', (route) => route.fulfill({ status: 404 }));
		await page.goto('./');
		const figure = page.locator('figure.story-map');
		// The opening map is there without the island, and the figure says it will not follow.
		await expect(figure.locator('[data-marker]').first()).toBeAttached();
		await expect(figure).toHaveAttribute('data-status', 'static');
		await expect(figure.locator('.notice')).toBeVisible({ timeout: 10_000 });
		await expect(figure.locator('.notice')).toContainText(/could not start/);
		const ids = await stepIds(page);
		await page.locator(`[id="${ids[3]}"]`).scrollIntoViewIfNeeded();
		await expect(page.locator(`[id="${ids[3]}"] p`).first()).toBeVisible();
	});

	test('if the island loads but its map code does not, the map says so at once', async ({
		page
	}) => {
		// The entry (a few hundred bytes) arrives; the module it fetches after the first paint fails.
		await page.route(/\/_app\/immutable\/island\/main-[^/]+\.js$/, (route) =>
			route.fulfill({ status: 404 })
		);
		const errors: string[] = [];
		page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
		await page.goto('./');
		const figure = page.locator('figure.story-map');
		await expect(figure).toHaveAttribute('data-status', 'failed');
		// Without the four seconds' grace the notice waits for when the island is merely slow.
		await expect(figure.locator('.notice')).toBeVisible({ timeout: 1_000 });
		await expect(figure.locator('.notice')).toContainText(/could not start/);
		expect(errors.join('\n')).toMatch(/map island failed to load/);
		await expect(figure.locator('[data-marker]').first()).toBeAttached();
	});

	test('if the label worker cannot be loaded, the map follows the steps and says its names are missing', async ({
		page
	}) => {
		await page.route('**/_app/immutable/island/labels-*.js', (route) =>
			route.fulfill({ status: 404 })
		);
		await page.goto('./');
		const figure = page.locator('figure.story-map');
		await expect(figure).toHaveAttribute('data-status', 'ready');
		const ids = await stepIds(page);
		await scrollToStep(page, ids[3] as string);
		await expect(figure).toHaveAttribute('data-step', ids[3] as string);
		await expect(figure).toHaveAttribute('data-labels', 'failed');
		await expect(figure.locator('.labels-notice')).toBeVisible();
		await expect(figure.locator('.labels-notice')).toContainText(/place names could not load/);
		await expect(figure.locator('.notice')).toBeHidden();
	});
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the prerendered page holds all the text, the sources and the live map’s first state', async ({
		page
	}) => {
		await page.goto('./');
		const ids = await stepIds(page);
		expect(ids.length).toBeGreaterThanOrEqual(13);
		// Each step's text as rendered where the reader reaches it (a step far from the screen
		// skips its layout, and has no rendered text until then).
		for (const id of ids) {
			const step = page.locator(`[id="${id}"]`);
			await step.scrollIntoViewIfNeeded();
			const text = await step.innerText();
			expect(text.length, id).toBeGreaterThan(40);
		}
		await page.evaluate(() => scrollTo(0, 0));
		await expect(page.locator('#sources-title')).toBeAttached();
		expect(await page.locator('.sources li').count()).toBeGreaterThan(10);
		// The sticky figure holds the live map itself, drawn for the first step, not an image.
		const figure = page.locator('figure.story-map');
		await expect(figure).toHaveAttribute('data-step', ids[0] as string);
		const svg = figure.locator('svg.map-svg');
		await expect(svg).toHaveAttribute('data-step', ids[0] as string);
		expect(await svg.locator('[data-country]').count()).toBeGreaterThan(2);
		expect(await figure.locator('svg [data-marker]').count()).toBeGreaterThan(0);
		expect(await figure.locator('svg [data-label]').count()).toBeGreaterThan(0);
		// It shows as soon as the reader reaches it: scrolled to the first step, the map fills
		// the sticky figure on screen.
		await page.locator(`[id="${ids[0]}"]`).scrollIntoViewIfNeeded();
		const box = await svg.boundingBox();
		const viewport = page.viewportSize()!;
		expect(box && box.y).toBeLessThanOrEqual(1);
		expect(box && box.height).toBeGreaterThan(viewport.height * 0.9);
		await expect(figure.locator('[data-label="durand"]')).toBeVisible();
	});
});
