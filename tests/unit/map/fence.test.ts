import { describe, expect, it } from 'vitest';
import { dashFor, fenceShareAt } from '../../../src/lib/map/fence';
import { cumulativeLengths, northFirst, pointAlong } from '../../../src/lib/map/polyline';

describe('fence', () => {
	it('orders the border from its northern end (smaller screen y)', () => {
		expect(
			northFirst([
				[0, 10],
				[0, 0]
			])
		).toEqual([
			[0, 0],
			[0, 10]
		]);
		expect(
			northFirst([
				[0, 0],
				[0, 10]
			])
		).toEqual([
			[0, 0],
			[0, 10]
		]);
	});

	it('animates the claimed share from `from` to `to` with progress, and reverses', () => {
		expect(fenceShareAt(0.3, 0.94, 0)).toBeCloseTo(0.3);
		expect(fenceShareAt(0.3, 0.94, 1)).toBeCloseTo(0.94);
		const mid = fenceShareAt(0.3, 0.94, 0.5);
		expect(mid).toBeGreaterThan(0.3);
		expect(mid).toBeLessThan(0.94);
		expect(fenceShareAt(0.3, 0.94, 0.25)).toBeLessThan(mid);
		expect(fenceShareAt(0, 1, 5)).toBe(1);
	});

	it('draws exactly the share as a dash of a unit path length', () => {
		const [on] = dashFor(0.94).split(' ').map(Number);
		expect(on).toBeCloseTo(0.94, 4);
	});

	it('finds the point at a share of the length', () => {
		const pts: [number, number][] = [
			[0, 0],
			[10, 0],
			[10, 30]
		];
		const cum = cumulativeLengths(pts);
		expect(cum[2]).toBe(40);
		expect(pointAlong(pts, cum, 0.5)).toEqual([10, 10]);
		expect(pointAlong(pts, cum, 0)).toEqual([0, 0]);
		expect(pointAlong(pts, cum, 1)).toEqual([10, 30]);
	});
});
