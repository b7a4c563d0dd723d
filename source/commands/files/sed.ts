import type {CommandSpec} from '../context';
import {errnoText} from './args';
import {compile} from './regex';

type Address = {kind: 'line'; n: number} | {kind: 'last'} | {kind: 're'; re: RegExp};

interface Command {
	a1?: Address;
	a2?: Address;
	negate: boolean;
	name: string;
	/** s: pattern, replacement, flags. */
	re?: RegExp;
	replacement?: string;
	global?: boolean;
	nth?: number;
	print?: boolean;
	text?: string;
	/** Range state: inside the range. */
	active?: boolean;
	/** Where a `}` jumps back from, and where `{` skips to. */
	blockEnd?: number;
}

class SedError extends Error {}

const USAGE = `Usage: sed [OPTION]... {script-only-if-no-other-script} [input-file]...

  -n, --quiet, --silent
                 suppress automatic printing of pattern space
      --debug
                 annotate program execution
  -e script, --expression=script
                 add the script to the commands to be executed
  -f script-file, --file=script-file
                 add the contents of script-file to the commands to be executed
  --follow-symlinks
                 follow symlinks when processing in place
  -i[SUFFIX], --in-place[=SUFFIX]
                 edit files in place (makes backup if SUFFIX supplied)
  -l N, --line-length=N
                 specify the desired line-wrap length for the \`l' command
  --posix
                 disable all GNU extensions.
  -E, -r, --regexp-extended
                 use extended regular expressions in the script
                 (for portability use POSIX -E).
  -s, --separate
                 consider files as separate rather than as a single,
                 continuous long stream.
      --sandbox
                 operate in sandbox mode (disable e/r/w commands).
  -u, --unbuffered
                 load minimal amounts of data from the input files and flush
                 the output buffers more often
  -z, --null-data
                 separate lines by NUL characters
      --help     display this help and exit
      --version  output version information and exit

If no -e, --expression, -f, or --file option is given, then the first
non-option argument is taken as the sed script to interpret.  All
remaining arguments are names of input files; if no input files are
specified, then the standard input is read.

GNU sed home page: <https://www.gnu.org/software/sed/>.
General help using GNU software: <https://www.gnu.org/gethelp/>.
`;

/** GNU sed: -n -e -i -E; s///[gipN], p, d, q, =, a/i/c, y, {…}; addresses N, $, /re/, ranges, !. */
export const sed: CommandSpec = {
	name: 'sed',
	paths: ['/bin/sed'],
	group: 'files',
	summary: {en: "edit text as it flows: sed 's/old/new/' FILE, sed -i edits in place", es: "edita texto al vuelo: sed 's/viejo/nuevo/' ARCHIVO, sed -i edita en el sitio"},
	run(ctx) {
		const args = ctx.argv.slice(1);
		const scripts: string[] = [];
		const files: string[] = [];
		let quiet = false;
		let inPlace = false;
		let extended = false;
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (a === '--') {
				files.push(...args.slice(i + 1));
				break;
			}
			if (a === '-n' || a === '--quiet' || a === '--silent') quiet = true;
			else if (a === '-E' || a === '-r' || a === '--regexp-extended') extended = true;
			else if (a === '-i' || a.startsWith('--in-place') || /^-i[^-]/.test(a)) inPlace = true;
			else if (a === '-e' || a === '--expression') {
				if (i + 1 >= args.length) {
					ctx.err(`sed: option requires an argument -- 'e'\n${USAGE}`);
					return 1;
				}
				scripts.push(args[++i]!);
			} else if (a.startsWith('--expression=')) scripts.push(a.slice(13));
			else if (/^-e./.test(a)) scripts.push(a.slice(2));
			else if (/^-[nEris]+$/.test(a)) {
				if (a.includes('n')) quiet = true;
				if (a.includes('E') || a.includes('r')) extended = true;
				if (a.includes('i')) inPlace = true;
			} else if (a.startsWith('-') && a !== '-') {
				ctx.err(a.startsWith('--') ? `sed: unrecognized option '${a}'\n${USAGE}` : `sed: invalid option -- '${a[1]}'\n${USAGE}`);
				return 1;
			} else files.push(a);
		}
		if (scripts.length === 0) {
			const first = files.shift();
			if (first === undefined) {
				ctx.err(USAGE);
				return 1;
			}
			scripts.push(first);
		}
		let program: Command[];
		try {
			program = compileScript(scripts, extended);
		} catch (error) {
			if (!(error instanceof SedError)) throw error;
			ctx.err(`sed: ${error.message}\n`);
			return 1;
		}
		if (inPlace && files.length === 0) {
			ctx.err('sed: no input files\n');
			return 1;
		}
		if (files.length === 0) files.push('-');
		let status = 0;
		if (inPlace) {
			for (const f of files) {
				const path = ctx.resolve(f);
				let text: string;
				try {
					text = ctx.host.fs.read(path);
				} catch (error) {
					const msg = errnoText(error);
					ctx.err(msg === 'Is a directory' ? `sed: couldn't edit ${f}: not a regular file\n` : `sed: can't read ${f}: ${msg}\n`);
					status = 2;
					continue;
				}
				for (const c of program) c.active = false;
				const r = execute(program, [text], quiet);
				ctx.host.fs.write(path, r.out);
				if (r.quit) break;
			}
			return status;
		}
		const inputs: string[] = [];
		for (const f of files) {
			if (f === '-') {
				inputs.push(ctx.stdin ?? '');
				continue;
			}
			try {
				inputs.push(ctx.host.fs.read(ctx.resolve(f)));
			} catch (error) {
				const msg = errnoText(error);
				ctx.err(msg === 'Is a directory' ? `sed: read error on ${f}: Is a directory\n` : `sed: can't read ${f}: ${msg}\n`);
				status = 2;
			}
		}
		const r = execute(program, inputs, quiet);
		ctx.out(r.out);
		return r.quit ? r.exit : status;
	},
};

/** Runs the program over the concatenated inputs as one stream. */
function execute(program: Command[], inputs: string[], quiet: boolean): {out: string; quit: boolean; exit: number} {
	const lines: string[] = [];
	let lastHasNewline = true;
	for (const text of inputs) {
		if (text === '') continue;
		const parts = text.split('\n');
		lastHasNewline = text.endsWith('\n');
		if (lastHasNewline) parts.pop();
		lines.push(...parts);
	}
	let out = '';
	const emit = (s: string, last: boolean) => (out += s + (last && !lastHasNewline ? '' : '\n'));
	for (let n = 0; n < lines.length; n++) {
		let space = lines[n]!;
		const isLast = n === lines.length - 1;
		let deleted = false;
		let quit = false;
		const appended: string[] = [];
		for (let pc = 0; pc < program.length; pc++) {
			const c = program[pc]!;
			if (c.name === '}') continue;
			let selected = matches(c, n + 1, space, isLast);
			if (c.negate) selected = !selected;
			if (!selected) {
				if (c.name === '{') pc = c.blockEnd!;
				continue;
			}
			switch (c.name) {
				case '{':
					break;
				case 'p':
					emit(space, false);
					break;
				case 'd':
					deleted = true;
					break;
				case '=':
					out += `${n + 1}\n`;
					break;
				case 'q':
					quit = true;
					break;
				case 'Q':
					return {out, quit: true, exit: 0};
				case 'a':
					appended.push(c.text!);
					break;
				case 'i':
					out += c.text! + '\n';
					break;
				case 'c':
					if (!c.a2 || !c.active) out += c.text! + '\n';
					deleted = true;
					break;
				case 'y': {
					const [from, to] = c.text!.split('\u0000') as [string, string];
					space = [...space].map((ch) => (from.includes(ch) ? to[from.indexOf(ch)]! : ch)).join('');
					break;
				}
				case 's': {
					const r = substitute(space, c);
					if (r !== undefined) {
						space = r;
						if (c.print) emit(space, false);
					}
					break;
				}
			}
			if (deleted || quit) break;
		}
		if (!deleted && !quiet) emit(space, isLast);
		for (const t of appended) out += t + '\n';
		if (quit) return {out, quit: true, exit: 0};
	}
	return {out, quit: false, exit: 0};
}

function addressMatches(a: Address, line: number, space: string, isLast: boolean): boolean {
	if (a.kind === 'line') return line === a.n;
	if (a.kind === 'last') return isLast;
	a.re.lastIndex = 0;
	return a.re.test(space);
}

function matches(c: Command, line: number, space: string, isLast: boolean): boolean {
	if (!c.a1) return true;
	if (!c.a2) return addressMatches(c.a1, line, space, isLast);
	if (c.active) {
		const end = c.a2.kind === 'line' ? line >= c.a2.n : addressMatches(c.a2, line, space, isLast);
		if (end) c.active = false;
		return true;
	}
	if (addressMatches(c.a1, line, space, isLast)) {
		const endsNow = c.a2.kind === 'line' && c.a2.n <= line;
		c.active = !endsNow;
		return true;
	}
	return false;
}

function substitute(space: string, c: Command): string | undefined {
	const re = c.re!;
	let count = 0;
	let changed = false;
	re.lastIndex = 0;
	const result = space.replace(re, (...m: unknown[]) => {
		count++;
		const whole = m[0] as string;
		if (c.nth !== undefined ? count !== c.nth && !(c.global && count > c.nth) : !c.global && count > 1) return whole;
		changed = true;
		const groups = m.slice(1).filter((g) => typeof g === 'string' || g === undefined) as Array<string | undefined>;
		return expandReplacement(c.replacement!, whole, groups);
	});
	return changed ? result : undefined;
}

function expandReplacement(rep: string, whole: string, groups: Array<string | undefined>): string {
	let out = '';
	for (let i = 0; i < rep.length; i++) {
		const ch = rep[i]!;
		if (ch === '&') out += whole;
		else if (ch === '\\' && i + 1 < rep.length) {
			const n = rep[++i]!;
			if (/[0-9]/.test(n)) out += n === '0' ? whole : (groups[Number(n) - 1] ?? '');
			else if (n === 'n') out += '\n';
			else if (n === 't') out += '\t';
			else out += n;
		} else out += ch;
	}
	return out;
}

/** Parses every -e expression (numbered as GNU sed numbers them in errors). */
function compileScript(scripts: string[], extended: boolean): Command[] {
	const program: Command[] = [];
	const open: number[] = [];
	scripts.forEach((script, index) => {
		const where = `-e expression #${index + 1}, char `;
		let i = 0;
		const fail = (msg: string, at = i): never => {
			throw new SedError(`${where}${at}: ${msg}`);
		};
		const skipSpace = () => {
			while (i < script.length && (script[i] === ' ' || script[i] === '\t')) i++;
		};
		const readRegex = (delim: string): string => {
			let body = '';
			while (i < script.length && script[i] !== delim) {
				if (script[i] === '\\' && i + 1 < script.length) {
					if (script[i + 1] === delim) body += delim === '/' ? '\\/' : delim;
					else if (script[i + 1] === 'n') body += '\\n';
					else body += script[i]! + script[i + 1]!;
					i += 2;
				} else body += script[i++];
			}
			return body;
		};
		const address = (): Address | undefined => {
			const c = script[i];
			if (c === undefined) return undefined;
			if (/[0-9]/.test(c)) {
				const m = /^[0-9]+/.exec(script.slice(i))![0];
				i += m.length;
				const n = Number(m);
				if (n === 0) fail('invalid usage of line address 0');
				return {kind: 'line', n};
			}
			if (c === '$') {
				i++;
				return {kind: 'last'};
			}
			if (c === '/' || c === '\\') {
				let delim = '/';
				if (c === '\\') {
					delim = script[i + 1] ?? '';
					i++;
				}
				i++;
				const body = readRegex(delim);
				if (i >= script.length) fail('unterminated address regex', script.length);
				i++;
				let flags = '';
				if (script[i] === 'I') {
					flags = 'i';
					i++;
				}
				return {kind: 're', re: regex(body, flags, fail)};
			}
			return undefined;
		};
		const regex = (body: string, flags: string, failWith: (m: string, at?: number) => never): RegExp => {
			const re = compile(body, extended, flags);
			if (typeof re === 'string') failWith(re);
			return re as RegExp;
		};
		while (i < script.length) {
			skipSpace();
			while (script[i] === ';' || script[i] === '\n') {
				i++;
				skipSpace();
			}
			if (i >= script.length) break;
			const cmd: Command = {negate: false, name: ''};
			cmd.a1 = address();
			if (cmd.a1 && script[i] === ',') {
				i++;
				cmd.a2 = address() ?? fail('unexpected `,\'', i);
			}
			skipSpace();
			while (script[i] === '!') {
				cmd.negate = true;
				i++;
				skipSpace();
			}
			const name = script[i];
			if (name === undefined) fail('missing command', i);
			i++;
			cmd.name = name!;
			switch (name) {
				case '{':
					open.push(program.length);
					break;
				case '}': {
					const start = open.pop();
					if (start === undefined) fail('unexpected `}\'');
					program[start!]!.blockEnd = program.length;
					break;
				}
				case 'p':
				case 'd':
				case '=':
				case 'q':
				case 'Q':
					break;
				case 'a':
				case 'i':
				case 'c': {
					skipSpace();
					if (script[i] === '\\') {
						i++;
						if (script[i] === '\n') i++;
					}
					const nl = script.indexOf('\n', i);
					const end = nl < 0 ? script.length : nl;
					cmd.text = script.slice(i, end).replace(/\\(.)/g, '$1');
					if (cmd.text === '' ) fail('expected \\ after `a\', `c\' or `i\'');
					i = end;
					break;
				}
				case 'y': {
					const delim = script[i++];
					if (delim === undefined) fail("unterminated `y' command", script.length);
					const from = readRegex(delim!);
					if (i >= script.length) fail("unterminated `y' command", script.length);
					i++;
					const to = readRegex(delim!);
					if (i >= script.length) fail("unterminated `y' command", script.length);
					i++;
					if ([...from].length !== [...to].length) fail("strings for `y' command are different lengths");
					cmd.text = from + '\u0000' + to;
					break;
				}
				case 's': {
					const delim = script[i++];
					if (delim === undefined || delim === '\n' || delim === '\\') fail("unterminated `s' command", script.length);
					const pattern = readRegex(delim!);
					if (i >= script.length) fail("unterminated `s' command", script.length);
					i++;
					let rep = '';
					while (i < script.length && script[i] !== delim) {
						if (script[i] === '\\' && i + 1 < script.length) {
							rep += script[i + 1] === delim ? delim : script[i]! + script[i + 1]!;
							i += 2;
						} else rep += script[i++];
					}
					if (i >= script.length) fail("unterminated `s' command", script.length);
					i++;
					let flags = '';
					while (i < script.length && !/[;\n}\s]/.test(script[i]!)) {
						const f = script[i]!;
						if (f === 'g') cmd.global = true;
						else if (f === 'p') cmd.print = true;
						else if (f === 'i' || f === 'I') flags += 'i';
						else if (/[0-9]/.test(f)) {
							const m = /^[0-9]+/.exec(script.slice(i))![0];
							cmd.nth = Number(m);
							i += m.length - 1;
						} else fail('unknown option to `s\'', i + 1);
						i++;
					}
					cmd.re = regex(pattern, flags + 'g', fail);
					cmd.replacement = rep;
					break;
				}
				default:
					fail(`unknown command: \`${name}'`, i);
			}
			program.push(cmd);
			skipSpace();
			if (i < script.length && !/[;\n}]/.test(script[i]!) && !'aic'.includes(cmd.name)) {
				if (cmd.name === '}' || cmd.name === '{') continue;
				fail(`extra characters after command`, i + 1);
			}
		}
	});
	if (open.length > 0) throw new SedError(`-e expression #${scripts.length}, char 0: unmatched \`{'`);
	return program;
}
