import { describe, expect, it } from 'vitest';
import {
	createProjection,
	fittedProjector,
	projectorParams
} from '../../../src/lib/map/projection';

describe('fittedProjector (the map island projects without d3-geo’s stream machinery)', () => {
	const d3 = createProjection();
	const light = fittedProjector(projectorParams(d3));
	const points: [number, number][] = [];
	for (let lon = 58; lon <= 80; lon += 2.75)
		for (let lat = 22; lat <= 40; lat += 2.25) points.push([lon, lat]);

	it('puts every point where d3 puts it, to a thousandth of a base unit', () => {
		for (const p of points) {
			const a = d3(p)!;
			const b = light(p)!;
			expect(b[0], `${p}`).toBeCloseTo(a[0], 3);
			expect(b[1], `${p}`).toBeCloseTo(a[1], 3);
		}
	});

	it('inverts as d3 does (the scale bar measures with it)', () => {
		for (const p of points) {
			const back = light.invert!(d3(p)!)!;
			expect(back[0]).toBeCloseTo(p[0], 6);
			expect(back[1]).toBeCloseTo(p[1], 6);
		}
	});
});
