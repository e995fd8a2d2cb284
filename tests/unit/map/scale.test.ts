import { describe, expect, it } from 'vitest';
import { geoDistance } from 'd3-geo';
import { fitBounds } from '../../../src/lib/map/camera';
import { createProjection, projectBbox } from '../../../src/lib/map/projection';
import { scaleBar } from '../../../src/lib/map/scale';

describe('scaleBar', () => {
	const projection = createProjection();
	const vp = { width: 1200, height: 800 };

	it('gives a round distance whose pixel length matches the ground distance', () => {
		const cam = fitBounds(projectBbox(projection, [68.25, 31.9, 70.95, 33.7]), vp);
		const bar = scaleBar(projection, cam, [600, 400], 200)!;
		expect([1, 2, 5, 10, 20, 25, 50, 100, 200, 250, 500, 1000]).toContain(bar.km);
		expect(bar.px).toBeLessThanOrEqual(200);
		expect(bar.px).toBeGreaterThan(40);
		// Check against the ground: invert the bar's ends and measure them on the sphere.
		const inv = (x: number) =>
			projection.invert!([(x - cam.x) / cam.k, (400 - cam.y) / cam.k]) as [number, number];
		const km = geoDistance(inv(600 - bar.px / 2), inv(600 + bar.px / 2)) * 6371;
		expect(km / bar.km).toBeCloseTo(1, 1);
	});

	it('uses a longer distance when zoomed out', () => {
		const close = fitBounds(projectBbox(projection, [68.25, 31.9, 70.95, 33.7]), vp);
		const far = fitBounds(projectBbox(projection, [60, 24, 78, 38]), vp);
		const a = scaleBar(projection, close, [600, 400], 200)!;
		const b = scaleBar(projection, far, [600, 400], 200)!;
		expect(b.km).toBeGreaterThan(a.km);
	});
});
