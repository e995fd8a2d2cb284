/**
 * The story as typed data: what `src/content/story.aml` becomes after parsing and validation.
 * Everything the page, the map, the embed cards and the share image show comes from here.
 */

/** [west, south, east, north] in degrees. */
export type Bbox = [number, number, number, number];

/** A named camera extent. Steps refer to views by id. */
export interface View {
	id: string;
	/** What the view shows, in words (used in accessible descriptions). */
	label: string;
	/** Extent to fit on landscape screens. */
	bbox: Bbox;
	/** Optional extent for portrait phones, where the map is tall and narrow. */
	phone?: Bbox;
}

/**
 * How well a mapped thing is established. Drawn differently on the map and stated in the legend:
 * - documented: corroborated by independent reporting;
 * - claimed: one party's statement (official claims such as fence progress or casualty counts);
 * - unverified: reported without a primary source (the "15,000 fighters" march).
 */
export const STATUSES = ['documented', 'claimed', 'unverified'] as const;
export type Status = (typeof STATUSES)[number];

export const MARKER_KINDS = ['strike', 'attack', 'clash', 'crossing', 'city', 'event'] as const;
export type MarkerKind = (typeof MARKER_KINDS)[number];

export interface Marker {
	/** Place id from static/data/places.json. */
	place: string;
	kind: MarkerKind;
	status: Status;
	/** Label shown beside the marker; defaults to the place's short name. */
	label?: string;
	/** Source ids backing this marker (from `[[id]]` markers on its line in the document). */
	sources?: string[];
}

export const ROUTE_KINDS = ['advance', 'returns', 'reported-march'] as const;
export type RouteKind = (typeof ROUTE_KINDS)[number];

export interface Route {
	id: string;
	/** Place ids. */
	from: string;
	to: string;
	kind: RouteKind;
	status: Status;
	label?: string;
	/** Sideways bend of the curve as a share of its length, -0.5..0.5 (0 = straight). */
	bend?: number;
	/** Source ids backing this route (from `[[id]]` markers on its line in the document). */
	sources?: string[];
}

export interface Annotation {
	id: string;
	/** Place id the note points at. */
	place: string;
	text: string;
}

/** Optional layers a step can switch on; the base map (countries, provinces, Durand Line) is always drawn. */
export const LAYER_IDS = ['cities', 'crossings', 'fence', 'loc', 'province-labels'] as const;
export type LayerId = (typeof LAYER_IDS)[number];

/** Share of the Durand Line's length shown fenced, animated from `from` to `to` as the step is read. */
export interface FenceState {
	from: number;
	to: number;
}

/** The map state a step asks for. */
export interface StepMap {
	/** View id. */
	view: string;
	layers: LayerId[];
	/** Province names as in the map data (e.g. "Paktika", "Khyber Pakhtunkhwa"). */
	highlight: string[];
	markers: Marker[];
	routes: Route[];
	annotations: Annotation[];
	fence?: FenceState;
	/** What the map shows at this step, in words, for screen readers and the no-JS page. */
	description: string;
}

/** A run of text, or a citation of a source (rendered as a numbered link to the source list). */
export type Inline = { type: 'text'; text: string } | { type: 'cite'; source: string };
export type Paragraph = Inline[];

export interface Step {
	id: string;
	/** Sortable date: YYYY, YYYY-MM or YYYY-MM-DD. For a step that covers a range, its start. */
	date: string;
	/**
	 * Last day a step covers, when it covers a range (same formats; a partial date means its whole
	 * month or year). Absent for a step about a single day or moment.
	 */
	endDate?: string;
	/** Human date shown on the step card, e.g. "24 December 2024". */
	dateLabel: string;
	text: Paragraph[];
	map: StepMap;
}

export const CHAPTER_KINDS = ['prologue', 'chapter', 'epilogue'] as const;
export type ChapterKind = (typeof CHAPTER_KINDS)[number];

export interface Chapter {
	id: string;
	title: string;
	/** A prologue may flash forward; only chapters are checked for chronological order. */
	kind: ChapterKind;
	steps: Step[];
}

export interface Source {
	id: string;
	outlet: string;
	author?: string;
	title: string;
	/** YYYY, YYYY-MM or YYYY-MM-DD, or empty when the page is undated. */
	date?: string;
	url?: string;
	note?: string;
}

export const CORRECTION_KINDS = ['correction', 'update'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export interface Correction {
	/** YYYY-MM-DD */
	date: string;
	kind: CorrectionKind;
	text: string;
}

export interface Credit {
	role: string;
	names: string;
}

export interface Story {
	slug: string;
	headline: string;
	dek: string;
	byline: string[];
	dateline: string;
	/** ISO 8601 date-times. */
	published: string;
	updated: string;
	views: View[];
	chapters: Chapter[];
	/** "About this story": paragraphs on method, data and what is reported vs verified. */
	methodology: Paragraph[];
	sources: Source[];
	corrections: Correction[];
	credits: Credit[];
}
