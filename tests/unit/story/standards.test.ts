/**
 * Standards rules checked on the real story document (issue 11): the things a standards editor
 * would otherwise have to re-read the whole story for. Each test names the rule it guards.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../../src/lib/story/parse';
import type { Step, Story } from '../../../src/lib/story/types';
import { KNOWN } from './fixtures';

const FILE = 'src/content/story.aml';
const story: Story = parseStory(readFileSync(FILE, 'utf8'), FILE, KNOWN);
const chapterSteps = story.chapters.filter((c) => c.kind === 'chapter').flatMap((c) => c.steps);

/** Compares sortable dates at the coarser precision of the two ("2022-12" = "2022-12-11"). */
const coarse = (a: string, b: string) => {
	const n = Math.min(a.length, b.length);
	return a.slice(0, n).localeCompare(b.slice(0, n));
};
const firstDay = (d: string) => (d + '-01-01').slice(0, 10);
const ends = (s: Step) => s.endDate ?? s.date;

describe('dates', () => {
	it('runs the chapters in date order: no step starts before the previous one has ended', () => {
		for (let i = 1; i < chapterSteps.length; i++) {
			const [prev, step] = [chapterSteps[i - 1]!, chapterSteps[i]!];
			const where = `${prev.id} (${prev.date}–${ends(prev)}) then ${step.id} (${step.date})`;
			expect(firstDay(step.date) >= firstDay(prev.date), where).toBe(true);
			expect(coarse(ends(prev), step.date), where).toBeLessThanOrEqual(0);
		}
	});

	it('gives every range an end no earlier than its start', () => {
		for (const s of story.chapters.flatMap((c) => c.steps)) {
			if (s.endDate) expect(coarse(s.endDate, s.date), s.id).toBeGreaterThanOrEqual(0);
		}
	});

	it('tells the Chaman shelling of 11 December 2022 after the TTP’s 28 November announcement', () => {
		const ids = chapterSteps.map((s) => s.id);
		expect(ids.indexOf('chaman-2022')).toBeGreaterThan(ids.indexOf('ttp-ceasefire'));
	});
});
