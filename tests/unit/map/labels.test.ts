import { describe, expect, it } from 'vitest';
import { overlaps, placeLabels, type LabelCandidate } from '../../../src/lib/map/labels';

const bounds = { x: 0, y: 0, width: 400, height: 300 };
const cand = (id: string, x: number, y: number, priority = 1): LabelCandidate => ({
	id,
	text: id,
	x,
	y,
	priority,
	fontSize: 12,
	gap: 4
});

describe('placeLabels', () => {
	it('never lets two placed labels overlap', () => {
		const many = Array.from({ length: 30 }, (_, i) =>
			cand(`Place ${i}`, 150 + (i % 5) * 6, 120 + Math.floor(i / 5) * 6)
		);
		const placed = placeLabels(many, [], bounds);
		for (let i = 0; i < placed.length; i++)
			for (let j = i + 1; j < placed.length; j++)
				expect(overlaps(placed[i]!.box, placed[j]!.box)).toBe(false);
		expect(placed.length).toBeGreaterThan(3);
		expect(placed.length).toBeLessThan(30);
	});

	it('keeps labels off markers and inside the map', () => {
		const marker = { x: 205, y: 95, width: 60, height: 10 };
		const placed = placeLabels([cand('Kabul', 200, 100)], [marker], bounds);
		expect(placed).toHaveLength(1);
		expect(overlaps(placed[0]!.box, marker)).toBe(false);
		const edge = placeLabels([cand('Herat', 398, 150)], [], bounds);
		expect(edge[0]!.anchor).toBe('end');
		expect(edge[0]!.box.x + edge[0]!.box.width).toBeLessThanOrEqual(400);
	});

	it('places higher-priority labels first', () => {
		const placed = placeLabels(
			[cand('Minor', 100, 100, 1), cand('Major', 100, 100, 5)],
			[],
			bounds
		);
		expect(placed[0]!.id).toBe('Major');
		expect(placed[0]!.position).toBe('right');
	});
});
