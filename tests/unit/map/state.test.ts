import { describe, expect, it } from 'vitest';
import { decimalYear, flattenSteps, mapStateAt } from '../../../src/lib/map/state';
import type { Story, Step } from '../../../src/lib/story/types';

const step = (id: string, date: string, map: Partial<Step['map']> = {}): Step => ({
	id,
	date,
	dateLabel: date,
	text: [[{ type: 'text', text: id }]],
	map: {
		view: 'region',
		layers: [],
		highlight: [],
		markers: [],
		routes: [],
		annotations: [],
		description: `map for ${id}`,
		...map
	}
});

const story: Story = {
	slug: 't',
	headline: 'h',
	dek: 'd',
	byline: ['a'],
	dateline: 'x',
	published: '2024-12-31T00:00:00Z',
	updated: '2024-12-31T00:00:00Z',
	views: [
		{ id: 'region', label: 'the region', bbox: [60, 24, 78, 38] },
		{ id: 'closeup', label: 'close-up', bbox: [68, 32, 71, 34] }
	],
	chapters: [
		{
			id: 'c1',
			title: 'One',
			kind: 'chapter',
			steps: [step('a', '1994-10'), step('b', '1996-09-27')]
		},
		{
			id: 'c2',
			title: 'Two',
			kind: 'chapter',
			steps: [
				step('fence', '2022-01', { layers: ['fence'], fence: { from: 0.88, to: 0.94 } }),
				step('march', '2024-12-26', {
					view: 'closeup',
					routes: [
						{ id: 'r', from: 'kabul', to: 'mir-ali', kind: 'reported-march', status: 'unverified' }
					]
				})
			]
		}
	],
	methodology: [],
	sources: [],
	corrections: [],
	credits: []
};

describe('mapStateAt', () => {
	it('derives the state from (index, progress) alone, the same however the reader got there', () => {
		const direct = mapStateAt(story, 3, 0.3);
		mapStateAt(story, 0, 1);
		mapStateAt(story, 2, 0.5);
		expect(mapStateAt(story, 3, 0.3)).toEqual(direct);
		expect(direct.view.id).toBe('closeup');
		expect(direct.stepId).toBe('march');
	});

	it('draws routes with progress and shows them whole by the end of the step', () => {
		expect(mapStateAt(story, 3, 0).routes[0]!.drawn).toBe(0);
		const mid = mapStateAt(story, 3, 0.15).routes[0]!.drawn;
		expect(mid).toBeGreaterThan(0);
		expect(mid).toBeLessThan(1);
		expect(mapStateAt(story, 3, 0.9).routes[0]!.drawn).toBe(1);
	});

	it("grows the fence from the previous claim to the step's claim", () => {
		expect(mapStateAt(story, 2, 0).fence).toBeCloseTo(0.88);
		expect(mapStateAt(story, 2, 1).fence).toBeCloseTo(0.94);
		expect(mapStateAt(story, 2, 1).fenceClaim).toBe(0.94);
		expect(mapStateAt(story, 0, 1).fence).toBeNull();
	});

	it('with reduced motion shows every drawing in its final form', () => {
		const s = mapStateAt(story, 2, 0, { reducedMotion: true });
		expect(s.fence).toBeCloseTo(0.94);
		expect(mapStateAt(story, 3, 0, { reducedMotion: true }).routes[0]!.drawn).toBe(1);
	});

	it('clamps out-of-range indices (fast scroll past the ends)', () => {
		expect(mapStateAt(story, -3, 0).stepId).toBe('a');
		expect(mapStateAt(story, 99, 0).stepId).toBe('march');
		expect(flattenSteps(story)).toHaveLength(4);
	});

	it('places steps on the timeline by date', () => {
		expect(decimalYear('1994')).toBe(1994.5);
		expect(decimalYear('1996-09-27')).toBeCloseTo(1996 + 8 / 12 + 26 / 365);
		expect(mapStateAt(story, 3, 0).year).toBeGreaterThan(2024.9);
	});
});
