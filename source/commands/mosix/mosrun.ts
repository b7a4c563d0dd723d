import type {LaunchOptions} from '../../sim/mosix/cluster';
import type {CommandContext, CommandSpec} from '../context';
import {shellQuote} from '../process/time';
import {mosixToolsInstalled, requireMosix} from './common';

const USAGE = `Usage: mosrun [-{h|openMosix_ID|jID1-ID2[,ID3-ID4]...} [-F]] [-{l|L|k}]
              [-{c|i|n|s|f|[-t tt] [-d dec]}] [-{e|E}] [-{r|R}] [-z] command [arg...]
`;

interface Parsed {
	where?: number | 'home' | number[];
	force: boolean;
	lock?: 'l' | 'L' | 'k';
	hint?: 'cpu' | 'io';
	/** A decay or job-class option was given (-c -i -n -s -f -t -d): it decides the default lock. */
	decayGiven: boolean;
	command: string[];
}

/** Expands `-j1-3,7` into node numbers. */
function nodeList(spec: string): number[] | undefined {
	const out: number[] = [];
	for (const part of spec.split(',')) {
		const m = /^(\d+)(?:-(\d+))?$/.exec(part);
		if (!m) return undefined;
		const a = Number(m[1]);
		const b = m[2] === undefined ? a : Number(m[2]);
		if (b < a || b - a > 65535) return undefined;
		for (let i = a; i <= b; i++) out.push(i);
	}
	return out.length > 0 ? out : undefined;
}

function parse(args: readonly string[]): Parsed | undefined {
	const p: Parsed = {force: false, decayGiven: false, command: []};
	let i = 0;
	for (; i < args.length; i++) {
		const a = args[i]!;
		if (!a.startsWith('-') || a === '-') break;
		if (a === '--') {
			i++;
			break;
		}
		if (a === '-h') p.where = 'home';
		else if (/^-\d+$/.test(a)) p.where = Number(a.slice(1));
		else if (a.startsWith('-j')) {
			const list = nodeList(a.slice(2));
			if (!list) return undefined;
			p.where = list;
		} else if (a === '-F') p.force = true;
		else if (a === '-l' || a === '-L' || a === '-k') p.lock = a[1] as 'l' | 'L' | 'k';
		else if (a === '-c' || a === '-i') {
			p.hint = a === '-c' ? 'cpu' : 'io';
			p.decayGiven = true;
		} else if (a === '-n' || a === '-s' || a === '-f') {
			// Decay classes shape openMosix's per-process statistics; the lab's load model has none.
			p.decayGiven = true;
		} else if (a === '-t' || a === '-d') {
			if (!/^\d+$/.test(args[++i] ?? '')) return undefined;
			p.decayGiven = true;
		} else if (!['-e', '-E', '-r', '-R', '-z'].includes(a)) return undefined;
	}
	p.command = args.slice(i) as string[];
	return p.command.length > 0 ? p : undefined;
}

/** Runs `args` under mosrun's rules; `name` is the tool as typed (for messages). */
export function mosrunWith(ctx: CommandContext, name: string, args: readonly string[]): number {
	const p = parse(args);
	if (!p) {
		ctx.err(name === 'mosrun' ? USAGE : `Usage: ${name} ${WRAPPER_USAGE[name] ?? '[-z] command [arg...]'}\n`);
		return 1;
	}
	const m = requireMosix(ctx, name);
	if (!m) return 1;
	const {cluster, node} = m;
	let where: LaunchOptions['where'] = p.where === 'home' ? 'home' : undefined;
	const candidates = typeof p.where === 'number' ? [p.where] : Array.isArray(p.where) ? p.where : [];
	if (candidates.length > 0) {
		const pick = candidates.length === 1 ? candidates[0]! : candidates[cluster.rng.int(candidates.length)]!;
		const host = pick === node.myId ? ctx.host : cluster.hostById(node, pick);
		const up = pick === node.myId || (host !== undefined && cluster.infoOf(node, pick) !== undefined && !cluster.node(host)?.block);
		if (!up) {
			if (!p.force) {
				ctx.err(`${name}: openMosix node #${pick} is not available\n`);
				return 1;
			}
			where = undefined;
		} else where = pick;
	}
	// Locked unless told otherwise when a place or no decay option is given; else the shell's lock.
	const locked = p.lock === 'l' ? false : p.lock === 'L' ? true : p.lock === 'k' ? node.shellLock === 1 : p.where !== undefined || !p.decayGiven ? true : node.shellLock === 1;
	cluster.launches.set(ctx.host, {where, lock: locked, hint: p.hint});
	const jobs = ctx.session.jobs.length;
	try {
		return ctx.run(p.command.map(shellQuote).join(' ') + (ctx.background ? ' &' : ''));
	} finally {
		cluster.launches.delete(ctx.host);
		// The job the command became is known by the line typed (`mosrun -2 fib &`), as bash shows it.
		if (ctx.session.jobs.length > jobs) {
			const job = ctx.session.jobs.pop()!;
			ctx.session.jobs.push({...job, text: ctx.text});
		}
	}
}

const WRAPPER_USAGE: Readonly<Record<string, string>> = {
	nomig: '[-z] command [arg...]',
	runhome: '[-z] command [arg...]',
	runon: 'openMosix_ID [-z] command [arg...]',
	cpujob: '[-{h|openMosix_ID}] [-z] command [arg...]',
	iojob: '[-{h|openMosix_ID}] [-z] command [arg...]',
	nodecay: '[-{h|openMosix_ID}] [-z] command [arg...]',
	slowdecay: '[-{h|openMosix_ID}] [-z] command [arg...]',
	fastdecay: '[-{h|openMosix_ID}] [-z] command [arg...]',
};

export const mosrun: CommandSpec = {
	name: 'mosrun',
	paths: ['/bin/mosrun', '/usr/bin/mosrun'],
	group: 'mosix',
	summary: {en: 'run a command under openMosix rules: mosrun -2 CMD (start on node 2), -h (home), -l/-L (unlock/lock), -c (CPU job)', es: 'ejecuta un comando con reglas de openMosix: mosrun -2 CMD (en el nodo 2), -h (en casa), -l/-L (desbloquear/bloquear), -c (trabajo de CPU)'},
	installed: mosixToolsInstalled,
	run: (ctx) => mosrunWith(ctx, 'mosrun', ctx.argv.slice(1)),
};

/** The wrapper scripts of the openMosix tools: each is mosrun with fixed options. */
function wrapper(name: string, summary: {en: string; es: string}, expand: (args: string[]) => string[] | undefined): CommandSpec {
	return {
		name,
		paths: [`/bin/${name}`, `/usr/bin/${name}`],
		group: 'mosix',
		summary,
		installed: mosixToolsInstalled,
		run(ctx) {
			const args = expand(ctx.argv.slice(1));
			if (!args) {
				ctx.err(`Usage: ${name} ${WRAPPER_USAGE[name]}\n`);
				return 1;
			}
			return mosrunWith(ctx, name, args);
		},
	};
}

/** Placement options a wrapper passes through (-h or -ID), then its own flag. */
function withPlacement(flag: string): (args: string[]) => string[] | undefined {
	return (args) => {
		const place = args[0] === '-h' || /^-\d+$/.test(args[0] ?? '') ? [args.shift()!] : [];
		return args.length > 0 ? [...place, flag, ...args] : undefined;
	};
}

export const MOSRUN_WRAPPERS: readonly CommandSpec[] = [
	wrapper('nomig', {en: 'run a command that will not migrate (mosrun -L)', es: 'ejecuta un comando que no migrará (mosrun -L)'}, (a) => (a.length ? ['-L', ...a] : undefined)),
	wrapper('runhome', {en: 'run a command locked to the home node (mosrun -h)', es: 'ejecuta un comando fijo en el nodo raíz (mosrun -h)'}, (a) => (a.length ? ['-h', ...a] : undefined)),
	wrapper('runon', {en: 'runon NODE CMD: start on a node and stay there', es: 'runon NODO CMD: arranca en un nodo y se queda allí'}, (a) => (a.length >= 2 && /^\d+$/.test(a[0]!) ? [`-${a[0]}`, ...a.slice(1)] : undefined)),
	wrapper('cpujob', {en: 'run a command marked CPU-bound (mosrun -c)', es: 'ejecuta un comando marcado como de CPU (mosrun -c)'}, withPlacement('-c')),
	wrapper('iojob', {en: 'run a command marked I/O-bound (mosrun -i)', es: 'ejecuta un comando marcado como de E/S (mosrun -i)'}, withPlacement('-i')),
	wrapper('nodecay', {en: 'run a command whose statistics never decay (mosrun -n)', es: 'ejecuta un comando cuyas estadísticas no decaen (mosrun -n)'}, withPlacement('-n')),
	wrapper('slowdecay', {en: 'run a command whose statistics decay slowly (mosrun -s)', es: 'ejecuta un comando cuyas estadísticas decaen lentamente (mosrun -s)'}, withPlacement('-s')),
	wrapper('fastdecay', {en: 'run a command whose statistics decay fast (mosrun -f)', es: 'ejecuta un comando cuyas estadísticas decaen rápido (mosrun -f)'}, withPlacement('-f')),
];
