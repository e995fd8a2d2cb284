/**
 * Breaks text into lines at most `max` long, at spaces (a word longer than `max` stands on a line
 * of its own). Length is in characters unless `measure` says otherwise (the share image measures
 * its headline's shaped width). Map labels and the share image's headline are wrapped with it.
 */
export function wrapText(
	text: string,
	max: number,
	measure: (line: string) => number = (line) => line.length
): string[] {
	const lines: string[] = [];
	let line = '';
	for (const word of text.split(/\s+/).filter(Boolean)) {
		if (line && measure(line + ' ' + word) > max) {
			lines.push(line);
			line = word;
		} else line = line ? line + ' ' + word : word;
	}
	if (line) lines.push(line);
	return lines;
}
