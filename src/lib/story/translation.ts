/**
 * Editions in other languages. A translation (`src/content/story.<lang>.aml`) holds text only,
 * keyed by the English document's ids: the map states, dates and sources are the English
 * edition's, shared. Drift between a translation and the English is a build error naming file,
 * line and field: a missing or added view, chapter or step, a paragraph added or dropped, a
 * citation dropped, added or moved, or a number changed (compared after normalising digits).
 * A translation made from an older English `updated:` is stale: the page says so, and CI fails.
 */
import archieml from 'archieml';
import { indexLines, lineOf } from './locate';
import { StoryError, type StoryIssue } from './parse';
import type { Paragraph, Step, Story } from './types';

export interface StepText {
	dateLabel: string;
	text: Paragraph[];
	description: string;
	/** Marker place id, route id or annotation id → its text on the map. */
	labels: Map<string, string>;
}

export interface Translation {
	lang: string;
	/** The English `updated:` this edition was translated from. */
	translatedFrom: string;
	/** The English has been updated since: readers are told, and CI fails. */
	stale: boolean;
	headline: string;
	dek: string;
	dateline: string;
	byline: string[];
	views: Map<string, string>;
	chapters: Map<string, string>;
	steps: Map<string, StepText>;
	methodology: Paragraph[];
	corrections: string[];
	credits: string[];
}

const CITE = /\[\[([^[\]]*)\]\]/g;

/** Western digits for Arabic-Indic (U+0660…) and Extended Arabic-Indic (U+06F0…) ones. */
export function westernDigits(s: string): string {
	return s.replace(/[\u0660-\u0669\u06F0-\u06F9]/g, (d) => {
		const c = d.charCodeAt(0);
		return String(c >= 0x06f0 ? c - 0x06f0 : c - 0x0660);
	});
}

/** The numbers in a text, digits normalised, thousands separators dropped, in sorted order. */
export function numbersIn(s: string): string[] {
	const text = westernDigits(s.replace(CITE, ' '))
		.replace(/(\d)[,\u066C\u060C](?=\d{3}\b)/g, '$1')
		.replace(/\u066B/g, '.');
	return [...text.matchAll(/\d+(?:\.\d+)?/g)].map((m) => m[0]).sort();
}

/** The citation ids of a text, in order. */
export function citationsIn(s: string): string[] {
	return [...s.matchAll(CITE)].flatMap((m) =>
		m[1]!
			.split(',')
			.map((x) => x.trim())
			.filter(Boolean)
	);
}

/** A paragraph back to its source text, `[[id]]` markers included. */
export function paragraphSource(p: Paragraph): string {
	return p.map((i) => (i.type === 'text' ? i.text : ` [[${i.source}]]`)).join('');
}

function toParagraph(s: string): Paragraph {
	const out: Paragraph = [];
	let last = 0;
	for (const m of s.matchAll(CITE)) {
		const before = s.slice(last, m.index).replace(/\s+$/, '');
		if (before) out.push({ type: 'text', text: before });
		for (const id of citationsIn(m[0])) out.push({ type: 'cite', source: id });
		last = m.index + m[0].length;
	}
	const rest = s.slice(last);
	if (rest.trim()) out.push({ type: 'text', text: rest });
	return out;
}

/** What a step shows on the map as text, keyed as translations key it. */
export function translatableLabels(step: Step): Map<string, string> {
	const out = new Map<string, string>();
	for (const m of step.map.markers) if (m.label) out.set(m.place, m.label);
	for (const r of step.map.routes) if (r.label) out.set(r.id, r.label);
	for (const a of step.map.annotations) out.set(a.id, a.text);
	return out;
}

type Raw = Record<string, unknown>;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : '');
const arr = (v: unknown): Raw[] => (Array.isArray(v) ? (v as Raw[]) : []);
const texts = (v: unknown): string[] =>
	Array.isArray(v) ? v.map((x) => (typeof x === 'string' ? x.trim() : '')) : [];

export function parseTranslation(source: string, file: string, english: Story): Translation {
	const index = indexLines(source);
	const issues: StoryIssue[] = [];
	const fail = (path: string, message: string) =>
		issues.push({ path, line: lineOf(index, path), message });
	const raw = archieml.load(source) as Raw;

	const required = (value: string, path: string) => {
		if (!value) fail(path, 'missing translation');
		return value;
	};
	/** A translated text against its English: the same citations in order, the same numbers. */
	const same = (translated: string, original: string, path: string) => {
		const a = citationsIn(original).join(', ');
		const b = citationsIn(translated).join(', ');
		if (a !== b) fail(path, `citations differ from the English: [${b}] instead of [${a}]`);
		const x = numbersIn(original).join(' ');
		const y = numbersIn(translated).join(' ');
		if (x !== y) fail(path, `numbers differ from the English: {${y}} instead of {${x}}`);
	};
	/** Ids in the same order as the English; names what is missing, added or moved. */
	const sameIds = (got: string[], want: string[], path: string, what: string) => {
		for (const id of want)
			if (!got.includes(id)) fail(path, `missing ${what} "${id}" (the English has it)`);
		got.forEach((id, i) => {
			if (!want.includes(id)) fail(`${path}[${i}].id`, `${what} "${id}" is not in the English`);
		});
		const common = got.filter((id) => want.includes(id));
		const order = want.filter((id) => got.includes(id));
		if (common.join() !== order.join()) fail(path, `${what}s are not in the English order`);
	};

	const lang = required(str(raw.lang), 'lang');
	const translatedFrom = required(str(raw.translatedFrom), 'translatedFrom');
	const headline = required(str(raw.headline), 'headline');
	const dek = required(str(raw.dek), 'dek');
	same(dek, english.dek, 'dek');
	const dateline = required(str(raw.dateline), 'dateline');
	same(dateline, english.dateline, 'dateline');
	const byline = texts(raw.byline);
	if (byline.length !== english.byline.length)
		fail('byline', `${byline.length} lines; the English has ${english.byline.length}`);

	const rawViews = arr(raw.views);
	sameIds(
		rawViews.map((v) => str(v.id)),
		english.views.map((v) => v.id),
		'views',
		'view'
	);
	const views = new Map(
		rawViews.map((v, i) => [str(v.id), required(str(v.label), `views[${i}].label`)])
	);

	const rawChapters = arr(raw.chapters);
	sameIds(
		rawChapters.map((c) => str(c.id)),
		english.chapters.map((c) => c.id),
		'chapters',
		'chapter'
	);
	const chapters = new Map<string, string>();
	const steps = new Map<string, StepText>();
	rawChapters.forEach((c, ci) => {
		const cpath = `chapters[${ci}]`;
		const en = english.chapters.find((e) => e.id === str(c.id));
		chapters.set(str(c.id), required(str(c.title), `${cpath}.title`));
		if (!en) return;
		const rawSteps = arr(c.steps);
		sameIds(
			rawSteps.map((s) => str(s.id)),
			en.steps.map((s) => s.id),
			`${cpath}.steps`,
			'step'
		);
		rawSteps.forEach((s, si) => {
			const path = `${cpath}.steps[${si}]`;
			const enStep = en.steps.find((e) => e.id === str(s.id));
			if (!enStep) return;
			const dateLabel = required(str(s.dateLabel), `${path}.dateLabel`);
			same(dateLabel, enStep.dateLabel, `${path}.dateLabel`);
			const paragraphs = texts(s.text);
			if (paragraphs.length !== enStep.text.length)
				fail(
					`${path}.text`,
					`${paragraphs.length} paragraphs; the English has ${enStep.text.length}`
				);
			paragraphs.forEach((p, pi) => {
				const original = enStep.text[pi];
				if (!required(p, `${path}.text[${pi}]`) || !original) return;
				same(p, paragraphSource(original), `${path}.text[${pi}]`);
			});
			const description = required(str(s.description), `${path}.description`);
			same(description, enStep.map.description, `${path}.description`);
			const want = translatableLabels(enStep);
			const labels = new Map<string, string>();
			texts(s.labels).forEach((line, li) => {
				const lpath = `${path}.labels[${li}]`;
				const bar = line.indexOf('|');
				const key = bar < 0 ? '' : line.slice(0, bar).trim();
				const value = bar < 0 ? '' : line.slice(bar + 1).trim();
				const original = want.get(key);
				if (original === undefined) {
					fail(lpath, `"${key}" labels nothing on the English map at this step`);
					return;
				}
				labels.set(key, required(value, lpath));
				same(value, original, lpath);
			});
			for (const key of want.keys())
				if (!labels.has(key)) fail(`${path}.labels`, `missing label for "${key}"`);
			steps.set(enStep.id, {
				dateLabel,
				text: paragraphs.map(toParagraph),
				description,
				labels
			});
		});
	});

	// Methodology: the English paragraphs in order, then the edition's own notes (how it was
	// prepared), which cite nothing.
	const methodology = texts(raw.methodology);
	if (methodology.length < english.methodology.length)
		fail(
			'methodology',
			`${methodology.length} paragraphs; the English has ${english.methodology.length}`
		);
	methodology.forEach((p, i) => {
		const original = english.methodology[i];
		if (original) same(p, paragraphSource(original), `methodology[${i}]`);
		else if (citationsIn(p).length)
			fail(`methodology[${i}]`, 'an edition note (beyond the English paragraphs) cites sources');
	});

	const corrections = arr(raw.corrections);
	if (corrections.length !== english.corrections.length)
		fail(
			'corrections',
			`${corrections.length} corrections; the English has ${english.corrections.length}`
		);
	corrections.forEach((c, i) => {
		const en = english.corrections[i];
		if (en && str(c.date) !== en.date)
			fail(`corrections[${i}].date`, `"${str(c.date)}" is not the English "${en.date}"`);
		if (en) same(str(c.text), en.text, `corrections[${i}].text`);
	});

	const credits = arr(raw.credits);
	if (credits.length !== english.credits.length)
		fail('credits', `${credits.length} credits; the English has ${english.credits.length}`);

	if (issues.length) {
		issues.sort((a, b) => a.line - b.line);
		throw new StoryError(file, issues);
	}
	return {
		lang,
		translatedFrom,
		stale: translatedFrom !== english.updated,
		headline,
		dek,
		dateline,
		byline,
		views,
		chapters,
		steps,
		methodology: methodology.map(toParagraph),
		corrections: corrections.map((c) => str(c.text)),
		credits: credits.map((c) => `${str(c.role)}\u0000${str(c.names)}`)
	};
}

/**
 * The edition's Story: the English map states, dates and sources, with the translation's text,
 * its ASCII digits written in the edition's digit style by `digits` (the check against the English
 * has compared the numbers already).
 */
export function localizeStory(
	english: Story,
	t: Translation,
	digits: (text: string) => string = (text) => text
): Story {
	const d = (text: string) => digits(text);
	const para = (ps: Paragraph[]): Paragraph[] =>
		ps.map((p) => p.map((i) => (i.type === 'text' ? { ...i, text: d(i.text) } : i)));
	const opt = (text: string | undefined) => (text === undefined ? undefined : d(text));
	return {
		...english,
		headline: d(t.headline),
		dek: d(t.dek),
		dateline: d(t.dateline),
		byline: t.byline.map(d),
		views: english.views.map((v) => ({ ...v, label: d(t.views.get(v.id) ?? v.label) })),
		chapters: english.chapters.map((c) => ({
			...c,
			title: d(t.chapters.get(c.id) ?? c.title),
			steps: c.steps.map((s) => {
				const tr = t.steps.get(s.id);
				if (!tr) return s;
				const label = (key: string, fallback?: string) => opt(tr.labels.get(key) ?? fallback);
				return {
					...s,
					dateLabel: d(tr.dateLabel),
					text: para(tr.text),
					map: {
						...s.map,
						description: d(tr.description),
						markers: s.map.markers.map((m) => ({ ...m, label: label(m.place, m.label) })),
						routes: s.map.routes.map((r) => ({ ...r, label: label(r.id, r.label) })),
						annotations: s.map.annotations.map((a) => ({ ...a, text: label(a.id, a.text)! }))
					}
				};
			})
		})),
		methodology: para(t.methodology),
		corrections: english.corrections.map((c, i) => ({
			...c,
			text: d(t.corrections[i] ?? c.text)
		})),
		credits: english.credits.map((c, i) => {
			const [role, names] = (t.credits[i] ?? '').split('\u0000');
			return { role: d(role || c.role), names: d(names || c.names) };
		})
	};
}

/**
 * A new translation's starting file: the English text in the translation format, every id in
 * place. A translator replaces the text and keeps the ids, `[[citations]]` and numbers.
 */
export function translationTemplate(english: Story, lang: string): string {
	const lines: string[] = [
		':skip',
		`Translation of src/content/story.aml into "${lang}". Text only: map states, dates and`,
		'sources come from the English. Keep every id, every [[citation]] (same paragraph, same',
		'order) and every number; the build fails, naming the line, when they drift. Set',
		'translatedFrom to the English `updated:` you translated; keep one paragraph per line.',
		':endskip',
		'',
		`lang: ${lang}`,
		`translatedFrom: ${english.updated}`,
		`headline: ${english.headline}`,
		`dek: ${english.dek}`,
		`dateline: ${english.dateline}`,
		'',
		'[byline]',
		...english.byline.map((b) => `* ${b}`),
		'[]',
		'',
		'[views]'
	];
	for (const v of english.views) lines.push(`id: ${v.id}`, `label: ${v.label}`, '');
	lines.push('[]', '', '[chapters]');
	for (const c of english.chapters) {
		lines.push(`id: ${c.id}`, `title: ${c.title}`, '[.steps]');
		for (const s of c.steps) {
			lines.push(`id: ${s.id}`, `dateLabel: ${s.dateLabel}`, '[.text]');
			for (const p of s.text) lines.push(`* ${paragraphSource(p).trim()}`);
			lines.push('[]', `description: ${s.map.description}`);
			const labels = translatableLabels(s);
			if (labels.size) {
				lines.push('[.labels]');
				for (const [key, text] of labels) lines.push(`* ${key} | ${text}`);
				lines.push('[]');
			}
			lines.push('');
		}
		lines.push('[]', '');
	}
	lines.push('[]', '', '[methodology]');
	for (const p of english.methodology) lines.push(`* ${paragraphSource(p).trim()}`);
	lines.push('[]', '', '[corrections]');
	for (const c of english.corrections) lines.push(`date: ${c.date}`, `text: ${c.text}`, '');
	lines.push('[]', '', '[credits]');
	for (const c of english.credits) lines.push(`role: ${c.role}`, `names: ${c.names}`, '');
	lines.push('[]', '');
	return lines.join('\n');
}
