/**
 * Standards rules checked on the real story document (issue 11): the things a standards editor
 * would otherwise have to re-read the whole story for. Each test names the rule it guards.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseStory } from '../../../src/lib/story/parse';
import type { Paragraph, Step, Story } from '../../../src/lib/story/types';
import {
	BASE_ARTICLE_SOURCES,
	extractFactSheetTitles,
	FACT_SHEET_TITLES,
	FACT_SHEET_UNLINKED_TITLES
} from './fact-sheet';
import { KNOWN } from './fixtures';
import { PLACES_FILE } from '../../../src/lib/map/dataFiles';

/** STORY_FILE lets a check be run against an edited copy (to see a rule fail once). */
const FILE = process.env.STORY_FILE ?? 'src/content/story.aml';
const FACT_SHEET = '../shared/sources/facts.md';
const story: Story = parseStory(readFileSync(FILE, 'utf8'), FILE, KNOWN);
const steps = story.chapters.flatMap((c) => c.steps);
const chapterSteps = story.chapters.filter((c) => c.kind === 'chapter').flatMap((c) => c.steps);
const step = (id: string) => steps.find((s) => s.id === id)!;
const text = (p: Paragraph) =>
	p
		.map((i) => (i.type === 'text' ? i.text : ''))
		.join(' ')
		.replace(/\s+/g, ' ');
const cites = (p: Paragraph) => p.flatMap((i) => (i.type === 'cite' ? [i.source] : []));
/** Every paragraph a reader meets, in order: headline, dek, then each step's text. */
const reading: { where: string; text: string; cites: string[] }[] = [
	{ where: 'headline', text: story.headline, cites: [] },
	{ where: 'dek', text: story.dek, cites: [] },
	...steps.flatMap((s) =>
		s.text.map((p, k) => ({ where: `${s.id}[${k}]`, text: text(p), cites: cites(p) }))
	)
];
const sentences = (t: string) => t.split(/(?<=[.;:?!])\s+(?=[A-Z0-9"])/);

/** Compares sortable dates at the coarser precision of the two ("2022-12" = "2022-12-11"). */
const coarse = (a: string, b: string) => {
	const n = Math.min(a.length, b.length);
	return a.slice(0, n).localeCompare(b.slice(0, n));
};
const firstDay = (d: string) => (d + '-01-01').slice(0, 10);
const ends = (s: Step) => s.endDate ?? s.date;

describe('dates', () => {
	it('runs the chapters in date order: no step starts before the previous one has ended', () => {
		for (let i = 1; i < chapterSteps.length; i++) {
			const [prev, step] = [chapterSteps[i - 1]!, chapterSteps[i]!];
			const where = `${prev.id} (${prev.date}–${ends(prev)}) then ${step.id} (${step.date})`;
			expect(firstDay(step.date) >= firstDay(prev.date), where).toBe(true);
			expect(coarse(ends(prev), step.date), where).toBeLessThanOrEqual(0);
		}
	});

	it('gives every range an end no earlier than its start', () => {
		for (const s of story.chapters.flatMap((c) => c.steps)) {
			if (s.endDate) expect(coarse(s.endDate, s.date), s.id).toBeGreaterThanOrEqual(0);
		}
	});

	it('tells the Chaman shelling of 11 December 2022 after the TTP’s 28 November announcement', () => {
		const ids = chapterSteps.map((s) => s.id);
		expect(ids.indexOf('chaman-2022')).toBeGreaterThan(ids.indexOf('ttp-ceasefire'));
	});
});

describe('dates as labelled', () => {
	it('gives an endDate to every chapter step whose date label shows a range', () => {
		for (const s of chapterSteps) {
			if (s.dateLabel.includes('–')) expect(s.endDate, `${s.id}: "${s.dateLabel}"`).toBeDefined();
		}
	});
});

describe('sources', () => {
	it('titles every source as the fact sheet does, or marks the title as descriptive [in brackets]', () => {
		for (const s of story.sources) {
			if (s.title.startsWith('[') && s.title.endsWith(']')) continue;
			const given = s.url ? (FACT_SHEET_TITLES[s.url] ?? []) : FACT_SHEET_UNLINKED_TITLES;
			expect(given, `${s.id}: "${s.title}" is not a title the fact sheet gives`).toContain(s.title);
		}
	});

	it('lists only pages the fact sheet lists', () => {
		for (const s of story.sources) {
			if (s.url) expect(Object.keys(FACT_SHEET_TITLES), s.id).toContain(s.url);
		}
	});

	it('dates every source, or says in the entry that no date is known', () => {
		for (const s of story.sources) {
			if (!s.date) expect(s.note ?? '', s.id).toMatch(/undated|no publication date/i);
		}
	});

	it.runIf(existsSync(FACT_SHEET))(
		'uses a copy of the fact sheet’s titles that is up to date',
		() => {
			const md = readFileSync(FACT_SHEET, 'utf8');
			expect(extractFactSheetTitles(md)).toEqual(FACT_SHEET_TITLES);
			for (const t of FACT_SHEET_UNLINKED_TITLES) expect(md).toContain(`"${t}"`);
		}
	);
});

describe('attribution and right of reply', () => {
	const accusations = reading.filter(
		(p) => /accuses/.test(p.text) && /shelter|Afghan soil|operate from/.test(p.text)
	);

	it('gives Kabul’s denial wherever Pakistan’s accusation about the TTP appears', () => {
		expect(accusations.map((p) => p.where.split('[')[0])).toEqual(
			expect.arrayContaining(['ttp-ceasefire', 'epilogue-positions'])
		);
		for (const p of accusations) expect(p.text, p.where).toMatch(/Kabul denies|denies shelter/);
	});

	it('cites the accusation itself to a published source other than the two base articles', () => {
		// The citations right after the accusation, not elsewhere in the paragraph: the base articles
		// share one wire copy, and the desk's own notes are not an independent source.
		const notIndependent = [...BASE_ARTICLE_SOURCES, 'research-notes'];
		for (const s of steps) {
			for (const p of s.text) {
				p.forEach((inline, k) => {
					if (inline.type !== 'text' || !/accuses/.test(inline.text)) return;
					const after: string[] = [];
					for (const next of p.slice(k + 1)) {
						if (next.type !== 'cite') break;
						after.push(next.source);
					}
					const independent = after.filter((id) => !notIndependent.includes(id));
					expect(independent, `${s.id}: "${inline.text}"`).not.toEqual([]);
				});
			}
		}
		expect(accusations.length).toBeGreaterThanOrEqual(2);
	});

	it('gives the UN monitors’ estimate of TTP fighters, attributed, beside the accusation', () => {
		for (const id of ['ttp-ceasefire', 'epilogue-positions']) {
			expect(step(id).text.map(text).join(' '), id).toMatch(/UN monitor[a-z ]*.*6,000 to 6,500/);
		}
	});

	it('never states the jets flatly: every sentence about jets or aircraft says who said so', () => {
		for (const p of reading) {
			for (const sentence of sentences(p.text)) {
				if (/\bjets?\b|aircraft|warplane/i.test(sentence)) {
					expect(sentence, p.where).toMatch(/\b(said|says|told|according to|reported)\b/);
				}
			}
		}
	});

	it('attributes the cause of the Torkham clash of 2023 and gives the Taliban’s account', () => {
		const t = step('torkham-2023').text.map(text).join(' ');
		expect(t).toMatch(/Pakistani officials said[^.]*new post/);
		expect(t).toMatch(/Taliban said two of their guards were killed/);
	});
});

describe('wording the sources support', () => {
	it('has a descriptive headline and dek, not the opinion pieces’ arc', () => {
		for (const t of [story.headline, story.dek]) {
			expect(t).not.toMatch(/adversar|turned into|\bjets\b/i);
		}
	});

	it('keeps out details no source on the fact sheet supports', () => {
		const all = reading.map((p) => p.text).join('\n');
		for (const cut of [/Abdur Rahman/, /Shah Mahmood/, /taken refuge/, /religious students/]) {
			expect(all).not.toMatch(cut);
		}
	});

	it('cites, for each of the flagged sentences, a source that can support it', () => {
		const title = (id: string) => story.sources.find((s) => s.id === id)!.title;
		// September 2001: the sources are dated 23 September and cannot report November.
		expect(step('recognition-2001').text.map(text).join(' ')).not.toMatch(/November/);
		// Kurram deaths: not an article about North Waziristan.
		for (const id of step('kurram-2022').text.flatMap(cites)) {
			expect(title(id), id).not.toMatch(/North Waziristan/);
		}
		// The UN mission's sentence cites the mission, not the Special Rapporteur.
		const unama = reading.find((p) => /UN mission/.test(p.text))!;
		const sentence = unama.text.match(/[^.]*UN mission[^.]*\./)![0];
		expect(sentence).not.toMatch(/rapporteur/i);
		// The summons is not cited to the page headlined with the 15,000 claim.
		const summons = reading.filter((p) => /summoned/.test(p.text));
		for (const p of summons) expect(p.cites, p.where).not.toContain('hindipatrika-15000');
	});

	it('says the Pakistani soldier killed on 28 December was Frontier Corps', () => {
		const p = reading.find(
			(x) => x.where.startsWith('prologue-strikes') && /Four days later/.test(x.text)
		)!;
		expect(p.text).toMatch(/Frontier Corps/);
		expect(p.text).not.toMatch(/Pakistan's army/);
	});

	it('states the fence figures as the sources give them, and that they conflict', () => {
		const t = step('fence-2022').text.map(text).join(' ');
		expect(t).toMatch(/21 km/);
		expect(t).toMatch(/do not agree[^.]*157 km/);
		expect(t).not.toMatch(/replied/);
		expect(step('fence-2022').map.description).not.toMatch(/last figure it gave/);
	});

	it('names the Haqqani network as a Taliban faction whose leader is interior minister', () => {
		const first = reading.find((p) => /Haqqani network/.test(p.text))!;
		expect(first.text).toMatch(/faction within the Afghan Taliban/);
		expect(first.text).toMatch(/interior minister/);
	});

	it('explains jargon where a reader first meets it', () => {
		const firstUse = (term: RegExp) => reading.find((p) => term.test(p.text))!;
		const glosses: [RegExp, RegExp][] = [
			[/Pakistani Taliban/, /TTP/],
			[/\bAFP\b/, /Agence France-Presse/],
			[/\bdpa\b/, /Germany's dpa/],
			[/TOLOnews/, /Afghan broadcaster TOLOnews/],
			[/Xinhua/, /state news agency Xinhua/],
			[/"agencies"|tribal agenc/i, /tribal areas[^.]*Khyber Pakhtunkhwa/]
		];
		for (const [term, gloss] of glosses) {
			const p = firstUse(term);
			expect(p.text, `${term} first used at ${p.where}`).toMatch(gloss);
		}
	});

	it('names the agencies checked when it says none reported the march', () => {
		for (const p of reading.filter((x) => /15,000/.test(x.text) && /no report/.test(x.text))) {
			expect(p.text, p.where).toMatch(/AP, Reuters, AFP/);
		}
		expect(reading.map((p) => p.text).join(' ')).not.toMatch(/no international news agency/);
	});
});

describe('places drawn as precisely as they are known', () => {
	/** The drawn border's stated error (static/data/provenance.json: "about 1-3 km"). */
	const LINE_ERROR_KM = 3;
	const places = JSON.parse(readFileSync(PLACES_FILE, 'utf8')) as {
		id: string;
		short: string;
		approximate?: boolean;
		snappedKm?: number;
	}[];
	const method = story.methodology.map(text).join(' ');

	it('has no strike marker on Khost city for March 2024; the province stands for it', () => {
		const s = step('barmal-march');
		expect(s.map.markers.map((m) => m.place)).not.toContain('khost');
		expect(s.map.highlight).toContain('Khost');
		expect(s.map.description).toMatch(/no precise site is known/);
	});

	it('states the rule for approximate places in the methodology, naming each one', () => {
		expect(method).toMatch(/approximate areas, never as pins/);
		const approximate = places.filter((p) => p.approximate || (p.snappedKm ?? 0) > LINE_ERROR_KM);
		expect(approximate.map((p) => p.id)).toEqual(
			expect.arrayContaining(['barmal', 'ghulam-khan', 'chaman-crossing'])
		);
		for (const p of approximate) {
			expect(method, p.id).toContain(p.short.split(' ')[0]);
			if ((p.snappedKm ?? 0) > LINE_ERROR_KM) {
				expect(method, p.id).toContain(`${p.snappedKm!.toFixed(1)} km`);
			}
		}
		expect(method).toMatch(/no marker for Khost city/);
	});
});
