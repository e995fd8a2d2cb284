import { frameBasis, type FrameBasis, type FrameLayout, type MapFrame } from './frame';
import type { MapGeo } from './prepareMap';
import type { PlacedLabel } from './labelPlacement';
import { labelsFor } from './stepLabels';
import type { Projector } from './projection';
import { isReferencePlace, type MapStep } from './mapState';

/** A frame's labels, and the reference places (cities, crossings) drawn because they are named. */
export interface FrameLabels {
	labels: PlacedLabel[];
	reference: string[];
}

/**
 * Places a frame's labels: the costly part of a frame (milliseconds per step), a pure function
 * of the frame's basis, so the map island can run it in a worker and the server inline.
 */
export function placeFrameLabels(
	basis: FrameBasis,
	geo: MapGeo,
	projection: Projector
): FrameLabels {
	const { state, target, viewport, insets, routes, markerBoxes, reserved, fontSize } = basis;
	const labels = labelsFor({
		map: geo,
		state,
		camera: target,
		viewport,
		insets,
		projection: (p) => projection(p),
		routes: routes.map((r) => ({ id: r.route.id, label: r.route.label, geometry: r.geometry })),
		markers: markerBoxes,
		reserved,
		fontSize
	});
	// An unnamed dot tells the reader nothing: reference places are drawn only where named.
	const named = new Set(labels.map((l) => l.id));
	const reference = [...geo.places.values()]
		.filter((p) => isReferencePlace(p.place, state.layers) && named.has(`place:${p.place.id}`))
		.map((p) => p.place.id);
	return { labels, reference };
}

/**
 * A step's whole frame, labels placed: what the server draws (live map, static maps, embeds,
 * share image). The map island derives the same frame in two parts: the basis at once, the
 * labels in its worker.
 */
export function mapFrame(
	step: MapStep,
	geo: MapGeo,
	projection: Projector,
	layout: FrameLayout
): MapFrame {
	const basis = frameBasis(step, geo, projection, layout);
	return { ...basis, ...placeFrameLabels(basis, geo, projection) };
}
