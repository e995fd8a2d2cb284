/**
 * Dates as readers see them (British style, "31 December 2024"), from the ISO strings the story
 * document holds. Always formatted in UTC so the build machine's time zone cannot change the page.
 */
const MONTHS = [
	'January',
	'February',
	'March',
	'April',
	'May',
	'June',
	'July',
	'August',
	'September',
	'October',
	'November',
	'December'
];

/** "2024", "2024-03" or "2024-03-05" (or a full ISO date-time) → "2024", "March 2024", "5 March 2024". */
export function formatDate(value: string): string {
	const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?/.exec(value);
	if (!m) return value;
	const [, y, mo, d] = m;
	const month = mo ? MONTHS[Number(mo) - 1] : undefined;
	if (!month) return y!;
	if (!d) return `${month} ${y}`;
	return `${Number(d)} ${month} ${y}`;
}

/** Whether two ISO date-times fall on different calendar days (UTC). */
export function differentDay(a: string, b: string): boolean {
	return new Date(a).toISOString().slice(0, 10) !== new Date(b).toISOString().slice(0, 10);
}
