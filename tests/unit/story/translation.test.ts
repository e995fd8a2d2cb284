import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { loadStory } from '../../../src/lib/story/load';
import { StoryError } from '../../../src/lib/story/parse';
import {
	localizeStory,
	numbersIn,
	parseTranslation,
	translationTemplate,
	westernDigits
} from '../../../src/lib/story/translation';
import { storyPlugin } from '../../../src/lib/story/vite-plugin-aml';
import { UI_EN } from '../../../src/lib/edition/ui';
import { PLACES_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';
import { PLACE_NAMES_FILE } from '../../../src/lib/edition/placeNames';

const english = loadStory();
const template = translationTemplate(english, 'xx');

/** The template with one edit; the parse must fail naming the line and field. */
function drift(edit: (source: string) => string): StoryError {
	const source = edit(template);
	expect(source, 'the edit changed nothing').not.toBe(template);
	try {
		parseTranslation(source, 'story.xx.aml', english);
	} catch (e) {
		expect(e).toBeInstanceOf(StoryError);
		return e as StoryError;
	}
	throw new Error('the drift was not caught');
}
const lineOf = (source: string, needle: string) =>
	source.split('\n').findIndex((l) => l.includes(needle)) + 1;

describe('translation drift is a build error, with file, line and field', () => {
	it('accepts the template, and the edition it gives keeps the English map and sources', () => {
		const t = parseTranslation(template, 'story.xx.aml', english);
		expect(t.stale).toBe(false);
		const edition = localizeStory(english, t);
		expect(edition.sources).toBe(english.sources);
		expect(edition.chapters.flatMap((c) => c.steps.map((s) => s.map.view))).toEqual(
			english.chapters.flatMap((c) => c.steps.map((s) => s.map.view))
		);
	});

	it('a step missing from the translation', () => {
		const e = drift((s) => s.replace(/^id: prologue-question$/m, 'id: prologue-questions'));
		expect(e.message).toMatch(/missing step "prologue-question"/);
		expect(e.message).toMatch(/step "prologue-questions" is not in the English/);
		expect(e.issues.some((i) => i.line === lineOf(template, 'id: prologue-question'))).toBe(true);
	});

	it('a step added to the translation', () => {
		const e = drift((s) =>
			s.replace(
				'id: prologue-question\n',
				'id: extra-step\ndateLabel: 2024\n[.text]\n* Added.\n[]\ndescription: x\n\nid: prologue-question\n'
			)
		);
		expect(e.message).toMatch(/step "extra-step" is not in the English/);
		expect(e.message).toMatch(/story\.xx\.aml:\d+: chapters\[0\]\.steps\[1\]\.id/);
	});

	it('a citation dropped, and one added', () => {
		const dropped = drift((s) => s.replace(' [[spokesman-46]]', ''));
		expect(dropped.message).toMatch(/text\[0\]: citations differ from the English/);
		const added = drift((s) => s.replace(' [[spokesman-46]]', ' [[spokesman-46]] [[bs-46]]'));
		expect(added.message).toMatch(/citations differ from the English/);
	});

	it('a number changed, even when written in other digits', () => {
		const changed = drift((s) => s.replace('46 people', '47 people'));
		expect(changed.message).toMatch(/numbers differ from the English: \{[^}]*47/);
		// The same number in Extended Arabic-Indic digits is no drift.
		const source = template.replace('46 people', '۴۶ people');
		expect(() => parseTranslation(source, 'story.xx.aml', english)).not.toThrow();
	});

	it('a paragraph dropped', () => {
		const first = english.chapters[0]!.steps[0]!;
		expect(first.text.length).toBeGreaterThan(1);
		const e = drift((s) => {
			const lines = s.split('\n');
			const at = lines.findIndex((l) => l === `id: ${first.id}`);
			const p = lines.findIndex((l, i) => i > at && l.startsWith('* '));
			lines.splice(p + 1, 1);
			return lines.join('\n');
		});
		expect(e.message).toMatch(/paragraphs; the English has/);
	});

	it('a map label for something the English step does not show', () => {
		const e = drift((s) => s.replace(/^\* barmal \|/m, '* barmel |'));
		expect(e.message).toMatch(/"barmel" labels nothing on the English map/);
		expect(e.message).toMatch(/missing label for "barmal"/);
	});

	it('marks a translation made from an older English as stale', () => {
		const old = template.replace(
			`translatedFrom: ${english.updated}`,
			'translatedFrom: 2024-01-01T00:00:00Z'
		);
		expect(parseTranslation(old, 'story.xx.aml', english).stale).toBe(true);
	});
});

describe('the Urdu and Pashto editions', () => {
	it.each(['ur', 'ps'])('story.%s.aml matches the English', (lang) => {
		const file = `src/content/story.${lang}.aml`;
		const t = parseTranslation(readFileSync(file, 'utf8'), file, english);
		expect(t.lang).toBe(lang);
		expect(t.steps.size).toBe(english.chapters.flatMap((c) => c.steps).length);
	});
});

describe('digits', () => {
	it('reads Arabic-Indic and Extended Arabic-Indic digits as numbers', () => {
		expect(westernDigits('۲۰۲۴ و ٢٠٢٤')).toBe('2024 و 2024');
		expect(numbersIn('2,611 km; ۲۶۱۱ کلومیٹر; 94%')).toEqual(['2611', '2611', '94']);
	});
});

describe('the build checks the editions', () => {
	/** The real table of map names, with the Urdu columns standing for edition xx's. */
	const NAMES = readFileSync(PLACE_NAMES_FILE, 'utf8').replace(
		/^id,kind,en,ur,ps,source_ur,source_ps\n/,
		'id,kind,en,xx,ps,source_xx,source_ps\n'
	);

	/**
	 * A project with the real document and map data, and one edition: its story, its page words
	 * and the map's names in it.
	 */
	function project(edition: string, ui: string = JSON.stringify(UI_EN, null, '\t'), names = NAMES) {
		const root = mkdtempSync(join(tmpdir(), 'editions-'));
		for (const f of ['src/content/story.aml', PLACES_FILE, TOPO_FILE]) {
			mkdirSync(dirname(join(root, f)), { recursive: true });
			copyFileSync(f, join(root, f));
		}
		writeFileSync(join(root, 'src/content/story.xx.aml'), edition);
		writeFileSync(join(root, 'src/content/ui.xx.json'), ui);
		mkdirSync(join(root, 'data-src'));
		writeFileSync(join(root, PLACE_NAMES_FILE), names);
		const plugin = storyPlugin() as unknown as {
			configResolved(c: { root: string }): void;
			buildStart(this: unknown): void;
		};
		plugin.configResolved({ root });
		const ctx = {
			addWatchFile: vi.fn(),
			warn: vi.fn(),
			error: vi.fn((message: string) => {
				throw new Error(message);
			})
		};
		return () => plugin.buildStart.call(ctx);
	}

	it('fails on a drifted edition, naming the file, line and field', () => {
		const build = project(template.replace('46 people', '47 people'));
		expect(build).toThrow(
			/story\.xx\.aml:\d+: chapters\[0\]\.steps\[0\]\.text\[0\]: numbers differ/
		);
	});

	it('fails on drifted page words, naming the file, line and key', () => {
		const ui = JSON.stringify({ ...UI_EN, 'sources.title': undefined }, null, '\t');
		expect(project(template, ui)).toThrow(/ui\.xx\.json:\d+: sources\.title: missing/);
		const renamed = JSON.stringify({ ...UI_EN, 'header.byline': 'By {name}' }, null, '\t');
		expect(project(template, renamed)).toThrow(
			/ui\.xx\.json:2: header\.byline: placeholders \{name\} differ from the English \{names\}/
		);
	});

	it('fails on a map name the edition lacks, naming the file, line and field', () => {
		expect(NAMES).toMatch(/^id,kind,en,xx,/);
		expect(project(template)).not.toThrow();
		const wana = NAMES.replace(/^wana,town,Wana,وانا,/m, 'wana,town,Wana,,');
		expect(project(template, undefined, wana)).toThrow(
			/^data-src\/place_names\.csv:\d+: xx: missing spelling for "wana"$/
		);
		const noColumn = NAMES.replace(/^id,kind,en,xx,/, 'id,kind,en,yy,');
		expect(project(template, undefined, noColumn)).toThrow(
			/data-src\/place_names\.csv:1: xx: no such column in the header/
		);
	});

	it('warns about a stale edition, and fails in CI', () => {
		const stale = template.replace(
			`translatedFrom: ${english.updated}`,
			'translatedFrom: 2024-01-01T00:00:00Z'
		);
		const saved = { CI: process.env.CI, EDITIONS_STRICT: process.env.EDITIONS_STRICT };
		const restore = (key: keyof typeof saved) => {
			if (saved[key] === undefined) delete process.env[key];
			else process.env[key] = saved[key];
		};
		try {
			delete process.env.CI;
			delete process.env.EDITIONS_STRICT;
			expect(project(stale)).not.toThrow();
			process.env.EDITIONS_STRICT = '1';
			expect(project(stale)).toThrow(/Stale edition: src\/content\/story\.xx\.aml/);
		} finally {
			restore('CI');
			restore('EDITIONS_STRICT');
		}
	});
});
