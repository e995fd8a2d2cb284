import { apply, fitBounds, type Camera, type Insets, type Viewport } from './camera';
import type { MapGeo } from './prepareMap';
import type { PlacedLabel, Rect } from './labelPlacement';
import { APPROX_KM, areaRadius } from './approximate';
import { legendItems, legendSize, type LegendItem } from './legendItems';
import { projectBbox, type Projector } from './projection';
import { stepRoutes, type RouteGeometry } from './routes';
import { scaleBar } from './scale';
import { stateAt, type MapState, type MapStep } from './mapState';
import type { Route } from '$lib/story/types';

/**
 * A step's frame: everything the map's picture is derived from that does not change while the
 * step is read — camera target, insets, legend, route curves, labels, reference places, scale
 * bar. It is a pure function of the step and the layout, computed once per step (and size) and
 * shared by the live map, the static maps, the embed cards and the share image. Scroll progress
 * only changes what is drawn along the frame's lines (see `drawnAt` in mapState.ts), never the frame.
 */
export interface MapFrame {
	step: MapStep;
	/** The step's state when read to the end (what labels and legend describe). */
	state: MapState;
	viewport: Viewport;
	insets: Insets;
	/** Where the camera comes to rest for this step. */
	target: Camera;
	legend: LegendItem[];
	routes: { route: Route; geometry: RouteGeometry }[];
	labels: PlacedLabel[];
	/** Reference places (cities, crossings) drawn as dots: only those whose name fits. */
	reference: string[];
	scale: { km: number; px: number; x: number; y: number } | null;
	fontSize: number;
}

/**
 * A frame without its labels: everything the camera, legend, routes and scale bar need, cheap to
 * derive, and what labels are placed from. The map island derives it the moment a step is
 * entered and has the labels placed off the main thread (see placeFrameLabels).
 */
export interface FrameBasis extends Omit<MapFrame, 'labels' | 'reference'> {
	/** Boxes labels keep clear of: the step's markers (by place id), overlays, the scale bar. */
	markerBoxes: { id: string; rect: Rect }[];
	reserved: Rect[];
}

export type FrameLayout =
	| {
			/** The story's sticky map: overlays (timeline, legend) sit over it. */
			kind: 'live';
			viewport: Viewport;
			/** Laid out for phones (the page's media query decides; defaults to the map's width). */
			phone?: boolean;
			/** Height of the step card being read (on phones it passes over the lower map). */
			cardHeight?: number;
			/** A right-to-left edition: the desktop legend stands at the map's bottom right. */
			rtl?: boolean;
	  }
	| {
			/** A standalone picture (static maps, embeds, share image): no overlays. */
			kind: 'static';
			viewport: Viewport;
			insets: Insets;
			fontSize: number;
	  };

/** At this width and below the story is laid out for phones: cards pass over a full-screen map. */
export const PHONE_MAX_WIDTH = 719;
export const PHONE_MEDIA = `(max-width: ${PHONE_MAX_WIDTH}px)`;
/** Top of the phone legend, just under the timeline. */
export const PHONE_LEGEND_TOP = 70;

export function isPhone(viewport: Viewport): boolean {
	return viewport.width <= PHONE_MAX_WIDTH;
}

/** Space the camera keeps clear, and overlays labels keep clear of, for a layout. */
function overlaysFor(
	layout: FrameLayout,
	legendCount: number
): { insets: Insets; reserved: Rect[]; phone: boolean } {
	if (layout.kind === 'static') return { insets: layout.insets, reserved: [], phone: false };
	const { height } = layout.viewport;
	const phone = layout.phone ?? isPhone(layout.viewport);
	const box = legendSize(legendCount, phone);
	if (phone) {
		// The timeline and legend sit across the top and the card being read covers the foot: the
		// map's focus lies between them (at least 42% of the height kept for cards, at most 62%
		// so the map never shrinks to a strip).
		const card = layout.cardHeight ?? 0;
		const bottom = Math.round(
			Math.min(height * 0.62, Math.max(height * 0.42, card + height * 0.03 + 12))
		);
		return {
			insets: { top: PHONE_LEGEND_TOP + box.height + 6, right: 14, bottom, left: 14 },
			reserved: [],
			phone
		};
	}
	// The desktop legend, bottom left (bottom right in a right-to-left edition).
	const width = box.width + 8;
	const x = layout.rtl ? layout.viewport.width - 24 - width : 24;
	return {
		insets: { top: 92, right: 28, bottom: 36, left: 28 },
		reserved: [{ x, y: height - 36 - box.height - 4, width, height: box.height + 8 }],
		phone
	};
}

export function frameBasis(
	step: MapStep,
	geo: MapGeo,
	projection: Projector,
	layout: FrameLayout
): FrameBasis {
	const state = stateAt(step, 1);
	const viewport = {
		width: Math.max(1, layout.viewport.width),
		height: Math.max(1, layout.viewport.height)
	};
	const legend = layout.kind === 'live' ? legendItems(state, geo) : [];
	const { insets, reserved, phone } = overlaysFor({ ...layout, viewport }, legend.length);
	const fontSize = layout.kind === 'static' ? layout.fontSize : phone ? 12 : 13;
	const bbox = phone && step.view.phone ? step.view.phone : step.view.bbox;
	const target = fitBounds(projectBbox(projection, bbox), viewport, insets);

	const routes = stepRoutes(step.routes, geo, target.k);

	// The scale bar stands bottom right of the map's focus; on tall phone screens top right (the
	// cards cover the foot); bottom left where the desktop legend takes the bottom right (right
	// to left).
	const bar = scaleBar(
		projection,
		target,
		[viewport.width / 2, (viewport.height - insets.bottom) / 2],
		Math.min(140, viewport.width / 4)
	);
	const tall = viewport.height > viewport.width * 1.3;
	const scale = bar && {
		...bar,
		x:
			layout.kind === 'live' && layout.rtl && !phone
				? insets.left + 6 + bar.px
				: viewport.width - insets.right - 6,
		y: tall ? insets.top + 26 : viewport.height - insets.bottom - 12
	};

	const markerBoxes = step.markers.flatMap((m) => {
		const p = geo.places.get(m.place);
		if (!p) return [];
		const [x, y] = apply(target, p.xy);
		const r = p.place.approximate ? areaRadius(APPROX_KM, geo.kmPerUnit, target.k) : 8;
		return [{ id: m.place, rect: { x: x - r, y: y - r, width: 2 * r, height: 2 * r } }];
	});

	return {
		step,
		state,
		viewport,
		insets,
		target,
		legend,
		routes,
		scale,
		fontSize,
		markerBoxes,
		reserved: [
			...reserved,
			...(scale
				? [{ x: scale.x - scale.px - 8, y: scale.y - 20, width: scale.px + 16, height: 30 }]
				: [])
		]
	};
}
