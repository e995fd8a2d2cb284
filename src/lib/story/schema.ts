/**
 * Valibot schemas for the story document. Two layers:
 * - `RawStorySchema` checks the shape archieml produces (blocks, lists, text fields), so a
 *   missing field, a typo'd key or a list written as a single line fails with a field path;
 * - the field schemas below check the values inside those strings (dates, enums, numbers),
 *   and are applied by `parse.ts` while it turns the raw document into a `Story`.
 */
import * as v from 'valibot';
import {
	CHAPTER_KINDS,
	CORRECTION_KINDS,
	LAYER_IDS,
	MARKER_KINDS,
	ROUTE_KINDS,
	STATUSES
} from './types';

const text = v.pipe(v.string('must be a single line of text'), v.trim(), v.nonEmpty('is empty'));
const optionalText = v.optional(v.string('must be a single line of text'));
const lines = (what: string) =>
	v.array(v.string(`each ${what} must be a "* " line`), `must be a [list] of "* " lines`);
const optionalLines = (what: string) => v.optional(lines(what), []);

const RawViewSchema = v.strictObject(
	{ id: text, label: text, bbox: text, phone: optionalText },
	'must be a view block'
);

const RawMapSchema = v.strictObject(
	{
		view: text,
		layers: v.optional(v.string('must be a comma-separated line'), ''),
		highlight: v.optional(v.string('must be a comma-separated line'), ''),
		markers: optionalLines('marker'),
		routes: optionalLines('route'),
		annotations: optionalLines('annotation'),
		fence: optionalText,
		description: text
	},
	'must be a {.map} block'
);

const RawStepSchema = v.strictObject(
	{
		id: text,
		date: text,
		endDate: optionalText,
		dateLabel: text,
		text: lines('paragraph'),
		map: RawMapSchema
	},
	'must be a step'
);

const RawChapterSchema = v.strictObject(
	{
		id: text,
		title: text,
		kind: text,
		steps: v.pipe(
			v.array(RawStepSchema, 'must be a [.steps] list'),
			v.minLength(1, 'needs at least one step')
		)
	},
	'must be a chapter'
);

const RawSourceSchema = v.strictObject(
	{
		id: text,
		outlet: text,
		author: optionalText,
		title: text,
		date: optionalText,
		url: optionalText,
		note: optionalText
	},
	'must be a source'
);

const RawCorrectionSchema = v.strictObject(
	{ date: text, kind: text, text: text },
	'must be a correction'
);

const RawCreditSchema = v.strictObject({ role: text, names: text }, 'must be a credit');

export const RawStorySchema = v.strictObject(
	{
		slug: v.pipe(text, v.regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, 'must be lower-case-words')),
		headline: text,
		dek: text,
		byline: v.pipe(lines('name'), v.minLength(1, 'needs at least one name')),
		dateline: text,
		published: text,
		updated: text,
		views: v.pipe(v.array(RawViewSchema, 'must be a [views] list'), v.minLength(1, 'needs a view')),
		chapters: v.pipe(
			v.array(RawChapterSchema, 'must be a [chapters] list'),
			v.minLength(1, 'needs a chapter')
		),
		methodology: lines('paragraph'),
		sources: v.array(RawSourceSchema, 'must be a [sources] list'),
		corrections: v.array(RawCorrectionSchema, 'must be a [corrections] list (may be empty)'),
		credits: v.array(RawCreditSchema, 'must be a [credits] list')
	},
	'must be a story document'
);

export type RawStory = v.InferOutput<typeof RawStorySchema>;

const isRealDate = (s: string) => {
	const [y, m = 1, d = 1] = s.split('-').map(Number);
	const date = new Date(Date.UTC(y!, m - 1, d));
	return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
};

/** YYYY, YYYY-MM or YYYY-MM-DD. */
export const SortableDateSchema = v.pipe(
	v.string(),
	v.regex(/^\d{4}(?:-\d{2}(?:-\d{2})?)?$/, 'must be YYYY, YYYY-MM or YYYY-MM-DD'),
	v.check(isRealDate, 'is not a real calendar date')
);

export const DaySchema = v.pipe(
	v.string(),
	v.regex(/^\d{4}-\d{2}-\d{2}$/, 'must be YYYY-MM-DD'),
	v.check(isRealDate, 'is not a real calendar date')
);

export const DateTimeSchema = v.pipe(
	v.string(),
	v.regex(
		/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2})?(?:Z|[+-]\d{2}:\d{2})$/,
		'must be an ISO date-time with a time zone, e.g. 2024-12-31T09:00:00Z'
	),
	v.check((s) => !Number.isNaN(Date.parse(s)) && isRealDate(s.slice(0, 10)), 'is not a real date')
);

const pick = <T extends string>(values: readonly [T, ...T[]], what: string) =>
	v.picklist(values, (issue) => `unknown ${what} ${issue.received} (known: ${values.join(', ')})`);

export const LayerSchema = pick(LAYER_IDS, 'layer');
export const StatusSchema = pick(STATUSES, 'status');
export const MarkerKindSchema = pick(MARKER_KINDS, 'marker kind');
export const RouteKindSchema = pick(ROUTE_KINDS, 'route kind');
export const ChapterKindSchema = pick(CHAPTER_KINDS, 'chapter kind');
export const CorrectionKindSchema = pick(CORRECTION_KINDS, 'correction kind');

export const ShareSchema = v.pipe(
	v.number('must be a number'),
	v.minValue(0, 'must be between 0 and 1'),
	v.maxValue(1, 'must be between 0 and 1')
);

export const BendSchema = v.pipe(
	v.number('must be a number'),
	v.minValue(-0.5, 'must be between -0.5 and 0.5'),
	v.maxValue(0.5, 'must be between -0.5 and 0.5')
);

export const UrlSchema = v.pipe(v.string(), v.url('must be a full URL (https://…)'));
