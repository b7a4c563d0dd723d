#!/usr/bin/env node
import chalk from 'chalk';
import meow from 'meow';
import {readFileSync} from 'node:fs';
import {isLang, type Lang} from './i18n/lang';

const cli = meow(
	`
  Usage
    $ cluster-lab                              open the lab (choose a scenario)
    $ cluster-lab sandbox [--scenario NAME|FILE] [--seed N]
                                               open the lab on a scenario
    $ cluster-lab run [--scenario NAME|FILE] [--seed N] [SCRIPT|-]
                                               run commands from a script (or stdin)
                                               and print the transcript
    $ cluster-lab scenarios                    list the built-in scenarios

  Options
    --scenario, -s NAME|FILE  scenario to load (default: sandbox)
    --seed N                  seed of the simulation's random numbers (default: 1)
    --lang en|es              language of the lab's own texts
    --plain                   numbers instead of graphs, sentences instead of symbols
    --no-color                no colours (NO_COLOR=1 does the same)
    --help                    show this help
    --version                 show the version

  Examples
    $ cluster-lab run --scenario sandbox my-lvs-setup.txt
    $ echo 'ipvsadm -L -n' | cluster-lab run -
`,
	{
		importMeta: import.meta,
		allowUnknownFlags: false,
		flags: {
			scenario: {type: 'string', shortFlag: 's', default: 'sandbox'},
			seed: {type: 'string', default: '1'},
			lang: {type: 'string'},
			plain: {type: 'boolean', default: false},
			color: {type: 'boolean', default: true},
		},
	},
);

function fail(message: string): never {
	process.stderr.write(`cluster-lab: ${message}\n`);
	process.exit(2);
}

function language(): Lang {
	const flag = cli.flags.lang;
	if (flag !== undefined) {
		if (!isLang(flag)) fail(`unknown language '${flag}' (use en or es)`);
		return flag;
	}
	for (const key of ['LC_ALL', 'LC_MESSAGES', 'LANG']) {
		const value = process.env[key];
		if (value) return value.toLowerCase().startsWith('es') ? 'es' : 'en';
	}
	return 'en';
}

function seed(): number {
	const text = cli.flags.seed;
	if (!/^\d{1,10}$/.test(text) || Number(text) > 0xffffffff) fail(`--seed needs a whole number from 0 to 4294967295, not '${text}'`);
	return Number(text);
}

const [command, ...rest] = cli.input;
const lang = language();
// chalk ignores NO_COLOR by itself; Ink and the lab share this one chalk instance.
if (!cli.flags.color || (process.env.NO_COLOR ?? '') !== '') chalk.level = 0;

switch (command) {
	case 'run': {
		if (rest.length > 1) fail(`run takes one script, got ${rest.length}: ${rest.join(' ')}`);
		const {runScript} = await import('./cli/run');
		const code = runScript({
			scenario: cli.flags.scenario,
			seed: seed(),
			lang,
			script: rest[0],
			write: (text) => process.stdout.write(text),
			writeError: (text) => process.stderr.write(text),
			readStdin: () => readFileSync(0, 'utf8'),
		});
		process.exitCode = code;
		break;
	}
	case 'scenarios': {
		const {builtinScenarios, loadScenario} = await import('./scenario/load');
		for (const name of builtinScenarios()) {
			const found = loadScenario(name);
			process.stdout.write(`${name.padEnd(20)}${found.ok ? found.config.title : found.message}\n`);
		}
		break;
	}
	case undefined:
	case 'sandbox': {
		if (!process.stdin.isTTY || !process.stdout.isTTY) {
			fail('the lab needs a terminal; to run commands from a script use: cluster-lab run SCRIPT');
		}
		if (rest.length > 0) fail(`${command ?? 'cluster-lab'} takes no arguments, got: ${rest.join(' ')}`);
		const {startInteractive} = await import('./ui/start');
		process.exitCode = await startInteractive({scenario: command === 'sandbox' ? cli.flags.scenario : undefined, seed: seed(), lang, plain: cli.flags.plain});
		break;
	}
	default:
		fail(`unknown command '${command}'; see cluster-lab --help`);
}
