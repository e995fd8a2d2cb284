import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseStory, uncitedSources } from '../../../src/lib/story/parse';
import { mapSteps } from '../../../src/lib/map/mapState';
import { DATA_DIR, PLACES_FILE } from '../../../src/lib/map/dataFiles';
import { loadStory } from '../../../src/lib/story/load';
import type { Paragraph, Story } from '../../../src/lib/story/types';
import { KNOWN } from './fixtures';

const FILE = 'src/content/story.aml';
const source = readFileSync(FILE, 'utf8');
const story: Story = parseStory(source, FILE, KNOWN);
const steps = story.chapters.flatMap((c) => c.steps);
const cites = (ps: Paragraph[]) => ps.flat().flatMap((i) => (i.type === 'cite' ? [i.source] : []));
const words = (ps: Paragraph[]) =>
	ps
		.flat()
		.map((i) => (i.type === 'text' ? i.text : ''))
		.join(' ')
		.split(/\s+/)
		.filter(Boolean).length;

describe('the story document', () => {
	it('has a prologue, at least 11 dated chapters and an epilogue', () => {
		expect(story.chapters.length).toBeGreaterThanOrEqual(13);
		expect(story.chapters[0]!.kind).toBe('prologue');
		expect(story.chapters.at(-1)!.kind).toBe('epilogue');
		expect(steps.length).toBeGreaterThanOrEqual(28);
		expect(steps.length).toBeLessThanOrEqual(40);
	});

	it('gives every step an id a link can carry: lower-case words, used once', () => {
		// Step ids are the story's public addresses: #id deep links, /embed/id cards, /maps/id.svg.
		const ids = steps.map((s) => s.id);
		for (const id of ids) expect(id, id).toMatch(/^[a-z0-9]+(?:-[a-z0-9]+)*$/);
		expect(new Set(ids).size).toBe(ids.length);
	});

	it('marks only places on the map, each inside the view its step shows', () => {
		const places = new Map(
			(
				JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as { id: string; lon: number; lat: number }[]
			).map((p) => [p.id, p])
		);
		const views = new Map(story.views.map((v) => [v.id, v]));
		const inside = ([w, s, e, n]: number[], p: { lon: number; lat: number }) =>
			p.lon >= w! && p.lon <= e! && p.lat >= s! && p.lat <= n!;
		for (const step of steps) {
			const view = views.get(step.map.view)!;
			const pinned = [
				...step.map.markers.map((m) => m.place),
				...step.map.annotations.map((a) => a.place)
			];
			for (const id of pinned) {
				const p = places.get(id);
				expect(p, `${step.id}: ${id}`).toBeDefined();
				// A marker the reader cannot see is a sentence with no picture: desktop and phone.
				expect(inside(view.bbox, p!), `${step.id}: ${id} in ${view.id}`).toBe(true);
				if (view.phone)
					expect(inside(view.phone, p!), `${step.id}: ${id} in ${view.id} (phone)`).toBe(true);
			}
			for (const r of step.map.routes) {
				expect(places.has(r.from), `${step.id}: route ${r.id} from ${r.from}`).toBe(true);
				expect(places.has(r.to), `${step.id}: route ${r.id} to ${r.to}`).toBe(true);
			}
		}
	});

	it('describes the map at every step and keeps steps short', () => {
		for (const s of steps) {
			expect(s.map.description.length, s.id).toBeGreaterThan(40);
			expect(words(s.text), s.id).toBeLessThanOrEqual(95);
			expect(s.map.markers.length, s.id).toBeLessThanOrEqual(6);
		}
	});

	it('cites a source in every step and resolves every citation', () => {
		const ids = new Set(story.sources.map((s) => s.id));
		for (const s of steps) {
			const c = cites(s.text);
			expect(c.length, s.id).toBeGreaterThan(0);
			for (const id of c) expect(ids.has(id), id).toBe(true);
		}
	});

	it('cites every source at least once', () => {
		expect(uncitedSources(story)).toEqual([]);
	});

	it('draws as fenced only shares the document states as Pakistan’s claims', () => {
		// A claim is stated as a percentage ("88%") or as "X km of Y km"; the map rounds to 1%.
		const stated = (ps: Paragraph[]) => {
			const t = ps
				.flat()
				.map((i) => (i.type === 'text' ? i.text : ''))
				.join(' ');
			const pct = [...t.matchAll(/(\d+(?:\.\d+)?)%/g)].map((m) => Number(m[1]));
			const km = [...t.matchAll(/([\d,]+) km of (?:an? )?([\d,]+) km/g)].map(
				(m) => (100 * Number(m[1]!.replace(/,/g, ''))) / Number(m[2]!.replace(/,/g, ''))
			);
			return [...pct, ...km].map(Math.round);
		};
		let claims = [0];
		let grew = 0;
		for (const step of mapSteps(story)) {
			const source = steps[step.index]!;
			if (!step.fence) continue;
			const share = Math.round(step.fence.to * 100);
			if (step.fence.to !== step.fence.from) {
				// A new share: its own text states it, and its map description says it.
				grew++;
				claims = [...claims, ...stated(source.text)];
				expect(stated(source.text), `${step.id}: text states ${share}%`).toContain(share);
				expect(step.description, step.id).toContain(`${share}%`);
			}
			expect(claims, `${step.id}: ${share}% is a claim made by this step or before`).toContain(
				share
			);
		}
		expect(grew, 'steps that draw a new fence share').toBeGreaterThan(0);
	});

	it('never draws the fence shrinking: each fence step starts where the last one ended', () => {
		let last = 0;
		for (const step of mapSteps(story)) {
			if (!step.fence) continue;
			expect(step.fence.from, `${step.id} starts where the last fence step ended`).toBe(last);
			expect(step.fence.to, `${step.id} does not shrink`).toBeGreaterThanOrEqual(step.fence.from);
			last = step.fence.to;
		}
	});

	it('shows the 15,000-fighter march only as unverified, toward inland Mir Ali', () => {
		const march = steps.flatMap((s) => s.map.routes.filter((r) => r.kind === 'reported-march'));
		expect(march.map((r) => r.from).sort()).toEqual(['herat', 'kabul', 'kandahar']);
		for (const r of march) {
			expect(r.status).toBe('unverified');
			expect(r.to).toBe('mir-ali');
		}
		const text = JSON.stringify(steps.find((s) => s.id === 'march-unknowns')!.text);
		expect(text).toMatch(/does not sit on the border/);
	});

	it('draws the 1994–96 advance and the returns as documented routes', () => {
		const routes = steps.flatMap((s) => s.map.routes);
		const pairs = routes.filter((r) => r.kind === 'advance').map((r) => `${r.from}>${r.to}`);
		expect(pairs).toEqual(
			expect.arrayContaining(['quetta>spin-boldak', 'spin-boldak>kandahar', 'kandahar>kabul'])
		);
		const returns = routes.filter((r) => r.kind === 'returns');
		expect(returns.map((r) => r.to).sort()).toEqual(['chaman-crossing', 'torkham']);
		for (const r of returns) expect(r.status).toBe('documented');
	});

	it('avoids the seeds’ errors', () => {
		const all = JSON.stringify(story);
		expect(all).not.toMatch(/500 security personnel/);
		expect(all).not.toMatch(/expelled (some )?5,?00,?000/i);
		expect(all).not.toMatch(/Pakistan recognised (the Taliban|it) as a legitimate/i);
		expect(all).not.toMatch(/2,245/);
	});

	it('keeps published and updated consistent with a story of 31 December 2024', () => {
		expect(story.published.startsWith('2024-12-31')).toBe(true);
		expect(Date.parse(story.updated)).toBeGreaterThanOrEqual(Date.parse(story.published));
	});
});

describe('loadStory', () => {
	it('reads the document and checks it against the committed map data', () => {
		// No skip: without static/data the build cannot check the document, and neither can this.
		expect(
			loadStory()
				.chapters.flatMap((c) => c.steps)
				.map((s) => s.id)
		).toEqual(steps.map((s) => s.id));
	});

	it('fails loudly, naming the file, when the document or the map data is missing', () => {
		const root = mkdtempSync(join(tmpdir(), 'story-'));
		try {
			expect(() => loadStory(root)).toThrow(/story\.aml/);
			mkdirSync(join(root, 'src/content'), { recursive: true });
			copyFileSync(FILE, join(root, FILE));
			expect(() => loadStory(root)).toThrow(/static\/data\/places\.json/);
			mkdirSync(join(root, DATA_DIR), { recursive: true });
			copyFileSync(PLACES_FILE, join(root, PLACES_FILE));
			expect(() => loadStory(root)).toThrow(/static\/data\/afpak\.topo\.json/);
		} finally {
			rmSync(root, { recursive: true, force: true });
		}
	});
});
