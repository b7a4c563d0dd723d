#!/usr/bin/env node
import chalk from 'chalk';
import meow from 'meow';
import {openSettings, type Io} from './cli/context';

const io: Io = {write: (text) => process.stdout.write(text), writeError: (text) => process.stderr.write(text)};

// A reader that stops early (`cluster-lab scenarios | head -2`) ends the output quietly,
// as it would for any command-line tool, instead of with a stack trace.
for (const stream of [process.stdout, process.stderr]) {
	stream.on('error', (error: NodeJS.ErrnoException) => {
		if (error.code === 'EPIPE') process.exit(0);
		throw error;
	});
}

/** `--lang` is needed before meow parses anything: the help text itself is translated. */
function earlyLangFlag(argv: readonly string[]): string | undefined {
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') break;
		if (arg === '--lang') return argv[i + 1] ?? '';
		if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
	}
	return undefined;
}

/** Options that take a value (`--seed 7`, `--seed=7`, `-s NAME`), and those that do not. */
const VALUE_OPTIONS = new Set(['--scenario', '-s', '--seed', '--lang', '--lessons']);
const SWITCHES = new Set(['--json', '--plain', '--color', '--help', '--version', '--no-json', '--no-plain', '--no-color']);

/**
 * Checks the options before meow does: meow answers an unknown one with two lines
 * of its own and a repeated one with a stack trace.
 */
function badOption(argv: readonly string[]): {kind: 'unknown' | 'repeated'; option: string} | undefined {
	const seen = new Set<string>();
	for (let i = 0; i < argv.length; i++) {
		const arg = argv[i]!;
		if (arg === '--') break;
		if (!arg.startsWith('-') || arg === '-') continue;
		const name = arg.includes('=') ? arg.slice(0, arg.indexOf('=')) : arg;
		const known = VALUE_OPTIONS.has(name) || (SWITCHES.has(name) && name === arg);
		if (!known) return {kind: 'unknown', option: arg};
		const canonical = name === '-s' ? '--scenario' : name.replace(/^--no-/, '--');
		if (seen.has(canonical)) return {kind: 'repeated', option: canonical};
		seen.add(canonical);
		if (VALUE_OPTIONS.has(name) && name === arg) i++;
	}
	return undefined;
}

/** Everything on standard input, as text. */
async function readStandardInput(): Promise<string> {
	const chunks: Buffer[] = [];
	for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
	return Buffer.concat(chunks).toString('utf8');
}

/** Whether the command line names a scenario itself (`--scenario X`, `-s X`, `--scenario=X`). */
function namesScenario(argv: readonly string[]): boolean {
	for (const arg of argv) {
		if (arg === '--') break;
		if (arg === '-s' || arg === '--scenario' || arg.startsWith('--scenario=') || arg.startsWith('-s=')) return true;
	}
	return false;
}

const settings = await openSettings({flag: earlyLangFlag(process.argv.slice(2)), env: process.env, io});
const {t, lang, store} = settings;

const stray = badOption(process.argv.slice(2));
if (stray !== undefined) {
	process.stderr.write(`cluster-lab: ${t(stray.kind === 'unknown' ? 'cli.unknownOption' : 'cli.repeatedOption', {option: stray.option})}\n`);
	process.exit(2);
}

const cli = meow(t('cli.usage'), {
	importMeta: import.meta,
	description: t('cli.description'),
	allowUnknownFlags: false,
	flags: {
		scenario: {type: 'string', shortFlag: 's', default: 'sandbox'},
		seed: {type: 'string', default: '1'},
		lang: {type: 'string'},
		lessons: {type: 'string'},
		json: {type: 'boolean', default: false},
		plain: {type: 'boolean', default: false},
		color: {type: 'boolean', default: true},
	},
});

// chalk ignores NO_COLOR by itself; Ink and the lab share this one chalk instance.
if (!cli.flags.color || (process.env.NO_COLOR ?? '') !== '') chalk.level = 0;

function fail(message: string): never {
	process.stderr.write(`cluster-lab: ${message}\n`);
	process.exit(2);
}

if (!settings.choice.ok) fail(t('cli.unknownLang', {lang: settings.choice.bad}));
// meow shows the help by itself only for a lone --help; with --lang (or a command) it is ours to show.
if (process.argv.slice(2).includes('--help')) cli.showHelp(0);

function seed(): number {
	const text = cli.flags.seed;
	if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) fail(t('cli.badSeed', {seed: text}));
	return Number(text);
}

function atMost(command: string, args: readonly string[], max: number): void {
	if (args.length > max) fail(t('cli.extraArguments', {command, max, list: args.join(' ')}));
}

const [command, ...rest] = cli.input;
// Commands other than the lab screen read and write progress at once; the screen loads the checker after its first frame.
if (command !== undefined && command !== 'sandbox') await store.ready();

switch (command) {
	case 'run': {
		if (rest.length > 1) fail(t('cli.tooManyScripts', {count: rest.length, list: rest.join(' ')}));
		// Loaded only here: the lab screen's start does not wait for the script runner.
		const {runScript} = await import('./cli/run');
		// Standard input is read as a stream: a pipe that is slow to fill makes a single
		// synchronous read fail with EAGAIN.
		const input = rest[0] === undefined || rest[0] === '-' ? await readStandardInput() : '';
		const code = runScript({
			scenario: cli.flags.scenario,
			seed: seed(),
			lang,
			script: rest[0],
			write: io.write,
			writeError: io.writeError,
			readStdin: () => input,
		});
		process.exitCode = code;
		break;
	}
	case 'scenarios': {
		const {builtinScenarios, loadScenario} = await import('./scenario/load');
		const {scenarioTitle} = await import('./ui/home/catalog');
		for (const name of builtinScenarios()) {
			const found = loadScenario(name);
			process.stdout.write(`${name.padEnd(20)}${found.ok ? scenarioTitle(found.config, lang) : found.message}\n`);
		}
		break;
	}
	case 'lessons': {
		atMost('lessons', rest, 0);
		const {listLessons} = await import('./cli/lessons');
		process.exitCode = listLessons({dir: cli.flags.lessons, lang, t, store, io, json: cli.flags.json});
		break;
	}
	case 'lesson': {
		if (rest.length !== 1) fail(t('lessons.unknown', {id: rest.join(' ')}));
		const {showLesson} = await import('./cli/lessons');
		const terminal = Boolean(process.stdin.isTTY && process.stdout.isTTY);
		// The lesson's own seed unless --seed was given (the flag's default would hide it).
		const seedGiven = process.argv.some((a) => a === '--seed' || a.startsWith('--seed='));
		process.exitCode = await showLesson({dir: cli.flags.lessons, lang, t, store, io, id: rest[0]!, terminal, seed: seedGiven ? seed() : undefined, plain: cli.flags.plain});
		break;
	}
	case 'validate': {
		atMost('validate', rest, 1);
		const {validateLessons} = await import('./cli/lessons');
		process.exitCode = validateLessons({dir: rest[0] ?? cli.flags.lessons, lang, t, io});
		break;
	}
	case 'lang': {
		atMost('lang', rest, 1);
		const {langCommand} = await import('./cli/lang');
		if (settings.choice.ok) process.exitCode = langCommand({arg: rest[0], choice: settings.choice, store, env: process.env, io});
		break;
	}
	case undefined:
	case 'sandbox': {
		if (!process.stdin.isTTY || !process.stdout.isTTY) fail(t('cli.needsTerminal'));
		atMost(command ?? 'cluster-lab', rest, 0);
		const {startInteractive} = await import('./ui/start');
		// `cluster-lab` alone opens the home screen; `cluster-lab sandbox`, or a scenario
		// named with --scenario, opens that scenario's lab directly.
		const direct = command === 'sandbox' || namesScenario(process.argv.slice(2));
		process.exitCode = await startInteractive({scenario: direct ? cli.flags.scenario : undefined, seed: seed(), lang, plain: cli.flags.plain, store, lessonsDir: cli.flags.lessons});
		break;
	}
	default:
		fail(t('cli.unknownCommand', {command}));
}
