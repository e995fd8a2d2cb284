import { describe, expect, it } from 'vitest';
import { apply, fitBounds, interpolateCamera, smoothZoom } from '../../../src/lib/map/camera';
import {
	createProjection,
	projectBbox,
	BASE_WIDTH,
	BASE_HEIGHT
} from '../../../src/lib/map/projection';

describe('fitBounds', () => {
	it('fits bounds inside the viewport, centred, touching the tighter side', () => {
		const cam = fitBounds(
			[
				[100, 100],
				[300, 200]
			],
			{ width: 800, height: 800 }
		);
		expect(cam.k).toBeCloseTo(4);
		expect(apply(cam, [100, 100])[0]).toBeCloseTo(0);
		expect(apply(cam, [300, 200])[0]).toBeCloseTo(800);
		// Vertically centred: 100 base units × 4 = 400 px, centred in 800.
		expect(apply(cam, [200, 150])).toEqual([400, 400]);
	});

	it('keeps the fitted area clear of the insets (phone text cards)', () => {
		const cam = fitBounds(
			[
				[0, 0],
				[100, 100]
			],
			{ width: 400, height: 800 },
			{ top: 0, right: 20, bottom: 400, left: 20 }
		);
		const [, yTop] = apply(cam, [50, 0]);
		const [, yBottom] = apply(cam, [50, 100]);
		expect(yTop).toBeGreaterThanOrEqual(0);
		expect(yBottom).toBeLessThanOrEqual(400 + 1e-9);
		expect(apply(cam, [0, 50])[0]).toBeGreaterThanOrEqual(20 - 1e-9);
	});
});

describe('interpolateCamera', () => {
	const vp = { width: 1000, height: 800 };
	const a = fitBounds(
		[
			[0, 0],
			[1000, 900]
		],
		vp
	);
	const b = fitBounds(
		[
			[600, 500],
			[650, 540]
		],
		vp
	);

	it('starts and ends exactly on the two cameras', () => {
		const { at } = interpolateCamera(a, b, vp);
		expect(at(0)).toEqual(a);
		expect(at(1)).toEqual(b);
	});

	it('zooms monotonically in when the target is a close-up', () => {
		const { at } = interpolateCamera(a, b, vp);
		let k = at(0).k;
		for (let t = 0.1; t <= 1; t += 0.1) {
			const next = at(t).k;
			expect(next).toBeGreaterThanOrEqual(k - 1e-9);
			k = next;
		}
	});

	it('suggests a bounded duration', () => {
		const { duration } = interpolateCamera(a, b, vp);
		expect(duration).toBeGreaterThanOrEqual(450);
		expect(duration).toBeLessThanOrEqual(1600);
	});
});

describe('projection', () => {
	const projection = createProjection();

	it('puts the region inside the base frame with north up', () => {
		const kabul = projection([69.172, 34.528]) as [number, number];
		const karachi = projection([67.0, 24.86]) as [number, number];
		for (const [x, y] of [kabul, karachi]) {
			expect(x).toBeGreaterThan(0);
			expect(x).toBeLessThan(BASE_WIDTH);
			expect(y).toBeGreaterThan(0);
			expect(y).toBeLessThan(BASE_HEIGHT);
		}
		expect(kabul[1]).toBeLessThan(karachi[1]);
	});

	it('projects a 250 km close-up to a small box of the base frame', () => {
		const [[x0, y0], [x1, y1]] = projectBbox(projection, [68.25, 31.9, 70.95, 33.7]);
		expect(x1 - x0).toBeGreaterThan(50);
		expect(x1 - x0).toBeLessThan(250);
		expect(y1 - y0).toBeGreaterThan(50);
	});
});

describe('smoothZoom', () => {
	it('starts and ends on the two views and zooms out on the way for a long pan', () => {
		const a: [number, number, number] = [100, 100, 200];
		const b: [number, number, number] = [800, 600, 200];
		const { at, length } = smoothZoom(a, b);
		at(0).forEach((v, i) => expect(v).toBeCloseTo(a[i]!, 6));
		at(1).forEach((v, i) => expect(v).toBeCloseTo(b[i]!, 6));
		// Half way the view is wider than either end: it zooms out, pans, zooms in.
		expect(at(0.5)[2]).toBeGreaterThan(400);
		expect(length).toBeGreaterThan(0);
	});

	it('zooms in place when the centre does not move', () => {
		const { at } = smoothZoom([10, 10, 400], [10, 10, 100]);
		expect(at(0.5)[0]).toBeCloseTo(10);
		expect(at(0.5)[2]).toBeCloseTo(200, 6);
	});
});
