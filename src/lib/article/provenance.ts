/**
 * The map data's provenance (static/data/provenance.json, written by scripts/build-map-data.js),
 * read at build time into what the "About this story" table and the credit lines show. The file
 * is imported as JSON, so the table always matches the data actually shipped.
 */
import raw from '../../../static/data/provenance.json';
import { PROVENANCE_FILE } from '$lib/map/dataFiles';

export interface ProvenanceInput {
	id: string;
	/** What the input provides. */
	what: string;
	/** Where it came from (package, file, dataset). */
	source: string;
	url?: string;
	/** Package or dataset version. */
	version?: string;
	/** Upstream data release, when the package wraps one (e.g. Natural Earth v4.1.0). */
	data?: string;
	licence: string;
	/** Processing steps, in order. */
	processing: string[];
}

export interface Provenance {
	inputs: ProvenanceInput[];
	/** Credit lines the licences ask for (every top-level "…credit" string in the file). */
	credits: string[];
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v ? v : undefined);

/** Tolerant of added fields; fails the build, naming the file, if the required ones are missing. */
export function readProvenance(value: unknown, file = PROVENANCE_FILE): Provenance {
	const obj = (value ?? {}) as Record<string, unknown>;
	if (!Array.isArray(obj.inputs)) throw new Error(`${file}: expected an "inputs" array`);
	const inputs = obj.inputs.map((v: unknown, i: number): ProvenanceInput => {
		const o = (v ?? {}) as Record<string, unknown>;
		const id = str(o.id);
		const what = str(o.what);
		const source = str(o.source);
		const licence = str(o.licence) ?? str(o.license);
		if (!id || !what || !source || !licence)
			throw new Error(`${file}: inputs[${i}] needs id, what, source and licence`);
		const processing = Array.isArray(o.processing)
			? o.processing.filter((p): p is string => typeof p === 'string')
			: typeof o.processing === 'string'
				? [o.processing]
				: [];
		return {
			id,
			what,
			source,
			url: str(o.url),
			version: str(o.version),
			data: str(o.data),
			licence,
			processing
		};
	});
	const credits = Object.entries(obj)
		.filter(([k, v]) => /credit$/i.test(k) && typeof v === 'string' && v)
		.map(([, v]) => (v as string).replace(/\.$/, ''));
	return { inputs, credits };
}

export const provenance: Provenance = readProvenance(raw);
