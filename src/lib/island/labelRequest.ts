import type { FrameBasis } from '$lib/map/frame';
import type { MapGeo } from '$lib/map/prepareMap';
import { stepRoutes } from '$lib/map/routes';
import type { Route } from '$lib/story/types';

/**
 * A frame's basis as the island sends it to the label worker: plain data, so it can be posted.
 * A route's curve holds functions, which do not cross to a worker: it goes as the route, and the
 * worker draws its curve again as frameBasis does.
 */
export type SentBasis = Omit<FrameBasis, 'routes'> & { routes: Route[] };

export function toWorker(basis: FrameBasis): SentBasis {
	return { ...basis, routes: basis.routes.map((r) => r.route) };
}

/** The worker's side: the basis again, its route curves redrawn from the map's geometry. */
export function fromIsland(basis: SentBasis, geo: MapGeo): FrameBasis {
	return { ...basis, routes: stepRoutes(basis.routes, geo, basis.target.k) };
}
