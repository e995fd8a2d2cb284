import { describe, expect, it } from 'vitest';
import { arrowhead, arrowheadBox, routeGeometry } from '../../../src/lib/map/routes';

describe('routeGeometry', () => {
	it('draws a straight route when bend is 0, with length equal to the chord', () => {
		const r = routeGeometry([0, 0], [100, 0], 0);
		expect(r.length).toBeCloseTo(100, 3);
		expect(r.at(0.5).point[0]).toBeCloseTo(50, 3);
		expect(r.at(0.5).angle).toBeCloseTo(0, 6);
	});

	it('bends to one side and is longer than the chord', () => {
		const r = routeGeometry([0, 0], [100, 0], 0.2);
		expect(r.length).toBeGreaterThan(100);
		expect(Math.abs(r.at(0.5).point[1])).toBeGreaterThan(5);
		const other = routeGeometry([0, 0], [100, 0], -0.2);
		expect(Math.sign(other.at(0.5).point[1])).toBe(-Math.sign(r.at(0.5).point[1]));
	});

	it('parametrises by arc length: the point at share t is t of the way along', () => {
		const r = routeGeometry([0, 0], [300, 40], 0.3);
		const quarter = r.at(0.25).point;
		const start = r.at(0).point;
		// Walk the curve finely and compare cumulative length at the quarter point.
		let walked = 0;
		let prev = start;
		for (let i = 1; i <= 1000; i++) {
			const p = r.at((0.25 * i) / 1000).point;
			walked += Math.hypot(p[0] - prev[0], p[1] - prev[1]);
			prev = p;
		}
		expect(walked / r.length).toBeCloseTo(0.25, 2);
		expect(quarter).toEqual(prev);
	});

	it('trims both ends so arrows stop short of the markers', () => {
		const r = routeGeometry([0, 0], [100, 0], 0, 10);
		expect(r.at(0).point[0]).toBeCloseTo(10, 3);
		expect(r.at(1).point[0]).toBeCloseTo(90, 3);
		expect(r.length).toBeCloseTo(80, 1);
	});

	it('points the arrowhead along the heading', () => {
		const d = arrowhead([10, 0], 0, 4);
		// Both barbs lie behind (left of) the tip when heading east.
		const nums = d.match(/-?\d+(\.\d+)?/g)!.map(Number);
		expect(nums[0]).toBeLessThan(10);
		expect(nums[4]).toBeLessThan(10);
	});
});

describe('arrowheadBox', () => {
	it('covers the arrowhead behind its tip and nothing in front of it', () => {
		// Pointing right (angle 0), tip at (100, 50), sides 9 px.
		const box = arrowheadBox([100, 50], 0, 9, 2);
		expect(box.x + box.width).toBeCloseTo(101, 6); // the tip plus half the stroke
		expect(box.x).toBeLessThan(93); // reaches back along the shaft
		expect(box.x).toBeGreaterThan(90);
		expect(box.height).toBeLessThan(11); // narrow across the shaft, not a 18 px square
		expect(box.y + box.height / 2).toBeCloseTo(50, 6);
	});
});
