import { expect, type Page } from '@playwright/test';

/** Ids of all scrollytelling steps, in reading order, as the page renders them. */
export async function stepIds(page: Page): Promise<string[]> {
	return page.locator('.scrolly .step').evaluateAll((els) => els.map((e) => e.id));
}

/**
 * Scrolls until a step's card is where a reader reads it (its top at `at` of the screen height)
 * and waits until the step is active.
 */
export async function scrollToStep(page: Page, id: string, at = 0.3): Promise<void> {
	await page.locator(`[id="${id}"]`).evaluate((el, at) => {
		window.scrollBy({
			top: el.getBoundingClientRect().top - window.innerHeight * at,
			behavior: 'instant'
		});
	}, at);
	await expect(page.locator('.scrolly')).toHaveAttribute('data-active-step', id);
}

/** Waits until the map has loaded, finished any camera flight and placed the step's labels. */
export async function mapSettled(page: Page): Promise<void> {
	const figure = page.locator('figure.story-map');
	await expect(figure).toHaveAttribute('data-status', 'ready');
	await expect(figure).toHaveAttribute('data-flying', 'false');
	await expect(figure).toHaveAttribute('data-labels', 'placed');
}

export interface Box {
	x: number;
	y: number;
	width: number;
	height: number;
}

export function overlap(a: Box, b: Box, tolerance = 1): boolean {
	return (
		a.x + tolerance < b.x + b.width &&
		b.x + tolerance < a.x + a.width &&
		a.y + tolerance < b.y + b.height &&
		b.y + tolerance < a.y + a.height
	);
}

/** Collects CSP violations (from the first script on) and console errors of a page. */
export async function watchErrors(
	page: Page
): Promise<{ csp: () => Promise<string[]>; errors: string[] }> {
	const errors: string[] = [];
	page.on('console', (m) => {
		if (m.type() === 'error') errors.push(m.text());
	});
	page.on('pageerror', (e) => errors.push(e.message));
	await page.addInitScript(() => {
		const w = window as unknown as { __csp: string[] };
		w.__csp = [];
		document.addEventListener('securitypolicyviolation', (e) =>
			w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`)
		);
	});
	return {
		errors,
		csp: () => page.evaluate(() => (window as unknown as { __csp: string[] }).__csp)
	};
}
