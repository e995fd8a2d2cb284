import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { TRANSLATED } from '../../../src/lib/edition/languages';
import { fill, placeholders, UI_EN } from '../../../src/lib/edition/ui';
import { parseUiText, uiFile } from '../../../src/lib/edition/uiText';
import { StoryError } from '../../../src/lib/story/parse';

const english = JSON.stringify(UI_EN, null, '\t');

/** The problems the check reports for an edition's page words. */
function problems(source: string): string {
	try {
		parseUiText(source, 'src/content/ui.xx.json');
	} catch (e) {
		expect(e).toBeInstanceOf(StoryError);
		return (e as Error).message;
	}
	return '';
}

describe("an edition's page words (src/content/ui.<lang>.json)", () => {
	it.each(TRANSLATED)('%s has every key, each with the English placeholders', (lang) => {
		const text = parseUiText(readFileSync(uiFile(lang), 'utf8'), uiFile(lang));
		for (const [key, value] of Object.entries(text))
			expect(placeholders(value), key).toEqual(placeholders(UI_EN[key as keyof typeof UI_EN]));
	});

	it('fails on a missing key, naming the file, line and key', () => {
		const source = english.replace(/\n\t"credits\.title": [^\n]*/, '');
		expect(problems(source)).toMatch(/^src\/content\/ui\.xx\.json:1: credits\.title: missing/m);
	});

	it('fails on an added key, an empty string and a renamed placeholder', () => {
		const source = JSON.stringify(
			{ ...UI_EN, 'map.extra': 'x', 'sources.title': ' ', 'header.readingTime': '{mins} min' },
			null,
			'\t'
		);
		const lines = source.split('\n');
		const line = (key: string) => lines.findIndex((l) => l.includes(`"${key}"`)) + 1;
		const message = problems(source);
		expect(message).toContain(
			`ui.xx.json:${line('map.extra')}: map.extra: not a key of the English`
		);
		expect(message).toContain(
			`ui.xx.json:${line('sources.title')}: sources.title: must be a non-empty string`
		);
		expect(message).toContain(
			`ui.xx.json:${line('header.readingTime')}: header.readingTime: placeholders {mins} differ from the English {minutes}`
		);
	});

	it('fails on malformed JSON with its line', () => {
		expect(problems('{\n\t"a": 1,\n}')).toMatch(/ui\.xx\.json:3: \(file\)/);
	});
});

describe('fill', () => {
	it('fills named placeholders and leaves unknown ones', () => {
		expect(fill('Map: {view}, {date}.', { view: 'Kurram', date: 'July 2022' })).toBe(
			'Map: Kurram, July 2022.'
		);
		expect(fill('{a} {b}', { a: 1 })).toBe('1 {b}');
	});
});
