/**
 * The map-name table (data-src/place_names.csv): the CSV reader, and the checks that fail the
 * build naming file, line and field.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
	loadPlaceNames,
	nameableIn,
	parsePlaceNames,
	PLACE_NAMES_FILE,
	readCsv,
	type Nameable,
	type NamedEdition
} from '../../../src/lib/edition/placeNames';
import { COUNTRY_LABELS } from '../../../src/lib/map/countryLabels';
import { parsePlaces, parseTopology } from '../../../src/lib/map/data';
import { PLACES_FILE, TOPO_FILE } from '../../../src/lib/map/dataFiles';
import { StoryError } from '../../../src/lib/story/parse';

const FILE = 'names.csv';
const RTL: NamedEdition[] = [
	{ lang: 'ur', dir: 'rtl' },
	{ lang: 'ps', dir: 'rtl' }
];
const HEADER = 'id,kind,en,ur,ps,source_ur,source_ps';
/** A small map: two places, a province, two countries (one labelled) and two lines. */
const MAP: Nameable[] = [
	{ id: 'wana', kind: 'town', en: 'Wana', labelled: true },
	{ id: 'torkham', kind: 'crossing', en: 'Torkham', labelled: true },
	{ id: 'PK-KP', kind: 'province', en: 'Khyber Pakhtunkhwa', labelled: true },
	{ id: 'AFG', kind: 'country', en: 'Afghanistan', labelled: true },
	{ id: 'OMN', kind: 'country', en: 'Oman', labelled: false },
	{ id: 'durand', kind: 'line', en: 'Durand Line', labelled: true },
	{ id: 'loc', kind: 'line', en: 'Line of Control', labelled: false }
];
const ROWS = [
	'wana,town,Wana,وانا,وانه,general usage,general usage',
	'torkham,crossing,Torkham,طورخم,تورخم,"Waqt News, Independent Urdu","DW Pashto, ""Etilaatroz"""',
	'PK-KP,province,Khyber Pakhtunkhwa,خیبر پختونخوا,خیبر پښتونخوا,official,desk style sheet',
	'AFG,country,Afghanistan,افغانستان,افغانستان,exonym,endonym',
	'durand,line,Durand Line,ڈیورنڈ لائن,ډیورنډ کرښه,desk,desk'
];
const table = (rows = ROWS, header = HEADER) => [header, ...rows].join('\n') + '\n';

/** The one-line messages a table fails with. */
function errors(source: string, editions = RTL): string[] {
	try {
		parsePlaceNames(source, FILE, editions, MAP);
	} catch (e) {
		expect(e).toBeInstanceOf(StoryError);
		return (e as Error).message.split('\n');
	}
	throw new Error('the table was accepted');
}
const edit = (i: number, row: string) => ROWS.map((r, j) => (j === i ? row : r));

describe('readCsv', () => {
	it('reads quoted fields with commas, doubled quotes and line breaks, CRLF and blank lines', () => {
		const records = readCsv('a,b,c\r\n"x, y","say ""hi""",\n\n"two\nlines",,z', FILE);
		expect(records).toEqual([
			{ line: 1, fields: ['a', 'b', 'c'] },
			{ line: 2, fields: ['x, y', 'say "hi"', ''] },
			{ line: 4, fields: ['two\nlines', '', 'z'] }
		]);
	});

	it('fails on a stray or unclosed quote, naming the line', () => {
		expect(() => readCsv('a,b\nx,y"z\n', FILE)).toThrow('names.csv:2: (row): a double quote');
		expect(() => readCsv('a,b\n"x"y,z\n', FILE)).toThrow(
			'names.csv:2: (row): text after a closing double quote'
		);
		expect(() => readCsv('a,b\nc,d\n"x,y\n', FILE)).toThrow(
			'names.csv:3: (row): a double quote opened here is never closed'
		);
	});
});

describe('parsePlaceNames', () => {
	it('reads each row: its English name, and per edition the spelling and its source', () => {
		const names = parsePlaceNames(table(), FILE, RTL, MAP);
		expect(names.get('torkham')).toEqual({
			id: 'torkham',
			kind: 'crossing',
			en: 'Torkham',
			names: { ur: 'طورخم', ps: 'تورخم' },
			sources: { ur: 'Waqt News, Independent Urdu', ps: 'DW Pashto, "Etilaatroz"' },
			line: 3
		});
		// What the map does not label (Oman, the Line of Control) may be left out.
		expect([...names.keys()]).toEqual(['wana', 'torkham', 'PK-KP', 'AFG', 'durand']);
	});

	it('fails on a missing spelling or source, naming the file, line and field', () => {
		expect(errors(table(edit(0, 'wana,town,Wana,وانا,,general usage,general usage')))).toEqual([
			'names.csv:2: ps: missing spelling for "wana"'
		]);
		expect(errors(table(edit(4, 'durand,line,Durand Line,ڈیورنڈ لائن,ډیورنډ کرښه,, ')))).toEqual([
			'names.csv:6: source_ur: missing source for the spelling of "durand"',
			'names.csv:6: source_ps: missing source for the spelling of "durand"'
		]);
	});

	it('fails on a malformed row, a duplicate, an id, kind or English name the map lacks', () => {
		expect(errors(table([...ROWS, 'wana,town,Wana,وانا,وانه,general usage']))).toEqual([
			'names.csv:7: (row): 6 fields; the header has 7'
		]);
		expect(errors(table([...ROWS, 'wana,town,Wana,وانا,وانه,a,b']))).toEqual([
			'names.csv:7: id: "wana" is listed twice (first on line 2)'
		]);
		expect(errors(table([...ROWS, 'wanna,town,Wana,وانا,وانه,a,b']))).toEqual([
			'names.csv:7: id: "wanna" is no place, province, country or line of the map data'
		]);
		expect(errors(table(edit(0, 'wana,city,Wana,وانا,وانه,a,b')))).toEqual([
			'names.csv:2: kind: "city" for "wana", which the map data has as a town'
		]);
		expect(errors(table(edit(0, 'wana,town,Wanna,وانا,وانه,a,b')))).toEqual([
			'names.csv:2: en: "Wanna" is not the map\'s English name for "wana", "Wana"'
		]);
		expect(errors(table(edit(0, ',town,Wana,وانا,وانه,a,b')))[0]).toBe('names.csv:2: id: missing');
	});

	it('fails when the map labels something the table lacks', () => {
		expect(errors(table(ROWS.slice(0, 4)))).toEqual([
			'names.csv:6: id: no row for "durand" (line "Durand Line"), which the map labels'
		]);
	});

	it('fails on a right-to-left edition’s name in Latin letters', () => {
		expect(errors(table(edit(0, 'wana,town,Wana,Wana,وانه,a,b')))).toEqual([
			'names.csv:2: ur: "Wana" for "wana" is not in the edition\'s (Arabic) script'
		]);
		// A left-to-right edition may write its names in Latin letters.
		const ltr = table(ROWS.map((r) => r.replace(/^([^,]+,[^,]+,)([^,]+),[^,]+,/, '$1$2,$2,')));
		expect(() => parsePlaceNames(ltr, FILE, [{ lang: 'ur', dir: 'ltr' }], MAP)).not.toThrow();
	});

	it('fails on a column an edition needs and the header lacks', () => {
		expect(errors(table(ROWS, HEADER.replace('source_ps', 'source_pus')))).toEqual([
			'names.csv:1: source_ps: no such column in the header'
		]);
	});
});

describe('the committed table', () => {
	const places = parsePlaces(readFileSync(PLACES_FILE, 'utf8'), PLACES_FILE);
	const topology = parseTopology(readFileSync(TOPO_FILE, 'utf8'), TOPO_FILE);
	const nameable = nameableIn(places, topology);

	it('names, in Urdu and Pashto, everything the map data can label, with a source each', () => {
		const names = loadPlaceNames(RTL);
		for (const n of nameable.filter((n) => n.labelled)) {
			const row = names.get(n.id);
			expect(row, n.id).toBeDefined();
			for (const lang of ['ur', 'ps']) {
				expect(row!.names[lang], `${n.id} ${lang}`).toMatch(/\p{Script=Arabic}/u);
				expect(row!.sources[lang], `${n.id} ${lang}`).not.toBe('');
			}
		}
		expect(readFileSync(PLACE_NAMES_FILE, 'utf8').split('\n')[0]).toBe(HEADER);
	});

	it('checks against what the map labels: every place and province, the named countries and the Durand Line', () => {
		const labelled = new Set(nameable.filter((n) => n.labelled).map((n) => n.id));
		for (const p of places) expect(labelled.has(p.id), p.id).toBe(true);
		for (const iso of Object.keys(COUNTRY_LABELS)) expect(labelled.has(iso), iso).toBe(true);
		expect(labelled.has('PK-KP') && labelled.has('AF-PKA')).toBe(true);
		expect(labelled.has('durand')).toBe(true);
		// The Line of Control is named only in the map key (the edition's page words).
		expect(nameable.find((n) => n.id === 'loc')).toMatchObject({ labelled: false });
		expect(nameable.find((n) => n.id === 'KGZ')).toMatchObject({ labelled: false });
	});
});
