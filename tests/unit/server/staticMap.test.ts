import { geoContains } from 'd3-geo';
import { feature } from 'topojson-client';
import { describe, expect, it } from 'vitest';
import { fitBounds, type Insets, type Viewport } from '../../../src/lib/map/camera';
import { projectBbox } from '../../../src/lib/map/projection';
import { mapData, projection, renderStepSvg } from '../../../src/lib/server/staticMap';
import { steps } from '../map/realMap';

const { topology } = mapData();
const countries = feature(topology, topology.objects.countries).features;
const country = (iso3: string) => countries.find((f) => f.properties?.iso3 === iso3)!;

/** Each main country's label in a static map: where on the ground it stands. */
function countryLabels(svg: string, step: (typeof steps)[number], v: Viewport, insets: Insets) {
	const camera = fitBounds(projectBbox(projection, step.view.bbox), v, insets);
	return [
		...svg.matchAll(/<text x="([\d.]+)" y="([\d.]+)"[^>]*data-label="country:(AFG|PAK)"/g)
	].map(([, x, y, iso]) => {
		// The label's centre: its anchor x and, a little above its baseline, its middle.
		const base: [number, number] = [
			(Number(x) - camera.x) / camera.k,
			(Number(y) - 5 - camera.y) / camera.k
		];
		return { iso: iso!, at: projection.invert!(base)! };
	});
}

describe('static maps (no-JS page, print, embeds, share card)', () => {
	// The card's framing: a close-up beside a 470 px panel, clipped to what it shows.
	const framings: [string, Viewport, Insets][] = [
		['1000×800', { width: 1000, height: 800 }, { top: 24, right: 24, bottom: 24, left: 24 }],
		['share card', { width: 1200, height: 630 }, { top: 36, right: 36, bottom: 36, left: 506 }]
	];
	it.each(framings)(
		'%s: Afghanistan and Pakistan are named inside their own borders',
		(_, v, insets) => {
			let named = 0;
			for (const step of steps) {
				const svg = renderStepSvg(step, v, insets);
				for (const { iso, at } of countryLabels(svg, step, v, insets)) {
					named++;
					expect(geoContains(country(iso), at), `${step.id}: ${iso} label at ${at}`).toBe(true);
				}
			}
			expect(named).toBeGreaterThan(steps.length);
		}
	);
});
