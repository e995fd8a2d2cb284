import type { Annotation, LayerId, Marker, Route, Step, Story, View } from '$lib/story/types';
import { fenceShareAt } from './fence';
import { clamp01 } from './polyline';
import type { MapPlace } from './prepareMap';

/**
 * The map of one step as plain, serialisable data: the row of the per-step table the build emits
 * into the page for the map island. It holds no prose but the map's own description, and nothing
 * that depends on scroll progress.
 */
export interface MapStep {
	id: string;
	index: number;
	view: View;
	layers: LayerId[];
	highlight: string[];
	markers: Marker[];
	routes: Route[];
	annotations: Annotation[];
	/** Fence shares Pakistan claimed, drawn from → to as the step is read; null when not shown. */
	fence: { from: number; to: number } | null;
	description: string;
	dateLabel: string;
	/** Decimal year for the timeline, e.g. 2024.98. */
	year: number;
}

/**
 * Map state as a pure function of a step and the progress through it. Scrolling only supplies
 * (index, progress), so a jump, a reload, a deep link or keyboard navigation lands on exactly
 * the picture a slow scroll would.
 */
export interface MapState {
	stepId: string;
	index: number;
	view: View;
	layers: ReadonlySet<LayerId>;
	highlight: string[];
	markers: Marker[];
	routes: { route: Route; drawn: number }[];
	annotations: Annotation[];
	/** Share of the border drawn as fenced, or null when the fence layer is off. */
	fence: number | null;
	/** The claim the fence layer stands for at the end of the step. */
	fenceClaim: number | null;
	description: string;
	dateLabel: string;
	year: number;
}

/** What scroll progress changes within a step: how much of the fence and the routes is drawn. */
export interface Drawn {
	fence: number | null;
	routes: number;
}

export const TIMELINE_START = 1994;
export const TIMELINE_END = 2025;

/** Progress at which route drawing completes: the rest of the step shows it whole. */
const ROUTES_DONE_AT = 0.3;
/** Progress at which the fence reaches the step's claim. */
const FENCE_DONE_AT = 0.35;

export function flattenSteps(story: Story): Step[] {
	return story.chapters.flatMap((c) => c.steps);
}

/** Decimal year of a YYYY, YYYY-MM or YYYY-MM-DD date (mid-period when imprecise). */
export function decimalYear(date: string): number {
	const [y, m, d] = date.split('-').map(Number);
	const year = y ?? TIMELINE_START;
	if (m === undefined || Number.isNaN(m)) return year + 0.5;
	const day = d === undefined || Number.isNaN(d) ? 15 : d;
	return year + (m - 1) / 12 + (day - 1) / 365;
}

/** The per-step map table: every step's map, in reading order. */
export function mapSteps(story: Story): MapStep[] {
	const steps = flattenSteps(story);
	if (steps.length === 0) throw new Error('The story has no steps');
	return steps.map((step, index) => {
		const view = story.views.find((v) => v.id === step.map.view);
		if (!view) throw new Error(`Step "${step.id}" uses unknown view "${step.map.view}"`);
		const fence = step.map.fence;
		return {
			id: step.id,
			index,
			view,
			layers: [...step.map.layers],
			highlight: step.map.highlight,
			markers: step.map.markers,
			routes: step.map.routes,
			annotations: step.map.annotations,
			fence: fence && step.map.layers.includes('fence') ? { from: fence.from, to: fence.to } : null,
			description: step.map.description,
			dateLabel: step.dateLabel,
			year: decimalYear(step.date)
		};
	});
}

/** How much is drawn at a progress through the step; reduced motion shows drawings whole. */
export function drawnAt(
	step: MapStep,
	progress: number,
	options: { reducedMotion?: boolean } = {}
): Drawn {
	const p = options.reducedMotion ? 1 : clamp01(progress);
	return {
		fence: step.fence ? fenceShareAt(step.fence.from, step.fence.to, p / FENCE_DONE_AT) : null,
		routes: clamp01(p / ROUTES_DONE_AT)
	};
}

/** The state of a step's map at a progress through it. */
export function stateAt(
	step: MapStep,
	progress: number,
	options: { reducedMotion?: boolean } = {}
): MapState {
	const drawn = drawnAt(step, progress, options);
	return {
		stepId: step.id,
		index: step.index,
		view: step.view,
		layers: new Set(step.layers),
		highlight: step.highlight,
		markers: step.markers,
		routes: step.routes.map((route) => ({ route, drawn: drawn.routes })),
		annotations: step.annotations,
		fence: drawn.fence,
		fenceClaim: step.fence ? step.fence.to : null,
		description: step.description,
		dateLabel: step.dateLabel,
		year: step.year
	};
}

/** Whether a place is a reference dot (a city or crossing) that the step's layers switch on. */
export function isReferencePlace(place: MapPlace, layers: MapState['layers']): boolean {
	return (
		(place.kind === 'city' && layers.has('cities')) ||
		(place.kind === 'crossing' && layers.has('crossings'))
	);
}
