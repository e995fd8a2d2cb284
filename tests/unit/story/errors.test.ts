import { describe, expect, it } from 'vitest';
import { parseStory, StoryError } from '../../../src/lib/story/parse';
import { KNOWN } from './fixtures';

const FILE = 'src/content/story.aml';

/** A small valid document; each test breaks one thing in it. */
const BASE = `:skip
notes: not parsed
:endskip
slug: test-story
headline: H
dek: D
dateline: X
published: 2024-12-31T09:00:00Z
updated: 2024-12-31T09:00:00Z
[byline]
* A Writer
[]
[views]
id: region
label: Region
bbox: 60, 23, 78, 38
[]
[chapters]
id: one
title: One
kind: chapter
[.steps]
id: step-a
date: 2020
dateLabel: 2020
[.text]
* First paragraph. [[src-1]]
[]
{.map}
view: region
layers: cities
highlight: Paktika
[.markers]
* kabul | city | documented | Kabul [[src-1]]
[]
[.routes]
* route-1 | quetta -> kabul | advance | documented | Label | 0.1
[]
fence: 0 -> 0.5
description: Map A
{}
id: step-b
date: 2021-06
dateLabel: June 2021
[.text]
* Second paragraph. [[src-1]]
[]
{.map}
view: region
description: Map B
{}
[]
id: two
title: Two
kind: chapter
[.steps]
id: step-c
date: 2022-01-05
dateLabel: 5 January 2022
[.text]
* Third paragraph. [[src-1]]
[]
{.map}
view: region
description: Map C
{}
[]
[]
[methodology]
* Method. [[src-1]]
[]
[sources]
id: src-1
outlet: Outlet
title: Title
url: https://example.org/a
[]
[corrections]
[]
[credits]
role: Text
names: Desk
[]
`;

/** Replaces the n-th (1-based) occurrence of `find`. */
function edit(doc: string, find: string, replace: string, nth = 1): string {
	let at = -1;
	for (let i = 0; i < nth; i++) {
		at = doc.indexOf(find, at + 1);
		if (at < 0) throw new Error(`test setup: "${find}" #${nth} not in document`);
	}
	return doc.slice(0, at) + replace + doc.slice(at + find.length);
}

/** 1-based line of the n-th line that starts with `start`. */
function lineOf(doc: string, start: string, nth = 1): number {
	const lines = doc.split('\n');
	let seen = 0;
	for (let i = 0; i < lines.length; i++) {
		if (lines[i]!.startsWith(start) && ++seen === nth) return i + 1;
	}
	throw new Error(`test setup: no line starting "${start}" #${nth}`);
}

function errorOf(doc: string): StoryError {
	try {
		parseStory(doc, FILE, KNOWN);
	} catch (e) {
		expect(e).toBeInstanceOf(StoryError);
		return e as StoryError;
	}
	throw new Error('expected parseStory to fail');
}

/** Asserts the message has a line `file:line: path: …` containing `text`. */
function expectIssue(doc: string, line: number, path: string, text: string | RegExp) {
	const message = errorOf(doc).message;
	const prefix = `${FILE}:${line}: ${path}: `;
	const hit = message.split('\n').find((l) => l.startsWith(prefix));
	expect(hit, `no "${prefix}" in:\n${message}`).toBeDefined();
	expect(hit).toMatch(text);
}

describe('parseStory', () => {
	it('accepts the base document', () => {
		const story = parseStory(BASE, FILE, KNOWN);
		expect(story.chapters).toHaveLength(2);
		const a = story.chapters[0]!.steps[0]!;
		expect(a.text[0]).toEqual([
			{ type: 'text', text: 'First paragraph.' },
			{ type: 'cite', source: 'src-1' }
		]);
		expect(a.map.markers[0]).toEqual({
			place: 'kabul',
			kind: 'city',
			status: 'documented',
			label: 'Kabul',
			sources: ['src-1']
		});
		expect(a.map.routes[0]).toMatchObject({
			id: 'route-1',
			from: 'quetta',
			to: 'kabul',
			bend: 0.1
		});
		expect(a.map.fence).toEqual({ from: 0, to: 0.5 });
		expect(story.views[0]!.bbox).toEqual([60, 23, 78, 38]);
	});

	it('reports a missing required field at its block', () => {
		const doc = edit(BASE, 'description: Map B\n', '');
		expectIssue(doc, lineOf(doc, '{.map}', 2), 'chapters[0].steps[1].map.description', 'missing');
	});

	it('reports a missing top-level field', () => {
		const doc = edit(BASE, 'headline: H\n', '');
		expectIssue(doc, 1, 'headline', 'missing required field');
	});

	it('reports a wrong type: a single line where a list is needed', () => {
		const doc = edit(BASE, '[.text]\n* First paragraph. [[src-1]]\n[]', 'text: First. [[src-1]]');
		expectIssue(doc, lineOf(doc, 'text: First'), 'chapters[0].steps[0].text', 'list');
	});

	it('reports a misspelt field', () => {
		const doc = edit(BASE, 'description: Map C', 'descripton: Map C');
		expectIssue(
			doc,
			lineOf(doc, 'descripton:'),
			'chapters[1].steps[0].map.descripton',
			'unknown field'
		);
	});

	it('reports an unknown layer', () => {
		const doc = edit(BASE, 'layers: cities', 'layers: cities, rivers');
		expectIssue(
			doc,
			lineOf(doc, 'layers:'),
			'chapters[0].steps[0].map.layers',
			'unknown layer "rivers"'
		);
	});

	it('reports an unknown place in a marker and in a route', () => {
		let doc = edit(BASE, '* kabul | city', '* kabull | city');
		expectIssue(
			doc,
			lineOf(doc, '* kabull'),
			'chapters[0].steps[0].map.markers[0].place',
			'unknown place "kabull"'
		);
		doc = edit(BASE, 'quetta -> kabul', 'quetta -> kabol');
		expectIssue(
			doc,
			lineOf(doc, '* route-1'),
			'chapters[0].steps[0].map.routes[0].to',
			'unknown place "kabol"'
		);
	});

	it('reports an unknown province', () => {
		const doc = edit(BASE, 'highlight: Paktika', 'highlight: Paktika, Paktiya');
		expectIssue(
			doc,
			lineOf(doc, 'highlight:'),
			'chapters[0].steps[0].map.highlight',
			'unknown province "Paktiya"'
		);
	});

	it('reports an unknown source in a citation, on a marker line and in the methodology', () => {
		let doc = edit(BASE, 'Second paragraph. [[src-1]]', 'Second paragraph. [[src-2]]');
		expectIssue(
			doc,
			lineOf(doc, '* Second'),
			'chapters[0].steps[1].text[0]',
			'unknown source "src-2"'
		);
		doc = edit(BASE, 'Kabul [[src-1]]', 'Kabul [[nope]]');
		expectIssue(
			doc,
			lineOf(doc, '* kabul'),
			'chapters[0].steps[0].map.markers[0]',
			'unknown source "nope"'
		);
		doc = edit(BASE, 'Method. [[src-1]]', 'Method. [[src-9]]');
		expectIssue(doc, lineOf(doc, '* Method'), 'methodology[0]', 'unknown source "src-9"');
	});

	it('reports an unknown view with the known ones', () => {
		const doc = edit(BASE, 'view: region', 'view: closup', 3);
		expectIssue(
			doc,
			lineOf(doc, 'view: closup'),
			'chapters[1].steps[0].map.view',
			/unknown view "closup" \(known: region\)/
		);
	});

	it('reports duplicate step, chapter and source ids', () => {
		let doc = edit(BASE, 'id: step-c', 'id: step-a');
		expectIssue(
			doc,
			lineOf(doc, 'id: step-a', 2),
			'chapters[1].steps[0].id',
			'duplicate step id "step-a"'
		);
		doc = edit(BASE, 'id: two', 'id: one');
		expectIssue(doc, lineOf(doc, 'id: one', 2), 'chapters[1].id', 'duplicate chapter id "one"');
		doc = edit(
			BASE,
			'url: https://example.org/a\n',
			'url: https://example.org/a\n\nid: src-1\noutlet: O\ntitle: T\n'
		);
		expectIssue(doc, lineOf(doc, 'id: src-1', 2), 'sources[1].id', 'duplicate source id "src-1"');
	});

	it('reports chapter dates out of order across chapters, but exempts a prologue', () => {
		let doc = edit(BASE, 'date: 2022-01-05', 'date: 2021-05-31');
		expectIssue(doc, lineOf(doc, 'date: 2021-05-31'), 'chapters[1].steps[0].date', 'out of order');
		doc = edit(BASE, 'date: 2021-06', 'date: 2019');
		expectIssue(doc, lineOf(doc, 'date: 2019'), 'chapters[0].steps[1].date', 'out of order');
		// A flash-forward in a prologue is allowed.
		doc = edit(edit(BASE, 'kind: chapter', 'kind: prologue'), 'date: 2020', 'date: 2030');
		expect(() => parseStory(doc, FILE, KNOWN)).not.toThrow();
	});

	it('reports a step that starts before the previous step’s date range has ended', () => {
		// step-b now covers June 2021 to March 2022, so step-c (5 January 2022) goes back in time.
		let doc = edit(BASE, 'date: 2021-06\n', 'date: 2021-06\nendDate: 2022-03\n');
		expectIssue(
			doc,
			lineOf(doc, 'date: 2022-01-05'),
			'chapters[1].steps[0].date',
			/out of order: starts 2022-01-05, before the range of step "step-b" \(2021-06 to 2022-03\) ends/
		);
		// Within one chapter too: step-a covering 2020 to 2022 overlaps step-b (June 2021).
		doc = edit(BASE, 'date: 2020\n', 'date: 2020\nendDate: 2022\n');
		expectIssue(doc, lineOf(doc, 'date: 2021-06'), 'chapters[0].steps[1].date', 'step-a');
		// A range may end on the day the next step starts, or in its month when only the month is known.
		for (const end of ['2022-01-05', '2022-01', '2021-12-31']) {
			doc = edit(BASE, 'date: 2021-06\n', `date: 2021-06\nendDate: ${end}\n`);
			const story = parseStory(doc, FILE, KNOWN);
			expect(story.chapters[0]!.steps[1]!.endDate).toBe(end);
		}
		// A prologue may flash forward over the whole story.
		doc = edit(
			edit(BASE, 'kind: chapter', 'kind: prologue'),
			'date: 2020\n',
			'date: 2020\nendDate: 2024\n'
		);
		expect(() => parseStory(doc, FILE, KNOWN)).not.toThrow();
	});

	it('reports a date range that runs backwards, and a malformed end date', () => {
		let doc = edit(BASE, 'date: 2021-06\n', 'date: 2021-06\nendDate: 2021-05-31\n');
		expectIssue(
			doc,
			lineOf(doc, 'endDate:'),
			'chapters[0].steps[1].endDate',
			"runs backwards: ends 2021-05-31, before the step's date 2021-06"
		);
		doc = edit(BASE, 'date: 2021-06\n', 'date: 2021-06\nendDate: 30 June 2021\n');
		expectIssue(doc, lineOf(doc, 'endDate:'), 'chapters[0].steps[1].endDate', 'YYYY');
	});

	it('reports fence shares outside 0..1', () => {
		const doc = edit(BASE, 'fence: 0 -> 0.5', 'fence: 0 -> 1.2');
		expectIssue(doc, lineOf(doc, 'fence:'), 'chapters[0].steps[0].map.fence.to', 'between 0 and 1');
	});

	it('reports malformed dates', () => {
		let doc = edit(BASE, 'date: 2021-06', 'date: 2021-13');
		expectIssue(
			doc,
			lineOf(doc, 'date: 2021-13'),
			'chapters[0].steps[1].date',
			'not a real calendar date'
		);
		doc = edit(BASE, 'date: 2021-06', 'date: June 2021');
		expectIssue(doc, lineOf(doc, 'date: June'), 'chapters[0].steps[1].date', 'YYYY');
		doc = edit(BASE, 'published: 2024-12-31T09:00:00Z', 'published: 31/12/2024');
		expectIssue(doc, lineOf(doc, 'published:'), 'published', 'ISO date-time');
	});

	it('reports bad enums, bends and boxes on the right line', () => {
		let doc = edit(BASE, '| city | documented |', '| city | confirmed |');
		expectIssue(
			doc,
			lineOf(doc, '* kabul'),
			'chapters[0].steps[0].map.markers[0].status',
			'unknown status "confirmed"'
		);
		doc = edit(BASE, '| Label | 0.1', '| Label | 0.9');
		expectIssue(
			doc,
			lineOf(doc, '* route-1'),
			'chapters[0].steps[0].map.routes[0].bend',
			'-0.5 and 0.5'
		);
		doc = edit(BASE, 'bbox: 60, 23, 78, 38', 'bbox: 78, 23, 60, 38');
		expectIssue(doc, lineOf(doc, 'bbox:'), 'views[0].bbox', 'west < east');
	});

	it('reports every problem at once, one per line, in line order', () => {
		let doc = edit(BASE, 'view: region', 'view: nowhere', 2);
		doc = edit(doc, 'layers: cities', 'layers: towns');
		const lines = errorOf(doc).message.split('\n');
		expect(lines).toHaveLength(2);
		expect(lines[0]).toContain(
			`${FILE}:${lineOf(doc, 'layers: towns')}: chapters[0].steps[0].map.layers`
		);
		expect(lines[1]).toContain(
			`${FILE}:${lineOf(doc, 'view: nowhere')}: chapters[0].steps[1].map.view`
		);
	});

	it('does not read notes inside :skip blocks', () => {
		const doc = edit(BASE, 'notes: not parsed', 'view: closup\n[chapters]\nid: x');
		expect(() => parseStory(doc, FILE, KNOWN)).not.toThrow();
	});
});
