// One Lighthouse run of a URL with its default (mobile) config, in a fresh headless Chromium.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { chromiumArgs, findChromium } from './find-chromium.js';

const CATEGORIES = ['performance', 'accessibility', 'best-practices', 'seo'];

/**
 * @param {string} url
 * @returns {Promise<{
 *   scores: Record<string, number>,
 *   lcpMs: number, cls: number, tbtMs: number, fcpMs: number, siMs: number,
 *   failedAudits: { id: string, category: string, title: string }[],
 *   version: string
 * }>}
 */
export async function runLighthouse(url) {
	const chromePath = findChromium().path ?? process.env.CHROME_PATH;
	const chrome = await chromeLauncher.launch({
		chromePath,
		chromeFlags: ['--headless=new', ...chromiumArgs()],
		logLevel: 'silent'
	});
	try {
		const result = await lighthouse(url, {
			port: chrome.port,
			output: 'json',
			logLevel: 'error',
			onlyCategories: CATEGORIES
		});
		if (!result) throw new Error('Lighthouse returned no result');
		const { lhr } = result;
		if (lhr.runtimeError) throw new Error(`Lighthouse: ${lhr.runtimeError.message}`);
		const audit = (/** @type {string} */ id) => lhr.audits[id]?.numericValue ?? NaN;
		/** @type {Record<string, number>} */
		const scores = {};
		/** @type {{ id: string, category: string, title: string }[]} */
		const failedAudits = [];
		for (const id of CATEGORIES) {
			const category = lhr.categories[id];
			scores[id] = Math.round((category?.score ?? NaN) * 100);
			for (const ref of category?.auditRefs ?? []) {
				const a = lhr.audits[ref.id];
				if (ref.weight > 0 && a && a.score !== null && a.score < 1)
					failedAudits.push({ id: ref.id, category: id, title: a.title });
			}
		}
		return {
			scores,
			lcpMs: audit('largest-contentful-paint'),
			cls: audit('cumulative-layout-shift'),
			tbtMs: audit('total-blocking-time'),
			fcpMs: audit('first-contentful-paint'),
			siMs: audit('speed-index'),
			failedAudits,
			version: lhr.lighthouseVersion
		};
	} finally {
		chrome.kill();
	}
}
