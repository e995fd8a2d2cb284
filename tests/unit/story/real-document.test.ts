import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory, uncitedSources } from '../../../src/lib/story/parse';
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

	it('covers the events the brief lists', () => {
		const ids = steps.map((s) => s.id);
		for (const id of [
			'rise-convoy',
			'rise-kabul',
			'recognition-1997',
			'durand-1893',
			'ttp-2007',
			'clinton-2011',
			'fence-2017',
			'fence-2022',
			'return-welcome',
			'goshta-2021',
			'strikes-2022',
			'kurram-2022',
			'chaman-2022',
			'ttp-ceasefire',
			'crss-2023',
			'returns-2024',
			'barmal-march',
			'makeen-2024',
			'barmal-strikes',
			'retaliation-28',
			'march-report'
		]) {
			expect(ids).toContain(id);
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

	it('draws the fence as Pakistan claimed it: rising to 94%, never beyond', () => {
		const fences = steps.flatMap((s) => (s.map.fence ? [s.map.fence] : []));
		expect(Math.max(...fences.map((f) => f.to))).toBe(0.94);
		for (let i = 1; i < fences.length; i++) expect(fences[i]!.from).toBe(fences[i - 1]!.to);
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
	const hasData =
		existsSync('static/data/places.json') && existsSync('static/data/afpak.topo.json');
	it.runIf(hasData)('validates the document against the committed map data', () => {
		expect(loadStory().chapters.length).toBe(story.chapters.length);
	});
});
