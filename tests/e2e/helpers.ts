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

/**
 * Records, from the first script on, the layout shifts without recent input whose moved node is
 * inside `selector` (a text node by its parent); returns a reader of what moved, as
 * "class: text".
 */
export async function watchShifts(page: Page, selector: string): Promise<() => Promise<string[]>> {
	await page.addInitScript((selector) => {
		const w = window as unknown as { shifts: string[] };
		w.shifts = [];
		new PerformanceObserver((list) => {
			for (const e of list.getEntries() as unknown as {
				hadRecentInput: boolean;
				sources: { node?: Node }[];
			}[])
				for (const s of e.sources) {
					const el = s.node instanceof Element ? s.node : s.node?.parentElement;
					if (!e.hadRecentInput && el?.closest(selector))
						w.shifts.push(`${el.className}: ${s.node?.textContent ?? ''}`);
				}
		}).observe({ type: 'layout-shift', buffered: true });
	}, selector);
	return () => page.evaluate(() => (window as unknown as { shifts: string[] }).shifts);
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

export interface Crossing {
	label: string;
	line: string;
}

/**
 * Which label boxes (the text's own box) a line crosses: each line is sampled
 * along its length (getPointAtLength, ≤ 2 px apart on screen) and every sampled segment is tested
 * against every box.
 */
export async function labelsCrossedByLines(page: Page): Promise<Crossing[]> {
	return page.evaluate(() => {
		// The map's layers: base map and overlay are two SVGs in the figure.
		const svg = document.querySelector('figure.story-map');
		if (!svg) return [{ label: '(no map)', line: '' }];
		const boxes = [...svg.querySelectorAll<SVGTextElement>('[data-label]')].map((el) => {
			const r = el.getBoundingClientRect();
			return { id: el.getAttribute('data-label') ?? '', x: r.x, y: r.y, w: r.width, h: r.height };
		});
		const hits = (ax: number, ay: number, bx: number, by: number, b: (typeof boxes)[0]) => {
			// Liang–Barsky: does the segment a–b pass through the box?
			const dx = bx - ax;
			const dy = by - ay;
			let t0 = 0;
			let t1 = 1;
			for (const [p, q] of [
				[-dx, ax - b.x],
				[dx, b.x + b.w - ax],
				[-dy, ay - b.y],
				[dy, b.y + b.h - ay]
			] as [number, number][]) {
				if (p === 0) {
					if (q < 0) return false;
					continue;
				}
				const t = q / p;
				if (p < 0) t0 = Math.max(t0, t);
				else t1 = Math.min(t1, t);
				if (t0 > t1) return false;
			}
			return true;
		};
		const out: { label: string; line: string }[] = [];
		const lines = svg.querySelectorAll<SVGPathElement>(
			'path[data-line="durand"], path[data-route], path[data-leader]'
		);
		for (const path of lines) {
			// A label set apart from its place is joined to it by a leader: no other label on it.
			const leaderOf = path.getAttribute('data-leader');
			const name = leaderOf
				? `the leader line of ${leaderOf}`
				: (path.getAttribute('data-route') ?? 'durand');
			const ctm = path.getScreenCTM();
			if (!ctm) continue;
			const len = path.getTotalLength();
			const n = Math.min(20000, Math.ceil((len * Math.hypot(ctm.a, ctm.b)) / 2));
			let prev: DOMPoint | null = null;
			for (let i = 0; i <= n; i++) {
				const pt = path.getPointAtLength((len * i) / n).matrixTransform(ctm);
				if (prev)
					for (const b of boxes)
						if (
							b.id !== leaderOf &&
							hits(prev.x, prev.y, pt.x, pt.y, b) &&
							!out.some((o) => o.label === b.id && o.line === name)
						)
							out.push({ label: b.id, line: name });
				prev = pt;
			}
		}
		return out;
	});
}

export interface DrawnLabel extends Box {
	id: string;
	text: string;
}

/**
 * The map's labels and pinned markers as drawn (their boxes on screen), the labels' direction,
 * and the first family of their font: whether the page declares it and has loaded it.
 */
export async function drawnLabels(page: Page) {
	await page.evaluate(() => document.fonts.ready);
	return page.evaluate(() => {
		const box = (el: Element) => {
			const r = el.getBoundingClientRect();
			return { x: r.x, y: r.y, width: r.width, height: r.height };
		};
		const labels = [...document.querySelectorAll('figure.story-map [data-label]')].map((el) => ({
			...box(el),
			id: el.getAttribute('data-label') ?? '',
			text: el.textContent ?? ''
		}));
		const markers = [...document.querySelectorAll('figure.story-map [data-marker]')]
			.filter((el) => !el.hasAttribute('data-approximate'))
			.map((el) => ({ ...box(el), id: el.getAttribute('data-marker') ?? '' }));
		const g = document.querySelector('figure.story-map g.labels');
		const unquote = (s: string) => s.trim().replace(/^['"]|['"]$/g, '');
		const family = unquote((g?.getAttribute('font-family') ?? '').split(',')[0] ?? '');
		const faces = [...document.fonts].filter((f) => unquote(f.family) === family);
		return {
			labels,
			markers,
			direction: g?.getAttribute('direction') ?? null,
			font: {
				family,
				declared: faces.length > 0,
				loaded: faces.some((f) => f.status === 'loaded')
			}
		};
	});
}

/** Which drawn labels overlap another label or a marker (beyond 1 px). */
export function overlapping(labels: DrawnLabel[], markers: (Box & { id: string })[]): string[] {
	const found: string[] = [];
	labels.forEach((a, i) => {
		for (const b of labels.slice(i + 1)) if (overlap(a, b)) found.push(`${a.id} overlaps ${b.id}`);
		for (const m of markers) if (overlap(a, m)) found.push(`${a.id} overlaps marker ${m.id}`);
	});
	return found;
}
