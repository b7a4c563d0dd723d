import {resolvePath} from '../fs/path';
import type {Host} from '../host';
import type {World} from '../world';
import {parseLdirectordConfig, type ConfigProblem, type LdirectordConfig} from './config';
import {daemonKey, LdirectordDaemon, pidFile, VERSION_STR} from './daemon';
import {ldLog} from './log';

export interface ToolResult {
	stdout: string;
	stderr: string;
	status: number;
}

export const LDIRECTORD_PATH = '/usr/sbin/ldirectord';

const COMMANDS = ['start', 'stop', 'status', 'restart', 'try-restart', 'reload', 'force-reload'];

/** pod2usage's rendering of the SYNOPSIS, printed for a bad command line (exit 255). */
export const USAGE = `Usage:
    ldirectord [-d|--debug] [--] [*configfile*] start | stop | restart |
    try-restart | reload | force-reload | status

    ldirectord [-h|-?|--help|-v|--version]

`;

const VERSION_TEXT = `${VERSION_STR}
1999-2006 Jacob Rief, Horms and others
<http://www.vergenet.net/linux/ldirectord/>

ldirectord comes with ABSOLUTELY NO WARRANTY.
This is free software, and you are welcome to redistribute it
under certain conditions. See the GNU General Public Licence for details.
`;

export function problemText(kind: 'Error' | 'Warning', pid: number, config: string, p: ConfigProblem): string {
	return `${kind} [${pid}] ${p.line > 0 ? `reading file ${config} at line ${p.line}` : ''}`.replace(/ $/, '') + `: ${p.message.replace(/\n$/, '')}\n`;
}

/** The running daemon for a configuration name, if its pid file points at a live ldirectord. */
export function runningDaemon(host: Host, cfgname: string): LdirectordDaemon | undefined {
	const d = host.daemon<LdirectordDaemon>(daemonKey(cfgname));
	return d?.running ? d : undefined;
}

/**
 * `/usr/sbin/ldirectord [-d] [--] [configfile] start|stop|restart|try-restart|reload|force-reload|status`
 * with ldirectord's outputs, log lines and exit codes. Each invocation is a
 * short-lived process with its own pid; `start` leaves a daemon behind.
 */
export function runLdirectord(world: World, host: Host, argv: readonly string[], cwd = '/'): ToolResult {
	const out: ToolResult = {stdout: '', stderr: '', status: 0};
	const args: string[] = [];
	let version = false;
	let help = false;
	let i = 0;
	for (; i < argv.length; i++) {
		const a = argv[i]!;
		if (a === '--') {
			i++;
			break;
		}
		if (!a.startsWith('-') || a === '-') break;
		if (a === '--debug' || a === '--help' || a === '--version') {
			if (a === '--help') help = true;
			if (a === '--version') version = true;
			continue;
		}
		if (a.startsWith('--')) {
			out.stderr += `Unknown option: ${a.slice(2)}\n`;
			return usage(out);
		}
		for (const ch of a.slice(1)) {
			if (ch === 'd') continue;
			if (ch === 'h' || ch === '?') help = true;
			else if (ch === 'v') version = true;
			else {
				out.stderr += `Unknown option: ${ch}\n`;
				return usage(out);
			}
		}
	}
	args.push(...argv.slice(i));
	if (help) {
		out.stdout = USAGE;
		return out;
	}
	if (version) {
		out.stdout = VERSION_TEXT;
		return out;
	}
	if (args.length === 0) return usage(out);
	let config: string;
	let cfgname: string;
	let cmd: string;
	if (args.length >= 2) {
		config = args[0]!;
		cfgname = /([^/]+)$/.exec(config)?.[1] ?? config;
		cmd = args[1]!;
	} else {
		config = 'ldirectord.cf';
		cfgname = 'ldirectord';
		cmd = args[0]!;
	}
	if (!COMMANDS.includes(cmd)) return usage(out);

	const self = host.processes.spawn({user: 'root', command: `/usr/bin/perl -w ${LDIRECTORD_PATH} ${args.join(' ')}`, started: world.now});
	const pid = self.pid;
	let logTarget = '/var/log/ldirectord.log';
	const log = (message: string) => ldLog(world, host, logTarget, cfgname, pid, message);
	const exit = (status: number, message: string): ToolResult => {
		if (status !== 0) log(`Exiting with exit_status ${status}: ${message}`);
		host.processes.reap(pid);
		out.status = status;
		return out;
	};

	const isFile = (p: string) => host.fs.stat(p)?.kind === 'file';
	if (isFile(`/etc/ha.d/${config}`)) config = `/etc/ha.d/${config}`;
	else if (isFile(`/etc/ha.d/conf/${config}`)) config = `/etc/ha.d/conf/${config}`;
	else if (!isFile(resolvePath(cwd, config))) {
		const shown = config.startsWith('/') ? config : `/etc/ha.d/${config}`;
		log(`Config file ${shown} not found`);
		out.stderr += `Config file ${shown} not found\n`;
		return exit(1, 'Initialisation Error');
	} else config = resolvePath(cwd, config);

	const parsed = parseLdirectordConfig(host.fs.read(config), host);
	for (const w of parsed.warnings) out.stderr += problemText('Warning', pid, config, w);
	if (!parsed.ok) {
		out.stderr += problemText('Error', pid, config, parsed.error);
		return exit(2, 'config_error: Configuration Error');
	}
	const cfg: LdirectordConfig = parsed.config;
	logTarget = cfg.logfile;
	log(`Invoking ldirectord invoked as: ${LDIRECTORD_PATH} ${args.join(' ')} `);

	const pidPath = pidFile(cfgname);
	const filePid = host.fs.tryRead(pidPath)?.trim();
	const daemon = runningDaemon(host, cfgname);
	const oldpid = daemon && filePid === String(daemon.pid) ? daemon : undefined;

	if (oldpid) {
		if (cmd === 'start') return exit(0, `Exiting from ldirectord ${cmd}`);
		if (cmd === 'stop') {
			oldpid.terminate('TERM');
			return exit(0, `Exiting from ldirectord ${cmd}`);
		}
		if (cmd === 'reload' || cmd === 'force-reload') {
			oldpid.hangup();
			return exit(0, `Exiting from ldirectord ${cmd}`);
		}
		if (cmd === 'status') {
			out.stderr += `ldirectord for ${config} is running with pid: ${oldpid.pid}\n`;
			log(`ldirectord for ${config} is running with pid: ${oldpid.pid}`);
			log(`Exiting from ldirectord ${cmd}`);
			return exit(0, `Exiting from ldirectord ${cmd}`);
		}
		// restart / try-restart: stop the old one, then fall through to start.
		oldpid.terminate('TERM');
	} else {
		if (cmd === 'stop' || cmd === 'try-restart') return exit(0, `Exiting from ldirectord ${cmd}`);
		if (cmd === 'status') {
			let status = 3;
			if (filePid !== undefined) {
				out.stderr += `ldirectord stale pid file ${pidPath} for ${config}\n`;
				log(`ldirectord stale pid file ${pidPath} for ${config}`);
				status = 1;
			}
			out.stdout += `ldirectord is stopped for ${config}\n`;
			return exit(status, `Exiting from ldirectord ${cmd}`);
		}
		if (cmd === 'reload' || cmd === 'force-reload') {
			log(`ldirectord is stopped for ${config}`);
			return exit(1, `Exiting from ldirectord ${cmd}`);
		}
	}

	// Start as a daemon: log, fork twice, write the pid file, run.
	log(`Starting ${VERSION_STR} as daemon`);
	const middle = host.processes.spawn({user: 'root', command: self.command, started: world.now});
	host.processes.reap(middle.pid);
	const proc = host.processes.spawn({user: 'root', command: `/usr/bin/perl -w ${LDIRECTORD_PATH} ${args.join(' ')}`, started: world.now});
	const d = new LdirectordDaemon(world, host, config, cfgname, cfg, proc.pid);
	d.reparse = (text) => parseLdirectordConfig(text, host);
	proc.onSignal = (signal) => {
		if (signal === 1) d.hangup();
		else if (signal === 9) d.killed();
		else d.terminate(signal === 2 ? 'INT' : 'TERM');
		return signal !== 1;
	};
	try {
		host.fs.put(pidPath, `${proc.pid}\n`);
	} catch {
		// /var/run missing: ldirectord would fail to open it.
		out.stderr += `Can not open ${pidPath}\n`;
		host.processes.reap(proc.pid);
		return exit(1, 'Initialisation Error');
	}
	host.daemons.set(d.name, d);
	d.start();
	host.processes.reap(pid);
	return out;
}

function usage(out: ToolResult): ToolResult {
	out.stdout += USAGE;
	out.status = 255;
	return out;
}
