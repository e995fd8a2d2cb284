/**
 * Breaks text into lines at most `max` long, at spaces (a word longer than `max` stands on a line
 * of its own). Length is in characters unless `measure` says otherwise (the share image measures
 * its headline's shaped width). Map labels and the share image's headline are wrapped with it.
 * A number is never left at the end of a line: it stays with the word after it ("14 Jul",
 * "۱۴ جولای", "15,000 fighters"), as a reader reads them.
 */
export function wrapText(
	text: string,
	max: number,
	measure: (line: string) => number = (line) => line.length
): string[] {
	const lines: string[] = [];
	let line = '';
	const words: string[] = [];
	for (const word of text.split(/\s+/).filter(Boolean)) {
		const last = words[words.length - 1];
		if (last !== undefined && NUMBER.test(last)) words[words.length - 1] = `${last} ${word}`;
		else words.push(word);
	}
	for (const word of words) {
		if (line && measure(line + ' ' + word) > max) {
			lines.push(line);
			line = word;
		} else line = line ? line + ' ' + word : word;
	}
	if (line) lines.push(line);
	return lines;
}

/** A number in any script, with its separators and ranges (15,000; 20–21; ۲۰–۲۱; ۱۵٬۰۰۰). */
const NUMBER = /^(?=.*\p{Nd})[\p{Nd},.٫٬–-]+$/u;
