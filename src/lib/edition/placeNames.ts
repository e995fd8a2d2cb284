/**
 * Build-time (Node only): the map's names in each edition's language, `data-src/place_names.csv`.
 * One row per place, province, country and line the map can name: its id in the map data, its
 * kind, the English name it translates, and per edition the spelling and where it comes from
 * (columns `<lang>` and `source_<lang>`).
 *
 * The table is checked against the map data. A malformed row, an id the map data lacks, a kind or
 * an English name that is not the map's, a missing spelling or source, a right-to-left edition's
 * spelling in Latin letters, or anything the map labels that the table lacks fails the build,
 * naming the file, line and field: `data-src/place_names.csv:12: ps: missing spelling for "wana"`.
 * Pure but for `loadPlaceNames`, which reads the files.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { feature } from 'topojson-client';
import { COUNTRY_LABELS, NAMED_LINES } from '../map/countryLabels';
import { parsePlaces, parseTopology, type AfpakTopology, type Place } from '../map/data';
import { PLACES_FILE, TOPO_FILE } from '../map/dataFiles';
import { StoryError, type StoryIssue } from '../story/parse';

export const PLACE_NAMES_FILE = 'data-src/place_names.csv';

/** One row of the table. */
export interface PlaceName {
	id: string;
	kind: string;
	/** The English name the spellings translate (the map's own). */
	en: string;
	/** Edition language → spelling. */
	names: Record<string, string>;
	/** Edition language → where the spelling comes from. */
	sources: Record<string, string>;
	/** 1-based line in the file. */
	line: number;
}

/** Something in the map data the map can name. */
export interface Nameable {
	id: string;
	kind: string;
	/** Its English name on the map. */
	en: string;
	/** The map labels it, so every edition must name it. */
	labelled: boolean;
}

/** An edition the table must name things for. */
export interface NamedEdition {
	lang: string;
	dir: 'ltr' | 'rtl';
}

/** One CSV record: its fields and the line it starts on. */
export interface CsvRecord {
	line: number;
	fields: string[];
}

/**
 * RFC 4180 CSV: fields separated by commas, records by line breaks (LF or CRLF); a field in
 * double quotes may hold commas, line breaks and doubled quotes. Blank lines are skipped.
 */
export function readCsv(source: string, file: string): CsvRecord[] {
	const records: CsvRecord[] = [];
	let fields: string[] = [];
	let field = '';
	let line = 1;
	let start = 1;
	let quoted = false;
	let wasQuoted = false;
	const fail = (message: string) => {
		throw new StoryError(file, [{ line, path: '(row)', message }]);
	};
	const endRecord = () => {
		fields.push(field);
		if (fields.length > 1 || fields[0] !== '' || wasQuoted) records.push({ line: start, fields });
		fields = [];
		field = '';
		wasQuoted = false;
	};
	for (let i = 0; i < source.length; i++) {
		const c = source[i]!;
		if (quoted) {
			if (c === '"') {
				if (source[i + 1] === '"') {
					field += '"';
					i++;
				} else quoted = false;
			} else {
				if (c === '\n') line++;
				field += c;
			}
			continue;
		}
		if (c === '"') {
			if (field !== '' || wasQuoted) fail('a double quote inside an unquoted field');
			quoted = true;
			wasQuoted = true;
		} else if (c === ',') {
			fields.push(field);
			field = '';
			wasQuoted = false;
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && source[i + 1] === '\n') i++;
			endRecord();
			line++;
			start = line;
		} else {
			if (wasQuoted) fail('text after a closing double quote');
			field += c;
		}
	}
	if (quoted) {
		line = start;
		fail('a double quote opened here is never closed');
	}
	if (field !== '' || fields.length || wasQuoted) endRecord();
	return records;
}

const LATIN = /[A-Za-z]/;
const ARABIC = /\p{Script=Arabic}/u;

/**
 * The table, checked against what the map data can name and the editions it must name it for.
 * Throws a StoryError listing every problem.
 */
export function parsePlaceNames(
	source: string,
	file: string,
	editions: NamedEdition[],
	nameable: Nameable[]
): Map<string, PlaceName> {
	const records = readCsv(source, file);
	const issues: StoryIssue[] = [];
	const issue = (line: number, path: string, message: string) =>
		issues.push({ line, path, message });
	const header = records[0];
	if (!header) throw new StoryError(file, [{ line: 1, path: '(file)', message: 'empty' }]);
	const columns = header.fields.map((f) => f.trim());
	const wanted = ['id', 'kind', 'en', ...editions.flatMap((e) => [e.lang, `source_${e.lang}`])];
	for (const name of wanted)
		if (!columns.includes(name)) issue(header.line, name, 'no such column in the header');
	const dup = columns.find((c, i) => columns.indexOf(c) !== i);
	if (dup) issue(header.line, dup, 'two columns of that name');
	if (issues.length) throw new StoryError(file, issues);
	const col = (name: string) => columns.indexOf(name);

	const known = new Map(nameable.map((n) => [n.id, n]));
	const rows = new Map<string, PlaceName>();
	for (const { line, fields } of records.slice(1)) {
		if (fields.length !== columns.length) {
			issue(line, '(row)', `${fields.length} fields; the header has ${columns.length}`);
			continue;
		}
		const get = (name: string) => fields[col(name)]!.trim();
		const id = get('id');
		if (!id) {
			issue(line, 'id', 'missing');
			continue;
		}
		const first = rows.get(id);
		if (first) {
			issue(line, 'id', `"${id}" is listed twice (first on line ${first.line})`);
			continue;
		}
		const row: PlaceName = { id, kind: get('kind'), en: get('en'), names: {}, sources: {}, line };
		rows.set(id, row);
		const map = known.get(id);
		if (!map) {
			issue(line, 'id', `"${id}" is no place, province, country or line of the map data`);
			continue;
		}
		if (row.kind !== map.kind)
			issue(line, 'kind', `"${row.kind}" for "${id}", which the map data has as a ${map.kind}`);
		if (row.en !== map.en)
			issue(line, 'en', `"${row.en}" is not the map's English name for "${id}", "${map.en}"`);
		for (const { lang, dir } of editions) {
			const name = get(lang);
			const from = get(`source_${lang}`);
			if (!name) issue(line, lang, `missing spelling for "${id}"`);
			else if (dir === 'rtl' && (LATIN.test(name) || !ARABIC.test(name)))
				issue(line, lang, `"${name}" for "${id}" is not in the edition's (Arabic) script`);
			if (!from) issue(line, `source_${lang}`, `missing source for the spelling of "${id}"`);
			row.names[lang] = name;
			row.sources[lang] = from;
		}
	}
	const end = (records.at(-1)?.line ?? 1) + 1;
	for (const n of nameable)
		if (n.labelled && !rows.has(n.id))
			issue(end, 'id', `no row for "${n.id}" (${n.kind} "${n.en}"), which the map labels`);
	if (issues.length)
		throw new StoryError(
			file,
			issues.sort((a, b) => a.line - b.line)
		);
	return rows;
}

/**
 * What the map data can name: every place and province (markers, reference dots, districts and
 * province labels name them), the countries (those in COUNTRY_LABELS are labelled) and the lines
 * (the Durand Line is labelled; the Line of Control only in the map key, whose words are the
 * edition's page words).
 */
export function nameableIn(places: Place[], topology: AfpakTopology): Nameable[] {
	const { countries, provinces, durand, loc } = topology.objects;
	const labelledLines: readonly string[] = NAMED_LINES;
	const lineName = (id: string, name: string | undefined): Nameable => ({
		id,
		kind: 'line',
		en: name ?? '',
		labelled: labelledLines.includes(id)
	});
	return [
		...places.map((p) => ({ id: p.id, kind: p.kind, en: p.short ?? p.name, labelled: true })),
		...feature(topology, provinces).features.map((f) => ({
			id: f.properties.iso,
			kind: 'province',
			en: f.properties.name,
			labelled: true
		})),
		...feature(topology, countries).features.map((f) => ({
			id: f.properties.iso3,
			kind: 'country',
			en: f.properties.name,
			labelled: f.properties.iso3 in COUNTRY_LABELS
		})),
		lineName('durand', feature(topology, durand).features[0]?.properties.name),
		lineName(
			'loc',
			feature(topology, loc).features.find((f) => f.properties.kind === 'LoC')?.properties.name
		)
	];
}

/** The committed table, checked against the committed map data. */
export function loadPlaceNames(
	editions: NamedEdition[],
	root = process.cwd()
): Map<string, PlaceName> {
	const read = (file: string) => readFileSync(join(root, file), 'utf8');
	const nameable = nameableIn(
		parsePlaces(read(PLACES_FILE), PLACES_FILE),
		parseTopology(read(TOPO_FILE), TOPO_FILE)
	);
	return parsePlaceNames(read(PLACE_NAMES_FILE), PLACE_NAMES_FILE, editions, nameable);
}
