/**
 * What the island sends its label worker: a frame's basis as plain data (it must survive being
 * posted), from which the worker places exactly the labels the server places for the same frame.
 */
import { describe, expect, it } from 'vitest';
import { frameBasis } from '../../../src/lib/map/frame';
import { placeFrameLabels } from '../../../src/lib/map/frameLabels';
import { fromIsland, toWorker } from '../../../src/lib/island/labelRequest';
import { island, LAYOUTS, steps } from '../map/realMap';

describe('the label worker’s request', { timeout: 60_000 }, () => {
	it('places the same labels from the posted basis as from the island’s own', () => {
		const { geo, projection } = island;
		let routes = 0;
		for (const layout of [LAYOUTS.desktop!, LAYOUTS.phone!])
			for (const step of steps) {
				const basis = frameBasis(step, geo, projection, layout);
				// What postMessage does to it: a structured clone (functions would throw).
				const posted = structuredClone(toWorker(basis));
				const again = fromIsland(posted, geo);
				expect(again.routes.map((r) => r.geometry.d)).toEqual(
					basis.routes.map((r) => r.geometry.d)
				);
				expect(placeFrameLabels(again, geo, projection), step.id).toEqual(
					placeFrameLabels(basis, geo, projection)
				);
				routes += basis.routes.length;
			}
		expect(routes).toBeGreaterThan(0);
	});
});
