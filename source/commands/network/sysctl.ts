import type {Host} from '../../sim/host';
import {userlandEra} from '../../sim/net/userland-era';
import type {CommandContext, CommandSpec} from '../context';

const MODERN_USAGE = `
Usage:
 sysctl [options] [variable[=value] ...]

Options:
  -a, --all            display all variables
  -A                   alias of -a
  -X                   alias of -a
      --deprecated     include deprecated parameters to listing
      --dry-run        Print the key and values but do not write
  -b, --binary         print value without new line
  -e, --ignore         ignore unknown variables errors
  -N, --names          print variable names without values
  -n, --values         print only values of the given variable(s)
  -p, --load[=<file>]  read values from file
  -f                   alias of -p
      --system         read values from all system directories
  -r, --pattern <expression>
                       select setting that match expression
  -q, --quiet          do not echo variable set
  -w, --write          enable writing a value to variable
  -o                   does nothing
  -x                   does nothing
  -d                   alias of -h

 -h, --help     display this help and exit
 -V, --version  output version information and exit

For more details see sysctl(8).
`;

const OLD_USAGE = `usage:  sysctl [-n] [-e] variable ... 
        sysctl [-n] [-e] [-q] -w variable=value ... 
        sysctl [-n] [-e] -a 
        sysctl [-n] [-e] [-q] -p <file>   (default /etc/sysctl.conf) 
        sysctl [-n] [-e] -A
`;

interface Mode {
	old: boolean;
	printName: boolean;
	newline: boolean;
	namesOnly: boolean;
	ignore: boolean;
	quiet: boolean;
	pattern?: RegExp;
}

/** `net/ipv4/ip_forward` or `net.ipv4.ip_forward` → dotted key. */
function dotted(name: string): string {
	const first = name.search(/[./]/);
	if (first < 0) return name;
	// procps swaps '.' and '/' when the name uses slashes as separators.
	return name[first] === '/' ? name.replace(/[./]/g, (c) => (c === '/' ? '.' : '/')) : name;
}

function keysUnder(host: Host, prefix: string): string[] {
	return [...host.sysctl.keys()].filter((k) => k.startsWith(prefix + '.')).sort();
}

/** What writing a value does: numeric keys reject text as the kernel's proc_dointvec does. */
function accepts(host: Host, key: string, value: string): boolean {
	const current = host.sysctl.get(key) ?? '';
	if (/^-?\d+(\s+-?\d+)*$/.test(current.trim())) return /^\s*-?\d+(\s+-?\d+)*\s*$/.test(value);
	return true;
}

class Sysctl {
	status = 0;

	constructor(
		readonly ctx: CommandContext,
		readonly mode: Mode,
	) {}

	get host(): Host {
		return this.ctx.host;
	}

	private fail(modern: string, old: string): void {
		this.ctx.err(this.mode.old ? old : `sysctl: ${modern}`);
		this.status = this.mode.old ? 255 : 1;
	}

	private show(key: string, value: string): void {
		if (this.mode.namesOnly) this.ctx.out(`${key}\n`);
		else if (this.mode.printName) this.ctx.out(`${key} = ${value}\n`);
		else this.ctx.out(this.mode.newline ? `${value}\n` : value);
	}

	read(name: string): void {
		const key = dotted(name);
		const value = this.host.sysctl.get(key);
		if (value !== undefined) {
			this.show(key, value);
			return;
		}
		const under = keysUnder(this.host, key);
		if (under.length > 0 && key !== '') {
			for (const k of under) this.show(k, this.host.sysctl.get(k)!);
			return;
		}
		if (this.mode.ignore) return;
		this.fail(`cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`, `error: "${key}" is an unknown key\n`);
	}

	write(setting: string, where = 'command line(0)'): void {
		const eq = setting.indexOf('=');
		if (eq < 0) {
			this.fail(`${where}: invalid syntax, continuing...\n`, `error: "${setting}" must be of the form name=value\n`);
			return;
		}
		const key = dotted(setting.slice(0, eq).trim());
		const value = setting.slice(eq + 1).trim();
		if (key === '' || value === '') {
			this.fail(`${where}: invalid syntax, continuing...\n`, `error: Malformed setting "${setting}"\n`);
			return;
		}
		if (!this.host.sysctl.has(key)) {
			if (this.mode.ignore) return;
			this.fail(`cannot stat /proc/sys/${key.replace(/\./g, '/')}: No such file or directory\n`, `error: "${key}" is an unknown key\n`);
			return;
		}
		if (!accepts(this.host, key, value)) {
			this.fail(`setting key "${key}": Invalid argument\n`, `error: "Invalid argument" setting key "${key}"\n`);
			return;
		}
		this.host.sysctl.set(key, value);
		if (!this.mode.quiet) this.show(key, value);
	}

	all(): void {
		for (const k of [...this.host.sysctl.keys()].sort()) {
			if (this.mode.pattern && !this.mode.pattern.test(k)) continue;
			this.show(k, this.host.sysctl.get(k)!);
		}
	}

	/** sysctl -p FILE: `name = value` lines, `#`/`;` comments, blanks; `-name` ignores errors (procps 4). */
	load(file: string): void {
		const path = this.ctx.resolve(file);
		const text = file === '-' ? this.ctx.stdin : this.host.fs.tryRead(path);
		if (text === undefined) {
			this.fail(`cannot open "${file}": No such file or directory\n`, `error: unable to open preload file "${file}"\n`);
			return;
		}
		text.split('\n').forEach((raw, i) => {
			if (i === text.split('\n').length - 1 && raw === '') return;
			let line = raw.trim();
			if (line === '' || line.startsWith('#') || line.startsWith(';')) return;
			if (this.mode.old && line.length < 2) return;
			let ignore = false;
			if (!this.mode.old && line.startsWith('-')) {
				ignore = true;
				line = line.slice(1);
			}
			const eq = line.indexOf('=');
			const name = eq < 0 ? '' : line.slice(0, eq).trim();
			const value = eq < 0 ? '' : line.slice(eq + 1).trim();
			if (name === '' || value === '') {
				this.fail(`${file}(${i + 1}): invalid syntax, continuing...\n`, `warning: ${file}(${i + 1}): invalid syntax, continuing...\n`);
				return;
			}
			const saved = this.mode.ignore;
			if (ignore) this.mode.ignore = true;
			this.write(`${name}=${value}`, `${file}(${i + 1})`);
			this.mode.ignore = saved;
		});
	}
}

/** procps sysctl: KEY, -n, -N, -e, -q, -w KEY=VALUE, KEY=VALUE, -a, -p [FILE]; Sarge-era messages on old kernels. */
export const sysctl: CommandSpec = {
	name: 'sysctl',
	paths: ['/sbin/sysctl'],
	group: 'network',
	summary: {en: 'read or set kernel parameters: sysctl -p, sysctl -w net.ipv4.ip_forward=1', es: 'lee o fija parámetros del kernel: sysctl -p, sysctl -w net.ipv4.ip_forward=1'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const mode: Mode = {old, printName: true, newline: true, namesOnly: false, ignore: false, quiet: false};
		const s = new Sysctl(ctx, mode);
		const args = ctx.argv.slice(1);
		if (args.length === 0) {
			if (old) {
				ctx.out(OLD_USAGE);
				return 255;
			}
			ctx.err(MODERN_USAGE);
			return 1;
		}
		let write = false;
		let switches = true;
		let preload: string | undefined;
		let doAll = false;
		const operands: string[] = [];
		for (let i = 0; i < args.length; i++) {
			const a = args[i]!;
			if (switches && a.startsWith('-') && a.length > 1) {
				if (a === '--help' || a === '-h' || a === '-d') {
					if (old) ctx.out(OLD_USAGE);
					else ctx.out(MODERN_USAGE);
					return old ? 255 : 0;
				}
				if (a === '--version' || a === '-V') {
					ctx.out(old ? 'sysctl (procps version 3.2.1)\n' : 'sysctl from procps-ng 4.0.2\n');
					return 0;
				}
				const longs: Record<string, string> = {'--all': 'a', '--binary': 'b', '--ignore': 'e', '--names': 'N', '--values': 'n', '--load': 'p', '--quiet': 'q', '--write': 'w', '--system': 'S'};
				let letters: string;
				if (a.startsWith('--')) {
					const [name, value] = a.split('=');
					const l = longs[name!];
					if (!l || old) {
						if (old) ctx.err(`error: Unknown parameter "${a}"\n`);
						else ctx.err(`sysctl: unrecognized option '${a}'\n${MODERN_USAGE}`);
						if (old) ctx.out(OLD_USAGE);
						return old ? 255 : 1;
					}
					if (l === 'p' && value !== undefined) preload = value;
					letters = l;
				} else letters = a.slice(1);
				if (old && letters.length > 1) {
					ctx.err(`error: Unknown parameter "${a}"\n`);
					ctx.out(OLD_USAGE);
					return 255;
				}
				for (let j = 0; j < letters.length; j++) {
					const c = letters[j]!;
					if (c === 'n') mode.printName = false;
					else if (c === 'b') {
						mode.printName = false;
						mode.newline = false;
					} else if (c === 'e') mode.ignore = true;
					else if (c === 'N') mode.namesOnly = true;
					else if (c === 'q') mode.quiet = true;
					else if (c === 'w') {
						write = true;
						if (old) switches = false;
					} else if (c === 'a' || c === 'A' || c === 'X') doAll = true;
					else if (c === 'o' || c === 'x') continue;
					else if (c === 'p' || c === 'f') {
						const rest = letters.slice(j + 1);
						if (rest) preload = rest;
						else if (old && args[i + 1] !== undefined) preload = args[++i]!;
						else preload ??= old ? '/etc/sysctl.conf' : '';
						break;
					} else if (c === 'r' && !old) {
						const v = letters.slice(j + 1) || args[++i];
						if (v === undefined) {
							ctx.err(`sysctl: option requires an argument -- 'r'\n${MODERN_USAGE}`);
							return 1;
						}
						try {
							mode.pattern = new RegExp(v);
						} catch {
							ctx.err(`sysctl: unable to parse pattern: ${v}\n`);
							return 1;
						}
						break;
					} else {
						if (old) {
							ctx.err(`error: Unknown parameter "${a}"\n`);
							ctx.out(OLD_USAGE);
							return 255;
						}
						ctx.err(`sysctl: invalid option -- '${c}'\n${MODERN_USAGE}`);
						return 1;
					}
				}
				if (old && preload !== undefined) {
					s.load(preload);
					return s.status;
				}
				if (old && doAll) {
					s.all();
					return s.status;
				}
				continue;
			}
			if (old) switches = false;
			operands.push(a);
		}
		if (preload !== undefined) {
			// procps 4: -p takes its file from the next operand, or loads /etc/sysctl.conf.
			const files = preload !== '' ? [preload, ...operands] : operands.length ? operands : ['/etc/sysctl.conf'];
			for (const f of files) s.load(f);
			return s.status;
		}
		if (doAll) {
			s.all();
			return s.status;
		}
		if (operands.length === 0) {
			if (old) return 0;
			ctx.err(`sysctl: no variables specified\n${MODERN_USAGE}`);
			return 1;
		}
		for (const op of operands) {
			if (write || op.includes('=')) s.write(op);
			else s.read(op);
			if (old && s.status !== 0 && operands.length > 1) continue;
		}
		return s.status;
	},
};
