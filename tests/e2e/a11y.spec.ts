import { AxeBuilder } from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { mapSettled, scrollToStep, stepIds } from './helpers';

/** WCAG 2.0, 2.1 and 2.2, levels A and AA (2.2 adds target size, which Lighthouse checks). */
const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'];

/** Runs axe on the page as it is now; fails listing each violation's id and targets. */
async function expectNoViolations(page: Page, where: string): Promise<void> {
	const { violations, passes } = await new AxeBuilder({ page }).withTags(TAGS).analyze();
	// axe checked something: an empty analysis would pass any page.
	expect(passes.length, `axe ran no passing checks at ${where}`).toBeGreaterThan(0);
	const report = violations.map(
		(v) =>
			`${v.id} (${v.impact}): ${v.help}\n` +
			v.nodes.map((n) => `    ${n.target.join(' ')}`).join('\n')
	);
	expect(violations.length, `axe violations at ${where}:\n${report.join('\n')}`).toBe(0);
}

test.describe('accessibility (axe, WCAG 2.2 A and AA)', () => {
	test('the story at its top, middle and end', async ({ page }) => {
		// Three full axe runs over a long page, and the scrolls between them.
		test.setTimeout(120_000);
		await page.goto('./');
		await mapSettled(page);
		await expectNoViolations(page, 'the top');
		const ids = await stepIds(page);
		expect(ids.length).toBeGreaterThanOrEqual(13);
		const stops: [string, string][] = [
			['the middle', ids[Math.floor(ids.length / 2)] as string],
			['the end', ids[ids.length - 1] as string]
		];
		for (const [where, id] of stops) {
			await scrollToStep(page, id);
			await mapSettled(page);
			await expectNoViolations(page, `${where} (step ${id})`);
		}
	});

	test('an embed card', async ({ page }) => {
		await page.goto('./');
		const ids = await stepIds(page);
		const id = ids[Math.floor(ids.length / 2)] as string;
		await page.goto(`embed/${id}/`);
		await expect(page.locator(`figure.embed-card[data-step="${id}"]`)).toBeVisible();
		await expectNoViolations(page, `embed/${id}/`);
	});
});
