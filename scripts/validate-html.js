#!/usr/bin/env node
/**
 * Validates the prerendered HTML with the Nu Html Checker (vnu-jar, needs Java 11+): the story
 * page and every embed card. Exits non-zero, listing each error, if any page is invalid.
 *
 *   node scripts/validate-html.js [build-dir]     (default: build)
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

const vnu = join(dirname(createRequire(import.meta.url).resolve('vnu-jar')), 'build/dist/vnu.jar');

const dir = process.argv[2] ?? 'build';
const index = join(dir, 'index.html');
if (!existsSync(index)) {
	console.error(`${index} not found: build the site first (npm run build).`);
	process.exit(2);
}
/** Each edition's root: the English at the top, the translations in /<lang>/ beside it. */
const editions = [
	dir,
	...readdirSync(dir, { withFileTypes: true })
		.filter((d) => d.isDirectory() && /^[a-z]{2,3}$/.test(d.name))
		.map((d) => join(dir, d.name))
		.filter((d) => existsSync(join(d, 'index.html')))
];
/** @param {string} root */
const embedsOf = (root) => {
	const embedDir = join(root, 'embed');
	return existsSync(embedDir)
		? readdirSync(embedDir, { withFileTypes: true })
				.filter((d) => d.isDirectory() && existsSync(join(embedDir, d.name, 'index.html')))
				.map((d) => join(embedDir, d.name, 'index.html'))
		: [];
};
const embeds = editions.flatMap(embedsOf);
const files = [...editions.map((e) => join(e, 'index.html')), ...embeds];

const result = spawnSync('java', ['-jar', vnu, '--errors-only', ...files], { encoding: 'utf8' });
if (result.error) {
	console.error(`Could not run Java for the Nu Html Checker: ${result.error.message}`);
	process.exit(2);
}
const output = `${result.stdout}${result.stderr}`.trim();
if (result.status !== 0 || output) {
	console.error(output);
	console.error(
		`\nNu Html Checker: errors in the prerendered HTML (${files.length} files checked).`
	);
	process.exit(1);
}
console.log(
	`Nu Html Checker: ${files.length} files valid (${editions.length} editions, ${embeds.length} embed cards).`
);
