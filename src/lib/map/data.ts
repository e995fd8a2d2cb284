/**
 * Validating the map data built by `npm run data:map`, at build time:
 *
 *   static/data/afpak.topo.json  TopoJSON with objects countries, provinces, durand, loc
 *   static/data/places.json      every place the story may name
 *
 * Pure TypeScript (no Svelte, no `$app`), shared by the build (the story document's checks, the
 * server-drawn maps) and the tests; none of it ships to readers, whose page carries the map
 * already drawn. Every error names the file and the problem.
 */
import type {
	GeometryCollection,
	LineString,
	MultiLineString,
	MultiPolygon,
	Polygon,
	Properties,
	Topology
} from 'topojson-specification';

export type CountryProperties = {
	/** ISO 3166-1 alpha-3. The Natural Earth "Siachen Glacier" unit is folded into IND. */
	iso3: string;
	/** English name. */
	name: string;
};

export type ProvinceProperties = {
	/** ISO 3166-2, e.g. "AF-PKA", "PK-KP". */
	iso: string;
	/** English name, e.g. "Paktika", "Khyber Pakhtunkhwa". Former FATA is part of PK-KP. */
	name: string;
	adm0: 'AFG' | 'PAK';
	/** Azad Kashmir and Gilgit-Baltistan. */
	disputed: boolean;
};

export type DurandProperties = { name: string };

export type LocProperties = {
	/** Line of Control, or Actual Ground Position Line (Siachen). Both are drawn as disputed. */
	kind: 'LoC' | 'AGPL';
	name: string;
	disputed: boolean;
};

interface Areas<P extends Properties> extends GeometryCollection<P> {
	geometries: Array<Polygon<P> | MultiPolygon<P>>;
}
interface Lines<P extends Properties> extends GeometryCollection<P> {
	geometries: Array<LineString<P> | MultiLineString<P>>;
}

export type AfpakObjects = {
	countries: Areas<CountryProperties>;
	provinces: Areas<ProvinceProperties>;
	/** The Afghanistan-Pakistan border, one line sharing its arcs with countries and provinces. */
	durand: Lines<DurandProperties>;
	/** Kashmir Line of Control and AGPL. */
	loc: Lines<LocProperties>;
};

export type AfpakTopology = Topology<AfpakObjects>;

export const PLACE_KINDS = ['city', 'town', 'crossing', 'district'] as const;
export const CONFIDENCE = ['high', 'medium', 'low'] as const;

export interface Place {
	/** kebab-case id that story steps refer to. */
	id: string;
	/** Display name. */
	name: string;
	/** Short label for the map. */
	short: string;
	lat: number;
	lon: number;
	/** Province name exactly as in the TopoJSON `provinces` object. */
	province: string;
	country: 'AFG' | 'PAK';
	kind: (typeof PLACE_KINDS)[number];
	confidence: (typeof CONFIDENCE)[number];
	/** Low-confidence location: draw an area, not a pin. */
	approximate: boolean;
	/** Why a place is approximate (low confidence, snapped beyond the line's error, a district). */
	approximateReason?: string;
	source: string;
	/** Crossings: distance moved to lie on the Durand Line, in km. */
	snappedKm?: number;
}

// ---------------------------------------------------------------------------------------------
// JSON syntax errors with line and column

/** Line and column (1-based) of a character offset. */
export function lineColumn(text: string, offset: number): { line: number; column: number } {
	let line = 1;
	let start = 0;
	const end = Math.min(offset, text.length);
	for (let i = 0; i < end; i++) {
		if (text.charCodeAt(i) === 10) {
			line++;
			start = i + 1;
		}
	}
	return { line, column: end - start + 1 };
}

/**
 * Offset of the first JSON syntax error in `text`, or -1 if there is none. Used when the
 * engine's message gives no position (V8 often says only `Unexpected token …` or
 * `Unexpected end of JSON input`).
 */
export function jsonErrorOffset(text: string): number {
	let i = 0;
	const n = text.length;
	class Fail {
		constructor(readonly at: number) {}
	}
	const ws = () => {
		while (i < n && ' \t\n\r'.includes(text[i] as string)) i++;
	};
	const lit = (word: string) => {
		for (let k = 0; k < word.length; k++, i++) if (text[i] !== word[k]) throw new Fail(i);
	};
	const str = () => {
		i++; // opening quote
		for (;;) {
			if (i >= n) throw new Fail(i);
			const c = text.charCodeAt(i);
			if (c === 34) return void i++;
			if (c < 32) throw new Fail(i);
			if (c === 92) {
				i++;
				const e = text[i];
				if (e === 'u') {
					for (let k = 1; k <= 4; k++)
						if (!/[0-9a-fA-F]/.test(text[i + k] ?? '')) throw new Fail(i + k);
					i += 5;
				} else if (e !== undefined && '"\\/bfnrt'.includes(e)) i++;
				else throw new Fail(i);
			} else i++;
		}
	};
	const num = () => {
		const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i, i + 400));
		if (!m || !m[0] || m[0] === '-') throw new Fail(m && m[0] === '-' ? i + 1 : i);
		i += m[0].length;
	};
	const value = (): void => {
		ws();
		const c = text[i];
		if (c === '{') {
			i++;
			ws();
			if (text[i] === '}') return void i++;
			for (;;) {
				ws();
				if (text[i] !== '"') throw new Fail(i);
				str();
				ws();
				if (text[i] !== ':') throw new Fail(i);
				i++;
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === '}') return void i++;
				else throw new Fail(i);
			}
		}
		if (c === '[') {
			i++;
			ws();
			if (text[i] === ']') return void i++;
			for (;;) {
				value();
				ws();
				if (text[i] === ',') i++;
				else if (text[i] === ']') return void i++;
				else throw new Fail(i);
			}
		}
		if (c === '"') return str();
		if (c === 't') return lit('true');
		if (c === 'f') return lit('false');
		if (c === 'n') return lit('null');
		if (c === '-' || (c !== undefined && c >= '0' && c <= '9')) return num();
		throw new Fail(i);
	};
	try {
		value();
		ws();
		return i < n ? i : -1;
	} catch (e) {
		if (e instanceof Fail) return e.at;
		throw e;
	}
}

/** JSON.parse with errors that name the file, line and column. */
export function parseJson(text: string, file: string): unknown {
	try {
		return JSON.parse(text);
	} catch (e) {
		const message = e instanceof Error ? e.message : String(e);
		const pos = /at position (\d+)/.exec(message);
		const offset = pos ? Number(pos[1]) : jsonErrorOffset(text);
		const where =
			offset >= 0
				? (({ line, column }) => ` at line ${line} column ${column}`)(lineColumn(text, offset))
				: '';
		throw new Error(`${file}: invalid JSON${where} (${message})`);
	}
}

// ---------------------------------------------------------------------------------------------
// Validation helpers

const isObject = (v: unknown): v is Record<string, unknown> =>
	typeof v === 'object' && v !== null && !Array.isArray(v);

const isNonEmptyString = (v: unknown): v is string => typeof v === 'string' && v.trim() !== '';

const isFiniteNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

function describe(v: unknown): string {
	if (v === undefined) return 'missing';
	if (v === null) return 'null';
	if (Array.isArray(v)) return 'an array';
	if (typeof v === 'string') return `"${v.length > 40 ? v.slice(0, 40) + '…' : v}"`;
	if (typeof v === 'object') return 'an object';
	return `${typeof v} ${String(v)}`;
}

// ---------------------------------------------------------------------------------------------
// Topology

const AREA_TYPES = ['Polygon', 'MultiPolygon'];
const LINE_TYPES = ['LineString', 'MultiLineString'];

type PropCheck = [name: string, ok: (v: unknown) => boolean, expected: string];

const OBJECT_SPECS: Record<keyof AfpakObjects, { types: string[]; props: PropCheck[] }> = {
	countries: {
		types: AREA_TYPES,
		props: [
			['iso3', (v) => typeof v === 'string' && /^[A-Z]{3}$/.test(v), 'an ISO alpha-3 code'],
			['name', isNonEmptyString, 'a non-empty string']
		]
	},
	provinces: {
		types: AREA_TYPES,
		props: [
			['iso', (v) => typeof v === 'string' && /^(AF|PK)-[A-Z]{2,3}$/.test(v), 'an ISO 3166-2 code'],
			['name', isNonEmptyString, 'a non-empty string'],
			['adm0', (v) => v === 'AFG' || v === 'PAK', '"AFG" or "PAK"'],
			['disputed', (v) => typeof v === 'boolean', 'a boolean']
		]
	},
	durand: { types: LINE_TYPES, props: [['name', isNonEmptyString, 'a non-empty string']] },
	loc: {
		types: LINE_TYPES,
		props: [
			['kind', (v) => v === 'LoC' || v === 'AGPL', '"LoC" or "AGPL"'],
			['name', isNonEmptyString, 'a non-empty string'],
			['disputed', (v) => typeof v === 'boolean', 'a boolean']
		]
	}
};

/** Checks that every arc index in a (nested) `arcs` array is an integer referring to an arc. */
function checkArcs(arcs: unknown, depth: number, arcCount: number): string | null {
	if (!Array.isArray(arcs)) return 'arcs must be an array';
	for (const a of arcs) {
		if (depth > 0) {
			const err = checkArcs(a, depth - 1, arcCount);
			if (err) return err;
		} else if (!Number.isInteger(a) || (a < 0 ? ~a : a) >= arcCount) {
			return `arc index ${describe(a)} is out of range (${arcCount} arcs)`;
		}
	}
	return null;
}

const ARC_DEPTH: Record<string, number> = {
	LineString: 0,
	MultiLineString: 1,
	Polygon: 1,
	MultiPolygon: 2
};

/**
 * Parses and validates `afpak.topo.json`. Throws an Error naming `file` and the problem.
 */
export function parseTopology(text: string, file: string): AfpakTopology {
	const data = parseJson(text, file);
	const fail = (problem: string): never => {
		throw new Error(`${file}: ${problem}`);
	};
	if (!isObject(data)) return fail(`expected a TopoJSON object, got ${describe(data)}`);
	if (data.type !== 'Topology') fail(`"type" must be "Topology", got ${describe(data.type)}`);
	const arcs = data.arcs;
	if (!Array.isArray(arcs)) return fail(`"arcs" must be an array, got ${describe(arcs)}`);
	arcs.forEach((arc, i) => {
		if (!Array.isArray(arc) || arc.length < 2) fail(`arc ${i} must have at least two positions`);
		for (const p of arc as unknown[]) {
			if (!Array.isArray(p) || p.length < 2 || !isFiniteNumber(p[0]) || !isFiniteNumber(p[1]))
				fail(`arc ${i} has a position that is not a pair of numbers`);
		}
	});
	if (data.transform !== undefined) {
		const t = data.transform;
		const pair = (v: unknown) => Array.isArray(v) && v.length === 2 && v.every(isFiniteNumber);
		if (!isObject(t) || !pair(t.scale) || !pair(t.translate))
			fail('"transform" must have numeric "scale" and "translate" pairs');
	}
	const objects = data.objects;
	if (!isObject(objects)) return fail(`"objects" must be an object, got ${describe(objects)}`);

	for (const [name, spec] of Object.entries(OBJECT_SPECS)) {
		const obj = objects[name];
		if (obj === undefined) fail(`missing object "${name}"`);
		if (!isObject(obj) || obj.type !== 'GeometryCollection' || !Array.isArray(obj.geometries))
			return fail(`object "${name}" must be a GeometryCollection with a "geometries" array`);
		if (obj.geometries.length === 0) fail(`object "${name}" is empty`);
		obj.geometries.forEach((g: unknown, i: number) => {
			const at = `object "${name}" geometry ${i}`;
			if (!isObject(g)) return fail(`${at} must be an object`);
			if (typeof g.type !== 'string' || !spec.types.includes(g.type))
				fail(`${at}: type must be ${spec.types.join(' or ')}, got ${describe(g.type)}`);
			const arcErr = checkArcs(g.arcs, ARC_DEPTH[g.type as string] ?? 0, arcs.length);
			if (arcErr) fail(`${at}: ${arcErr}`);
			const props = g.properties;
			if (!isObject(props)) return fail(`${at}: "properties" must be an object`);
			for (const [prop, ok, expected] of spec.props) {
				if (!ok(props[prop]))
					fail(`${at}: property "${prop}" must be ${expected}, got ${describe(props[prop])}`);
			}
		});
	}
	if ((objects.durand as GeometryCollection).geometries.length !== 1)
		fail('object "durand" must hold exactly one line');
	return data as unknown as AfpakTopology;
}

// ---------------------------------------------------------------------------------------------
// Places

type FieldCheck = [field: keyof Place, ok: (v: unknown) => boolean, expected: string];

const PLACE_FIELDS: FieldCheck[] = [
	['id', (v) => typeof v === 'string' && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(v), 'a kebab-case id'],
	['name', isNonEmptyString, 'a non-empty string'],
	['short', isNonEmptyString, 'a non-empty string'],
	['lat', (v) => isFiniteNumber(v) && v >= -90 && v <= 90, 'a number between -90 and 90'],
	['lon', (v) => isFiniteNumber(v) && v >= -180 && v <= 180, 'a number between -180 and 180'],
	['province', isNonEmptyString, 'a province name'],
	['country', (v) => v === 'AFG' || v === 'PAK', '"AFG" or "PAK"'],
	[
		'kind',
		(v) => (PLACE_KINDS as readonly unknown[]).includes(v),
		`one of ${PLACE_KINDS.join(', ')}`
	],
	[
		'confidence',
		(v) => (CONFIDENCE as readonly unknown[]).includes(v),
		`one of ${CONFIDENCE.join(', ')}`
	],
	['approximate', (v) => typeof v === 'boolean', 'a boolean'],
	['source', isNonEmptyString, 'a non-empty string'],
	['snappedKm', (v) => v === undefined || (isFiniteNumber(v) && v >= 0), 'a number >= 0'],
	['approximateReason', (v) => v === undefined || isNonEmptyString(v), 'a non-empty string']
];

/**
 * Parses and validates `places.json`. Places are numbered by their array index in messages:
 * `static/data/places.json: place 4 ("barmal"): field "lat" must be a number between -90 and 90`.
 */
export function parsePlaces(text: string, file: string): Place[] {
	const data = parseJson(text, file);
	if (!Array.isArray(data))
		throw new Error(`${file}: expected an array of places, got ${describe(data)}`);
	const seen = new Set<string>();
	data.forEach((p: unknown, i: number) => {
		if (!isObject(p)) throw new Error(`${file}: place ${i} must be an object, got ${describe(p)}`);
		const label = typeof p.id === 'string' ? `place ${i} ("${p.id}")` : `place ${i}`;
		for (const [field, ok, expected] of PLACE_FIELDS) {
			if (!ok(p[field]))
				throw new Error(
					`${file}: ${label}: field "${field}" must be ${expected}, got ${describe(p[field])}`
				);
		}
		if (seen.has(p.id as string)) throw new Error(`${file}: ${label}: duplicate id`);
		seen.add(p.id as string);
	});
	return data as Place[];
}

/** Every place's province must exist in the topology, in the place's country. */
export function checkPlacesAgainstTopology(
	places: Place[],
	topology: AfpakTopology,
	file: string
): void {
	const provinces = new Map<string, string>();
	for (const g of topology.objects.provinces.geometries)
		if (g.properties) provinces.set(g.properties.name, g.properties.adm0);
	places.forEach((p, i) => {
		const adm0 = provinces.get(p.province);
		if (adm0 === undefined)
			throw new Error(
				`${file}: place ${i} ("${p.id}"): province "${p.province}" is not on the map`
			);
		if (adm0 !== p.country)
			throw new Error(
				`${file}: place ${i} ("${p.id}"): province "${p.province}" is in ${adm0}, not ${p.country}`
			);
	});
}
