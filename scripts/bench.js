// npm run bench — measured budgets for the story, as deployed (issue 7).
//
// Builds the site under its deploy base path, serves build/ compressed on BENCH_PORT (default
// 4190) as a CDN would, and measures: Lighthouse (mobile, median of --runs), bytes on first load
// by type, scroll smoothness at phone size (4× CPU throttling) and desktop size (median of
// --runs), and axe violations at the top, middle and end of the story. Prints one table and
// writes bench-results/latest.json (latest-<lang>.json for a translated edition).
//
//   npm run bench                      # 3 runs, exit 0 even when a budget is missed
//   npm run bench -- --runs 5 --strict # exit 1 when a budget is missed
//   npm run bench -- --no-build        # measure the existing build/ (must be a base-path build)
//   npm run bench -- --encoding br     # serve brotli instead of gzip (budgets are gzip)
//   npm run bench -- --edition ur      # measure the Urdu (ur) or Pashto (ps) edition's page
import { spawn, execFileSync } from 'node:child_process';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { parseArgs } from 'node:util';
import { runLighthouse } from './lib/bench-lighthouse.js';
import {
	launchBrowser,
	measureAxe,
	measureBytes,
	measureScroll,
	median
} from './lib/bench-browser.js';
import { findChromium } from './lib/find-chromium.js';
import { serveStatic } from './lib/static-server.js';

const BASE_PATH = '/graphics/2024/pakistan-taliban';
const KB = 1000;

const { values: args } = parseArgs({
	options: {
		runs: { type: 'string', default: '3' },
		strict: { type: 'boolean', default: false },
		'no-build': { type: 'boolean', default: false },
		encoding: { type: 'string', default: 'gzip' },
		edition: { type: 'string', default: 'en' }
	}
});
/**
 * Fonts on first load, by edition: Urdu body text is set in Nastaliq, whose joined, stacked
 * letters make its one face about 107 KB even subset (issue 13's budgets).
 * @type {Record<string, number>}
 */
const FONT_BUDGET = { en: 60, ur: 150, ps: 60 };
const edition = /** @type {string} */ (args.edition);
if (!(edition in FONT_BUDGET)) {
	console.error(
		`--edition must be one of ${Object.keys(FONT_BUDGET).join(', ')} (got "${edition}")`
	);
	process.exit(2);
}
const runs = Number(args.runs);
if (!Number.isInteger(runs) || runs < 1) {
	console.error(`--runs must be a positive integer (got "${args.runs}")`);
	process.exit(2);
}
if (!['gzip', 'br'].includes(/** @type {string} */ (args.encoding))) {
	console.error(`--encoding must be gzip or br (got "${args.encoding}")`);
	process.exit(2);
}
const port = Number(process.env.BENCH_PORT ?? 4190);
if (!findChromium().origin) {
	console.error('No Chromium found: run `node scripts/ensure-browser.js` first.');
	process.exit(2);
}

const started = Date.now();
/** 1-minute load averages every 5 s: other work on the machine inflates every number here. */
const load = [loadavg()[0] ?? 0];
const loadTimer = setInterval(() => load.push(loadavg()[0] ?? 0), 5000);
loadTimer.unref();
/** Share of CPU time busy over `ms`, all cores: what else is running before the bench starts. */
async function cpuBusy(ms = 2000) {
	const sample = () =>
		cpus().reduce(
			(t, c) => {
				const all = Object.values(c.times).reduce((a, b) => a + b, 0);
				return { idle: t.idle + c.times.idle, all: t.all + all };
			},
			{ idle: 0, all: 0 }
		);
	const a = sample();
	await new Promise((ok) => setTimeout(ok, ms));
	const b = sample();
	return b.all > a.all ? 1 - (b.idle - a.idle) / (b.all - a.all) : 0;
}
const busyAtStart = await cpuBusy();
/** @param {string} msg */
const log = (msg) =>
	console.log(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)}s] ${msg}`);

/** @returns {Promise<void>} */
function build() {
	return new Promise((ok, fail) => {
		const child = spawn('npm', ['run', 'build'], {
			env: { ...process.env, BASE_PATH },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (d) => (out += d));
		child.stderr.on('data', (d) => (out += d));
		child.on('error', fail);
		child.on('close', (code) =>
			code === 0 ? ok() : fail(new Error(`npm run build failed (${code}):\n${out.slice(-4000)}`))
		);
	});
}

/** @param {number} bytes */
const kb = (bytes) => `${(bytes / KB).toFixed(1)} KB`;
/** @param {number} ms */
const ms = (ms) => `${Math.round(ms)} ms`;

/**
 * @typedef {{ metric: string, value: string, budget: string, result: string, pass?: boolean, over?: string }} Row
 */
/** @type {Row[]} */
const rows = [];
/** @type {{ metric: string, value: number, budget: string, pass: boolean, by: string }[]} */
const budgets = [];
/**
 * @param {string} metric
 * @param {string} value
 * @param {{ limit: number, max?: boolean, fmt: (n: number) => string, raw: number } | null} budget
 */
function row(metric, value, budget = null) {
	if (!budget) {
		rows.push({ metric, value, budget: '', result: '' });
		return;
	}
	const { limit, max = true, fmt, raw } = budget;
	const pass = Number.isFinite(raw) && (max ? raw <= limit : raw >= limit);
	const gap = fmt(Math.abs(raw - limit));
	const by = !Number.isFinite(raw)
		? 'not measured'
		: raw === limit
			? 'at budget'
			: `${gap} ${raw > limit ? (max ? 'over' : 'above') : max ? 'under' : 'below'}`;
	rows.push({
		metric,
		value,
		budget: `${max ? '≤' : '≥'} ${fmt(limit)}`,
		result: pass ? `pass (${by})` : `MISS (${by})`
	});
	budgets.push({ metric, value: raw, budget: `${max ? '<=' : '>='} ${limit}`, pass, by });
}

function printTable() {
	const head = { metric: 'metric', value: 'value', budget: 'budget', result: 'pass/fail' };
	const all = [head, ...rows];
	const w = {
		metric: Math.max(...all.map((r) => r.metric.length)),
		value: Math.max(...all.map((r) => r.value.length)),
		budget: Math.max(...all.map((r) => r.budget.length)),
		result: Math.max(...all.map((r) => r.result.length))
	};
	/** @param {Row | typeof head} r */
	const line = (r) =>
		`| ${r.metric.padEnd(w.metric)} | ${r.value.padEnd(w.value)} | ${r.budget.padEnd(w.budget)} | ${r.result.padEnd(w.result)} |`;
	const rule = `|${'-'.repeat(w.metric + 2)}|${'-'.repeat(w.value + 2)}|${'-'.repeat(w.budget + 2)}|${'-'.repeat(w.result + 2)}|`;
	console.log(['', line(head), rule, ...rows.map(line), ''].join('\n'));
}

/** @type {Awaited<ReturnType<typeof serveStatic>> | null} */
let server = null;
/** @type {import('@playwright/test').Browser | null} */
let browser = null;
async function cleanup() {
	await browser?.close().catch(() => {});
	browser = null;
	await server?.close();
	server = null;
}
for (const signal of /** @type {const} */ (['SIGINT', 'SIGTERM']))
	process.on(signal, () => {
		cleanup().finally(() => process.exit(130));
	});

try {
	let buildSeconds = 0;
	if (args['no-build']) {
		const html = await readFile('build/index.html', 'utf8').catch(() => '');
		if (!html.includes(`${BASE_PATH}/_app/`))
			throw new Error(`--no-build: build/ is missing or was not built with BASE_PATH=${BASE_PATH}`);
		log('using the existing build/');
	} else {
		log(`building with BASE_PATH=${BASE_PATH}`);
		const t = Date.now();
		await build();
		buildSeconds = (Date.now() - t) / 1000;
		log(`built in ${buildSeconds.toFixed(0)} s`);
	}

	server = await serveStatic({
		root: 'build',
		base: BASE_PATH,
		port,
		encodings: [/** @type {string} */ (args.encoding)]
	});
	// The edition's story page: English at the base path, a translation at <base>/<lang>/.
	const url = edition === 'en' ? server.url : new URL(`${edition}/`, server.url).href;
	log(`serving build/ at ${server.url} (${args.encoding}); measuring ${url}`);

	/** @type {Awaited<ReturnType<typeof runLighthouse>>[]} */
	const lh = [];
	for (let i = 0; i < runs; i++) {
		log(`Lighthouse run ${i + 1}/${runs}`);
		lh.push(await runLighthouse(url));
	}

	browser = await launchBrowser();
	log('bytes on first load (phone)');
	const bytes = await measureBytes(browser, url);

	/** @type {Record<'phone' | 'desktop', Awaited<ReturnType<typeof measureScroll>>[]>} */
	const scroll = { phone: [], desktop: [] };
	for (let i = 0; i < runs; i++) {
		log(`scroll run ${i + 1}/${runs}: phone, 4× CPU throttling`);
		scroll.phone.push(await measureScroll(browser, url, 'phone', { cpuThrottle: 4 }));
		log(`scroll run ${i + 1}/${runs}: desktop`);
		scroll.desktop.push(await measureScroll(browser, url, 'desktop'));
	}

	log('axe: top, middle and end of the story, and an embed card (phone and desktop)');
	const axe = [await measureAxe(browser, url, 'phone'), await measureAxe(browser, url, 'desktop')];
	const violations = axe.flatMap((a) => a.violations);
	const browserVersion = browser.version();
	await cleanup();

	// Medians
	/** @param {(r: (typeof lh)[number]) => number} f */
	const lhMedian = (f) => median(lh.map(f));
	const lhm = {
		performance: lhMedian((r) => r.scores.performance ?? NaN),
		accessibility: lhMedian((r) => r.scores.accessibility ?? NaN),
		bestPractices: lhMedian((r) => r.scores['best-practices'] ?? NaN),
		seo: lhMedian((r) => r.scores.seo ?? NaN),
		lcpMs: lhMedian((r) => r.lcpMs),
		cls: lhMedian((r) => r.cls),
		tbtMs: lhMedian((r) => r.tbtMs)
	};
	/** @param {(typeof scroll)['phone']} list */
	const scrollMedian = (list) => ({
		frames: median(list.map((r) => r.frames)),
		over16: median(list.map((r) => r.over16)),
		over33: median(list.map((r) => r.over33)),
		over16Literal: median(list.map((r) => r.over16Literal)),
		p50: median(list.map((r) => r.p50)),
		p95: median(list.map((r) => r.p95)),
		longTasks: median(list.map((r) => r.longTasks)),
		mostLongTasks: Math.max(...list.map((r) => r.longTasks)),
		layoutShift: Math.max(...list.map((r) => r.layoutShift)),
		longestTask: median(list.map((r) => r.longestTask))
	});
	const sm = { phone: scrollMedian(scroll.phone), desktop: scrollMedian(scroll.desktop) };

	// Table
	const n = `median of ${runs}`;
	const t = bytes.byType;
	const js = t.js?.bytes ?? NaN;
	const data = t.data?.bytes ?? NaN;
	const fmtKb = (/** @type {number} */ x) => kb(x);
	const fmtN = (/** @type {number} */ x) => String(Math.round(x * 100) / 100);
	const fmtMs = (/** @type {number} */ x) => ms(x);
	const fmtPct = (/** @type {number} */ x) => `${x.toFixed(1)} %`;
	const fonts = t.fonts?.bytes ?? NaN;
	/**
	 * The budgets, in one place (issue 10). `max` is an upper bound, `min` a lower one; a budget
	 * is never moved to pass: a miss is reported with its cause.
	 * @type {{ metric: string, raw: number, value?: string, max?: number, min?: number, fmt: (n: number) => string }[]}
	 */
	const BUDGETS = [
		{ metric: `JS (${args.encoding}, first load)`, raw: js, max: 40 * KB, fmt: fmtKb },
		{ metric: `map data requests (${args.encoding}, first load)`, raw: data, max: 0, fmt: fmtKb },
		{
			metric: `fonts (${args.encoding}, first load)`,
			raw: fonts,
			max: (FONT_BUDGET[edition] ?? 0) * KB,
			fmt: fmtKb
		},
		{
			metric: `total first load (${bytes.requests.length} requests)`,
			raw: bytes.totalBytes,
			max: 180 * KB,
			fmt: fmtKb
		},
		{ metric: `Lighthouse mobile performance (${n})`, raw: lhm.performance, min: 98, fmt: fmtN },
		{ metric: `Lighthouse accessibility (${n})`, raw: lhm.accessibility, min: 100, fmt: fmtN },
		{ metric: `Lighthouse SEO (${n})`, raw: lhm.seo, min: 100, fmt: fmtN },
		{ metric: `LCP (Lighthouse mobile, ${n})`, raw: lhm.lcpMs, max: 1800, fmt: fmtMs },
		{ metric: `TBT (Lighthouse mobile, ${n})`, raw: lhm.tbtMs, max: 50, fmt: fmtMs },
		{ metric: `CLS (Lighthouse mobile, ${n})`, raw: lhm.cls, max: 0, fmt: (x) => x.toFixed(3) },
		{
			metric: `phone 4× CPU: long tasks while scrolling, most in a run (runs: ${scroll.phone.map((r) => r.longTasks).join(', ')})`,
			raw: sm.phone.mostLongTasks,
			max: 0,
			fmt: fmtN
		},
		{ metric: 'phone 4× CPU: frames > 16.7 ms (%)', raw: sm.phone.over16, max: 10, fmt: fmtPct },
		{ metric: 'phone 4× CPU: frames > 33 ms (%)', raw: sm.phone.over33, max: 2, fmt: fmtPct },
		{
			metric: 'phone: layout shift while scrolling (largest run)',
			raw: sm.phone.layoutShift,
			max: 0,
			fmt: (x) => x.toFixed(3)
		},
		{ metric: 'desktop: frames > 16.7 ms (%)', raw: sm.desktop.over16, max: 5, fmt: fmtPct }
	];
	for (const b of BUDGETS) {
		const max = b.max !== undefined;
		row(b.metric, b.fmt(b.raw), { limit: (max ? b.max : b.min) ?? 0, max, fmt: b.fmt, raw: b.raw });
	}
	for (const type of ['html', 'css', 'fonts', 'images', 'other'])
		row(`  ${type}`, `${kb(t[type]?.bytes ?? 0)} (${t[type]?.requests ?? 0} req)`);
	row('  + response headers', kb(bytes.headerBytes));
	row(`Lighthouse best practices (${n})`, String(lhm.bestPractices));
	for (const size of /** @type {const} */ (['phone', 'desktop'])) {
		const m = sm[size];
		const label = size === 'phone' ? 'phone 390×844, 4× CPU' : 'desktop 1440×900';
		row(`scroll ${label}: frames (${n})`, String(Math.round(m.frames)));
		row(`  frames > 16.7 ms / > 33 ms`, `${m.over16.toFixed(1)} % / ${m.over33.toFixed(1)} %`);
		row(`  intervals > 16.7 ms read literally`, `${m.over16Literal.toFixed(1)} %`);
		row(`  frame interval p50 / p95`, `${m.p50.toFixed(1)} ms / ${m.p95.toFixed(1)} ms`);
		row(`  long tasks (median of runs)`, String(m.longTasks));
		row(`  longest long task`, m.longestTask ? fmtMs(m.longestTask) : '-');
	}
	const axeIds = [...new Set(violations.map((v) => v.id))];
	row(
		'axe violations (WCAG 2.2 AA; top/middle/end + embed, phone+desktop)',
		violations.length
			? `${violations.length} (${axeIds.join(', ')}; ${violations.reduce((s, v) => s + v.targets.length, 0)} nodes)`
			: '0',
		{ limit: 0, fmt: fmtN, raw: violations.length }
	);

	const misses = budgets.filter((b) => !b.pass);
	const seconds = (Date.now() - started) / 1000;
	clearInterval(loadTimer);
	const cores = availableParallelism();
	const meanLoad = load.reduce((a, b) => a + b, 0) / load.length;
	const maxLoad = Math.max(...load);
	const busy = busyAtStart > 0.3 || meanLoad > cores + 1;
	row(
		'machine: CPU busy at start; load mean / max',
		`${Math.round(busyAtStart * 100)} %; ${meanLoad.toFixed(1)} / ${maxLoad.toFixed(1)} (${cores} cores)`
	);
	printTable();
	if (violations.length) {
		console.log('axe violations:');
		for (const v of violations) {
			const more = v.targets.length > 5 ? `\n      … and ${v.targets.length - 5} more` : '';
			console.log(
				`  [${v.where}] ${v.id} (${v.impact}, ${v.targets.length} nodes): ${v.help}\n      ` +
					v.targets.slice(0, 5).join('\n      ') +
					more
			);
		}
	}
	const lhFailed = [...new Map(lh.flatMap((r) => r.failedAudits).map((a) => [a.id, a])).values()];
	if (lhFailed.length) {
		console.log('Lighthouse audits not passed (any run):');
		for (const a of lhFailed) console.log(`  ${a.category}: ${a.id} — ${a.title}`);
	}
	console.log(
		`Sizes in KB of 1000 bytes, response bodies as sent (${args.encoding} where the server compresses). ` +
			`Took ${seconds.toFixed(0)} s (build ${buildSeconds.toFixed(0)} s).`
	);
	if (busy)
		console.log(
			`Warning: other work was running (CPU ${Math.round(busyAtStart * 100)} % busy before the ` +
				`bench started; load mean ${meanLoad.toFixed(1)} on ${cores} cores, the bench alone ` +
				'adds about 2): ' +
				'timings, frame intervals and long tasks may be inflated.'
		);
	console.log(
		misses.length
			? `${misses.length} budget(s) missed: ${misses.map((m) => m.metric.trim()).join('; ')}`
			: 'All budgets met.'
	);

	let commit = '';
	try {
		commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
	} catch {
		// not a git checkout
	}
	await mkdir('bench-results', { recursive: true });
	const resultFile = `bench-results/latest${edition === 'en' ? '' : `-${edition}`}.json`;
	await writeFile(
		resultFile,
		JSON.stringify(
			{
				date: new Date().toISOString(),
				commit,
				url,
				edition,
				encoding: args.encoding,
				runs,
				seconds: Math.round(seconds),
				buildSeconds: Math.round(buildSeconds),
				browser: browserVersion,
				machine: { cores, busyAtStart, meanLoad, maxLoad, busy, loadSamples: load },
				lighthouseVersion: lh[0]?.version,
				budgets,
				lighthouse: { median: lhm, runs: lh },
				bytes,
				scroll: { median: sm, runs: scroll },
				axe: { violations }
			},
			null,
			'\t'
		) + '\n'
	);
	console.log(`Wrote ${resultFile}`);
	process.exitCode = args.strict && misses.length ? 1 : 0;
} catch (e) {
	console.error(e instanceof Error ? (e.stack ?? e.message) : e);
	process.exitCode = 2;
} finally {
	await cleanup();
}
