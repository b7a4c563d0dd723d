import {userlandEra} from '../../sim/net/userland-era';
import type {CommandSpec} from '../context';

/** Packages every lab host has installed, with bookworm's versions. */
const MODERN: Record<string, string> = {
	iproute2: '6.1.0-3',
	'net-tools': '2.10-0.1+deb12u2',
	procps: '2:4.0.2-3',
	ifupdown: '0.8.41',
	kmod: '30+20221128-1',
	coreutils: '9.1-1',
	grep: '3.8-5',
	sed: '4.9-1',
	bash: '5.2.15-2+b7',
	'openssh-server': '1:9.2p1-2+deb12u3',
	'openssh-client': '1:9.2p1-2+deb12u3',
	apache2: '2.4.62-1~deb12u2',
	ipvsadm: '1:1.31-1+b1',
	heartbeat: '1:3.0.6-13',
	ldirectord: '1:4.12.0-2',
	curl: '7.88.1-10+deb12u8',
	'apache2-utils': '2.4.62-1~deb12u2',
};

/** Packages on the thesis' Sarge hosts (apt 0.5 printed no versions here). */
const SARGE = new Set(['iproute', 'net-tools', 'procps', 'ifupdown', 'module-init-tools', 'coreutils', 'grep', 'sed', 'bash', 'ssh', 'apache2', 'ipvsadm', 'heartbeat', 'heartbeat-2', 'ldirectord', 'ultramonkey', 'libmail-pop3client-perl', 'apache2-utils', 'wget']);

/** Names that only exist as another package in bookworm. */
const MODERN_ALIASES: Record<string, string> = {iproute: 'iproute2', ssh: 'openssh-server', 'module-init-tools': 'kmod'};

/** apt-get install/update/upgrade: the lab's packages are installed already; unknown ones fail as apt does. */
export const aptGet: CommandSpec = {
	name: 'apt-get',
	paths: ['/usr/bin/apt-get'],
	group: 'system',
	summary: {en: 'install packages (the lab has them installed already)', es: 'instala paquetes (el laboratorio ya los tiene instalados)'},
	run(ctx) {
		const old = userlandEra(ctx.host.kernel) === 'sarge';
		const args = ctx.argv.slice(1).filter((a) => !/^-(y|q+|-yes|-assume-yes|-quiet|-force-yes|-no-install-recommends)$/.test(a));
		const bad = args.find((a) => a.startsWith('-'));
		if (bad) {
			ctx.err(`E: Command line option '${bad.replace(/^-+/, '').slice(0, 1)}' [from ${bad}] is not understood in combination with the other options.\n`.replace(/ \[from .*?\] is not understood in combination with the other options/, old ? ' is not known' : ` [from ${bad}] is not understood in combination with the other options`));
			return 100;
		}
		const [op, ...pkgs] = args;
		const header = old ? 'Reading Package Lists... Done\nBuilding Dependency Tree... Done\n' : 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\n';
		const summary = '0 upgraded, 0 newly installed, 0 to remove and 0 not upgraded.\n';
		if (op === undefined) {
			ctx.out(old ? 'apt 0.5.28.6 for linux i386 compiled on Apr 24 2005 13:49:31\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n' : 'apt 2.6.1 (amd64)\nUsage: apt-get [options] command\n       apt-get [options] install|remove pkg1 [pkg2 ...]\n       apt-get [options] source pkg1 [pkg2 ...]\n');
			return old ? 100 : 1;
		}
		if (op === 'update') {
			ctx.out(old ? 'Reading Package Lists... Done\n' : 'Reading package lists... Done\n');
			return 0;
		}
		if (op === 'upgrade' || op === 'dist-upgrade') {
			ctx.out(old ? 'Reading Package Lists... Done\nBuilding Dependency Tree... Done\n' + summary : 'Reading package lists... Done\nBuilding dependency tree... Done\nReading state information... Done\nCalculating upgrade... Done\n' + summary);
			return 0;
		}
		if (op !== 'install') {
			ctx.err(`E: Invalid operation ${op}\n`);
			return 100;
		}
		ctx.out(header);
		let text = '';
		for (const raw of pkgs) {
			const pkg = raw.replace(/=.*$/, '');
			if (old) {
				if (!SARGE.has(pkg)) {
					ctx.err(`E: Couldn't find package ${pkg}\n`);
					return 100;
				}
				text += `${pkg} is already the newest version.\n`;
				continue;
			}
			const real = MODERN_ALIASES[pkg] ?? pkg;
			const version = MODERN[real];
			if (version === undefined) {
				ctx.err(`E: Unable to locate package ${pkg}\n`);
				return 100;
			}
			if (real !== pkg) text += `Note, selecting '${real}' instead of '${pkg}'\n`;
			text += `${real} is already the newest version (${version}).\n`;
		}
		ctx.out(text + summary);
		return 0;
	},
};
