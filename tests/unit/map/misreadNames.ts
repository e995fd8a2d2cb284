/**
 * A check shared by the English and the editions' label tests: a place's name set beside its
 * point (a marker, or a reference city or crossing) must not read as another point's name.
 */
import { apply } from '../../../src/lib/map/camera';
import type { MapFrame } from '../../../src/lib/map/frame';
import { nearestInRect } from '../../../src/lib/map/labelPlacement';
import type { MapGeo } from '../../../src/lib/map/prepareMap';

/**
 * The place names in a frame that stand as near another drawn point (a marker, or a reference
 * dot the frame names) as their own, measured from where a reader joins a name to its point:
 * the corner or side of the name nearest the point. A name set apart has a leader line instead.
 */
export function misreadNames(
	{ state, target, labels, reference }: MapFrame,
	geo: Pick<MapGeo, 'places'>
): string[] {
	const at = (id: string) => apply(target, geo.places.get(id)!.xy);
	const points = [...state.markers.map((m) => m.place), ...reference].map((id) => ({
		id,
		xy: at(id)
	}));
	const found: string[] = [];
	for (const { id } of points) {
		const l = labels.find((x) => x.id === `place:${id}`);
		if (!l || l.leader) continue;
		const [ax, ay] = at(id);
		const [jx, jy] = nearestInRect(ax, ay, l.box);
		const own = Math.hypot(jx - ax, jy - ay);
		for (const o of points)
			if ((o.xy[0] !== ax || o.xy[1] !== ay) && Math.hypot(jx - o.xy[0], jy - o.xy[1]) <= own)
				found.push(`${state.stepId}: ${l.id} reads as ${o.id}'s`);
	}
	return found;
}
