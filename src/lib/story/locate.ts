/**
 * archieml does not report line numbers, so this walks the source with the same line rules
 * (keys, `*` elements, `[array]`/`{object}` scopes with `.` nesting, `:skip`/`:endskip`,
 * `:ignore`) and records the line on which each field path starts, e.g.
 * `chapters[2].steps[1].map.view` → 214. Indices are zero-based, as in the parsed data.
 */

// The same character classes archieml uses for keys and scope names.
const SLUG = '[^\\s\\[\\]\\\\{}:]';
const KEY = new RegExp(`^\\s*(${SLUG}+)[ \\t\\r]*:`);
const COMMAND = /^\s*:[ \t\r]*(endskip|ignore|skip|end)/i;
const ELEMENT = /^\s*\*/;
const SCOPE = new RegExp(
	`^\\s*(\\[|\\{)[ \\t\\r]*([+.]*)[ \\t\\r]*(${SLUG}*)[ \\t\\r]*(?:\\]|\\})`
);

interface Frame {
	kind: 'array' | 'object';
	path: string;
	/** Scope to return to when this frame closes. */
	saved: string;
	arrayType: 'simple' | 'complex' | null;
	firstKey: string | null;
	index: number;
}

const join = (base: string, key: string) => (base ? `${base}.${key}` : key);

/** Map of field path → 1-based line number. */
export function indexLines(source: string): Map<string, number> {
	const lines = source.split(/\r\n|\r|\n/);
	const at = new Map<string, number>();
	const record = (path: string, line: number) => {
		if (!at.has(path)) at.set(path, line);
	};
	let stack: Frame[] = [];
	let scope = '';
	let skipping = false;

	/** Mirrors archieml's incrementArrayElement: a repeated first key starts a new item. */
	const increment = (key: string, line: number) => {
		const top = stack[stack.length - 1];
		if (!top || top.kind !== 'array') return;
		top.arrayType ??= 'complex';
		if (top.arrayType === 'simple') return;
		if (top.firstKey === null || top.firstKey === key) {
			top.index += 1;
			scope = `${top.path}[${top.index}]`;
			record(scope, line);
		}
		top.firstKey ??= key;
	};

	for (let i = 0; i < lines.length; i++) {
		const text = lines[i] ?? '';
		const line = i + 1;
		const command = COMMAND.exec(text);
		if (command) {
			const name = command[1]!.toLowerCase();
			if (name === 'ignore') break;
			if (name === 'skip') skipping = true;
			if (name === 'endskip') skipping = false;
			continue;
		}
		if (skipping) continue;
		const top = stack[stack.length - 1];
		const key = KEY.exec(text);
		if (key && top?.arrayType !== 'simple') {
			const name = key[1]!;
			increment(name, line);
			// A later duplicate key replaces the value, so point at the last one.
			at.set(join(scope, name), line);
			continue;
		}
		if (ELEMENT.test(text) && top?.kind === 'array' && top.arrayType !== 'complex') {
			top.arrayType = 'simple';
			top.index += 1;
			record(`${top.path}[${top.index}]`, line);
			continue;
		}
		const scopeMatch = SCOPE.exec(text);
		if (scopeMatch) {
			const [, bracket, flags, name] = scopeMatch;
			if (!name) {
				const popped = stack.pop();
				scope = popped ? popped.saved : '';
				continue;
			}
			const nested = flags!.includes('.');
			if (nested) increment(name, line);
			else {
				stack = [];
				scope = '';
			}
			const path = join(nested ? scope : '', name);
			record(path, line);
			const frame: Frame = {
				kind: bracket === '[' ? 'array' : 'object',
				path,
				saved: scope,
				arrayType: null,
				firstKey: null,
				index: -1
			};
			stack.push(frame);
			if (frame.kind === 'object') scope = path;
		}
	}
	return at;
}

/** The line of a field, or of its nearest recorded ancestor (a missing field points at its block). */
export function lineOf(index: Map<string, number>, path: string): number {
	let p = path;
	while (p) {
		const line = index.get(p);
		if (line !== undefined) return line;
		const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
		if (cut <= 0) break;
		p = p.slice(0, cut);
	}
	return 1;
}
