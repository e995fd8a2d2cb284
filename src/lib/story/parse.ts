/**
 * ArchieML → validated `Story`. Pure: the caller supplies the source text, its file name (for
 * messages) and the ids the document may refer to. Every problem found is reported at once, one
 * per line, as `file:line: field.path: message`, sorted by line.
 */
import archieml from 'archieml';
import * as v from 'valibot';
import { indexLines, lineOf } from './locate';
import {
	BendSchema,
	ChapterKindSchema,
	CorrectionKindSchema,
	DateTimeSchema,
	DaySchema,
	LayerSchema,
	MarkerKindSchema,
	RawStorySchema,
	RouteKindSchema,
	ShareSchema,
	SortableDateSchema,
	StatusSchema,
	UrlSchema,
	type RawStory
} from './schema';
import type {
	Annotation,
	Bbox,
	Chapter,
	Credit,
	Correction,
	LayerId,
	Marker,
	Paragraph,
	Route,
	Source,
	Step,
	StepMap,
	Story,
	View
} from './types';

export interface KnownIds {
	places: Set<string>;
	provinces: Set<string>;
}

export interface StoryIssue {
	path: string;
	line: number;
	message: string;
}

/** Thrown by `parseStory`; `issues` holds every problem, `message` one line per issue. */
export class StoryError extends Error {
	constructor(
		readonly file: string,
		readonly issues: StoryIssue[]
	) {
		super(issues.map((i) => `${file}:${i.line}: ${i.path}: ${i.message}`).join('\n'));
		this.name = 'StoryError';
	}
}

const CITE = /\[\[([^[\]]*)\]\]/g;

const list = (s: string) =>
	s
		.split(',')
		.map((x) => x.trim())
		.filter(Boolean);

const known = (set: Iterable<string>) => {
	const all = [...set].sort();
	const shown = all.slice(0, 12).join(', ');
	return all.length > 12 ? `${shown}, …` : shown;
};

/** Partial dates sort by their first day: "2023" ≤ "2023-02-19". */
const sortKey = (date: string) => (date + '-01-01').slice(0, 10);

/**
 * Compares two sortable dates at the precision of the less precise one, so a partial date is
 * neither before nor after the days inside it: "2022-12" vs "2022-12-11" → 0, "2024-10" vs
 * "2024-03-18" → 1. Used for ranges, where "ends 2017-06" must not clash with "starts 2017-06-20".
 */
const compareCoarse = (a: string, b: string) => {
	const n = Math.min(a.length, b.length);
	const x = a.slice(0, n);
	const y = b.slice(0, n);
	return x < y ? -1 : x > y ? 1 : 0;
};

export function parseStory(source: string, file: string, ids: KnownIds): Story {
	const index = indexLines(source);
	const issues: StoryIssue[] = [];
	const fail = (path: string, message: string) =>
		issues.push({ path, line: lineOf(index, path), message });
	const done = (): never => {
		issues.sort((a, b) => a.line - b.line);
		throw new StoryError(file, issues);
	};

	let loaded: unknown;
	try {
		loaded = archieml.load(source);
	} catch (e) {
		fail('(document)', `not readable as ArchieML: ${(e as Error).message}`);
		return done();
	}

	const shape = v.safeParse(RawStorySchema, loaded, { abortEarly: false });
	if (!shape.success) {
		for (const issue of shape.issues) {
			const keys = (issue.path ?? []).map((p) => p.key as string | number);
			const path = keys.reduce<string>(
				(acc, k) => (typeof k === 'number' ? `${acc}[${k}]` : acc ? `${acc}.${k}` : k),
				''
			);
			const message =
				issue.expected === 'never'
					? `unknown field (not part of the format)`
					: issue.received === 'undefined'
						? 'missing required field'
						: issue.message;
			fail(path || '(document)', message);
		}
		return done();
	}
	const raw: RawStory = shape.output;

	const check = <T>(schema: v.GenericSchema<unknown, T>, value: unknown, path: string) => {
		const result = v.safeParse(schema, value);
		if (result.success) return result.output;
		fail(path, result.issues[0].message);
		return undefined;
	};

	const sourceIds = new Set(raw.sources.map((s) => s.id));
	const citeIds = (inner: string, path: string) => {
		const found = list(inner);
		if (found.length === 0) fail(path, 'empty citation [[ ]]');
		for (const id of found) {
			if (!sourceIds.has(id)) fail(path, `unknown source "${id}" (known: ${known(sourceIds)})`);
		}
		return found.filter((id) => sourceIds.has(id));
	};

	/** "Text. [[a]] More. [[b, c]]" → text and cite inlines. */
	const paragraph = (s: string, path: string): Paragraph => {
		const out: Paragraph = [];
		let last = 0;
		for (const m of s.matchAll(CITE)) {
			const before = s.slice(last, m.index).replace(/\s+$/, '');
			if (before) out.push({ type: 'text', text: before });
			for (const id of citeIds(m[1]!, path)) out.push({ type: 'cite', source: id });
			last = m.index + m[0].length;
		}
		const rest = s.slice(last);
		if (rest.trim()) out.push({ type: 'text', text: rest });
		if (/\[\[|\]\]/.test(s.replace(CITE, ''))) fail(path, 'unbalanced citation brackets');
		if (out.length === 0) fail(path, 'empty paragraph');
		return out;
	};

	/** Splits a "* a | b | c" line, pulling out any [[source]] markers. */
	const fields = (s: string, path: string) => {
		const sources: string[] = [];
		const stripped = s.replace(CITE, (_, inner: string) => {
			sources.push(...citeIds(inner, path));
			return '';
		});
		return { parts: stripped.split('|').map((x) => x.trim()), sources };
	};

	const place = (id: string | undefined, path: string, what = 'place') => {
		if (!id) fail(path, `missing ${what}`);
		else if (!ids.places.has(id)) fail(path, `unknown place "${id}" (known: ${known(ids.places)})`);
		return id ?? '';
	};

	const bbox = (s: string, path: string): Bbox => {
		const n = s.split(',').map((x) => Number(x.trim()));
		const [w, so, e, no] = n;
		if (n.length !== 4 || n.some((x) => !Number.isFinite(x))) {
			fail(path, `must be four numbers "west, south, east, north" (got "${s}")`);
		} else if (!(w! < e! && so! < no! && w! >= -180 && e! <= 180 && so! >= -90 && no! <= 90)) {
			fail(path, `is not a valid box: west < east and south < north, in degrees (got "${s}")`);
		}
		return n as Bbox;
	};

	// Views
	const viewIds = new Set<string>();
	const views: View[] = raw.views.map((r, i) => {
		const path = `views[${i}]`;
		if (viewIds.has(r.id)) fail(`${path}.id`, `duplicate view id "${r.id}"`);
		viewIds.add(r.id);
		const view: View = { id: r.id, label: r.label, bbox: bbox(r.bbox, `${path}.bbox`) };
		if (r.phone?.trim()) view.phone = bbox(r.phone, `${path}.phone`);
		return view;
	});

	// Sources (ids first, so citations anywhere can be checked)
	const seenSources = new Set<string>();
	const sources: Source[] = raw.sources.map((r, i) => {
		const path = `sources[${i}]`;
		if (seenSources.has(r.id)) fail(`${path}.id`, `duplicate source id "${r.id}"`);
		seenSources.add(r.id);
		const s: Source = { id: r.id, outlet: r.outlet, title: r.title };
		if (r.author?.trim()) s.author = r.author.trim();
		if (r.date?.trim()) s.date = check(SortableDateSchema, r.date.trim(), `${path}.date`);
		if (r.url?.trim()) s.url = check(UrlSchema, r.url.trim(), `${path}.url`);
		if (r.note?.trim()) s.note = r.note.trim();
		return s;
	});

	const stepMap = (r: RawStory['chapters'][number]['steps'][number]['map'], path: string) => {
		if (!viewIds.has(r.view))
			fail(`${path}.view`, `unknown view "${r.view}" (known: ${known(viewIds)})`);
		const layers = list(r.layers).map(
			(l) => check(LayerSchema, l, `${path}.layers`) as LayerId | undefined
		);
		const highlight = list(r.highlight);
		for (const p of highlight) {
			if (!ids.provinces.has(p)) {
				fail(`${path}.highlight`, `unknown province "${p}" (known: ${known(ids.provinces)})`);
			}
		}
		const markers = r.markers.map((line, k): Marker => {
			const at = `${path}.markers[${k}]`;
			const { parts, sources } = fields(line, at);
			const [id, kind, status, label] = parts;
			const m: Marker = {
				place: place(id, `${at}.place`),
				kind: check(MarkerKindSchema, kind, `${at}.kind`) ?? 'event',
				status: check(StatusSchema, status, `${at}.status`) ?? 'unverified'
			};
			if (label) m.label = label;
			if (sources.length) m.sources = sources;
			if (parts.length > 4) fail(at, 'too many fields (place | kind | status | label)');
			return m;
		});
		const routeIds = new Set<string>();
		const routes = r.routes.map((line, k): Route => {
			const at = `${path}.routes[${k}]`;
			const { parts, sources } = fields(line, at);
			const [id = '', ends = '', kind, status, label, bend] = parts;
			if (!id) fail(`${at}.id`, 'missing route id');
			if (routeIds.has(id)) fail(`${at}.id`, `duplicate route id "${id}" in this step`);
			routeIds.add(id);
			const [from, to] = ends.split('->').map((x) => x.trim());
			if (!ends.includes('->')) fail(`${at}.from`, `must be "from -> to" (got "${ends}")`);
			const route: Route = {
				id,
				from: place(from, `${at}.from`),
				to: place(to, `${at}.to`),
				kind: check(RouteKindSchema, kind, `${at}.kind`) ?? 'advance',
				status: check(StatusSchema, status, `${at}.status`) ?? 'unverified'
			};
			if (label) route.label = label;
			if (bend) route.bend = check(BendSchema, Number(bend), `${at}.bend`);
			if (sources.length) route.sources = sources;
			if (parts.length > 6)
				fail(at, 'too many fields (id | from -> to | kind | status | label | bend)');
			return route;
		});
		const annotations = r.annotations.map((line, k): Annotation => {
			const at = `${path}.annotations[${k}]`;
			const { parts } = fields(line, at);
			const [id = '', where, ...rest] = parts;
			const note = rest.join(' | ');
			if (!id) fail(`${at}.id`, 'missing annotation id');
			if (!note) fail(`${at}.text`, 'missing annotation text');
			return { id, place: place(where, `${at}.place`), text: note };
		});
		const map: StepMap = {
			view: r.view,
			layers: layers.filter((l): l is LayerId => l !== undefined),
			highlight,
			markers,
			routes,
			annotations,
			description: r.description
		};
		if (r.fence?.trim()) {
			const [from, to] = r.fence.split('->').map((x) => Number(x.trim()));
			if (!r.fence.includes('->')) fail(`${path}.fence`, `must be "from -> to" (got "${r.fence}")`);
			const a = check(ShareSchema, from, `${path}.fence.from`);
			const b = check(ShareSchema, to, `${path}.fence.to`);
			if (a !== undefined && b !== undefined) map.fence = { from: a, to: b };
		}
		return map;
	};

	// Chapters and steps
	const chapterIds = new Set<string>();
	const stepIds = new Set<string>();
	/** The previous dated step of kind "chapter", with the end of its range if it has one. */
	let previous: { id: string; date: string; endDate?: string } | undefined;
	const chapters: Chapter[] = raw.chapters.map((rc, i) => {
		const cpath = `chapters[${i}]`;
		if (chapterIds.has(rc.id)) fail(`${cpath}.id`, `duplicate chapter id "${rc.id}"`);
		chapterIds.add(rc.id);
		const kind = check(ChapterKindSchema, rc.kind, `${cpath}.kind`) ?? 'chapter';
		const steps = rc.steps.map((rs, j): Step => {
			const path = `${cpath}.steps[${j}]`;
			if (stepIds.has(rs.id)) fail(`${path}.id`, `duplicate step id "${rs.id}"`);
			stepIds.add(rs.id);
			const date = check(SortableDateSchema, rs.date, `${path}.date`);
			const endRaw = rs.endDate?.trim();
			const endDate = endRaw ? check(SortableDateSchema, endRaw, `${path}.endDate`) : undefined;
			if (date && endDate && compareCoarse(endDate, date) < 0) {
				fail(`${path}.endDate`, `runs backwards: ends ${endDate}, before the step's date ${date}`);
			}
			if (date && kind === 'chapter') {
				if (previous && sortKey(date) < sortKey(previous.date)) {
					fail(
						`${path}.date`,
						`dates out of order: ${date} comes after step "${previous.id}" (${previous.date})`
					);
				} else if (previous?.endDate && compareCoarse(previous.endDate, date) > 0) {
					fail(
						`${path}.date`,
						`dates out of order: starts ${date}, before the range of step "${previous.id}" ` +
							`(${previous.date} to ${previous.endDate}) ends; reorder the steps or re-date one`
					);
				}
				previous = { id: rs.id, date, ...(endDate ? { endDate } : {}) };
			}
			return {
				id: rs.id,
				date: date ?? rs.date,
				...(endDate ? { endDate } : {}),
				dateLabel: rs.dateLabel,
				text: rs.text.map((p, k) => paragraph(p, `${path}.text[${k}]`)),
				map: stepMap(rs.map, `${path}.map`)
			};
		});
		return { id: rc.id, title: rc.title, kind, steps };
	});

	const corrections: Correction[] = raw.corrections.map((r, i) => ({
		date: check(DaySchema, r.date, `corrections[${i}].date`) ?? r.date,
		kind: check(CorrectionKindSchema, r.kind, `corrections[${i}].kind`) ?? 'correction',
		text: r.text
	}));
	const credits: Credit[] = raw.credits.map((r) => ({ role: r.role, names: r.names }));

	const published = check(DateTimeSchema, raw.published, 'published');
	const updated = check(DateTimeSchema, raw.updated, 'updated');
	if (published && updated && Date.parse(updated) < Date.parse(published)) {
		fail('updated', `is earlier than published (${published})`);
	}

	const story: Story = {
		slug: raw.slug,
		headline: raw.headline,
		dek: raw.dek,
		byline: raw.byline.map((b) => b.trim()),
		dateline: raw.dateline,
		published: published ?? raw.published,
		updated: updated ?? raw.updated,
		views,
		chapters,
		methodology: raw.methodology.map((p, k) => paragraph(p, `methodology[${k}]`)),
		sources,
		corrections,
		credits
	};
	if (issues.length) done();
	return story;
}

/** Source ids the story never cites (for tests and editors' checks). */
export function uncitedSources(story: Story): string[] {
	const cited = new Set<string>();
	const visit = (p: Paragraph) => p.forEach((i) => i.type === 'cite' && cited.add(i.source));
	story.methodology.forEach(visit);
	for (const c of story.chapters) {
		for (const s of c.steps) {
			s.text.forEach(visit);
			for (const x of [...s.map.markers, ...s.map.routes])
				x.sources?.forEach((id) => cited.add(id));
		}
	}
	return story.sources.map((s) => s.id).filter((id) => !cited.has(id));
}
