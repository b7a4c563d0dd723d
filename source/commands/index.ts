import type {CommandSpec} from './context';
import {CommandRegistry} from './registry';
import {cat} from './files/cat';
import {nano, vi, vim} from './files/editors';
import {CLOCK_COMMANDS} from './lab/clock';
import {quit} from './lab/quit';
import {hbStandby, hbTakeover, heartbeatInit, ipvsadmInitScript} from './ha/heartbeat';
import {ldirectord} from './ha/ldirectord';
import {ipaddr, ipaddr2, lvsSyncDaemonSwap} from './ha/resource-scripts';
import {events} from './lab/events';
import {ipvsadm, ipvsadmRestore, ipvsadmSave} from './ipvsadm';
import {withEraWording} from './files/era-messages';
import {chmod, chown, cp, mkdir, mv, rm, rmdir, touch} from './files/file-ops';
import {egrep, grep} from './files/grep';
import {head, tail} from './files/head-tail';
import {ls} from './files/ls';
import {sed} from './files/sed';
import {stat} from './files/stat';
import {cut, sort, tee, tr, uniq, wc} from './files/text-tools';
import {arp} from './network/arp';
import {ifconfig} from './network/ifconfig';
import {ifdown, ifup, networkingInit} from './network/ifupdown';
import {ip} from './network/ip/ip';
import {route} from './network/route';
import {sysctl} from './network/sysctl';
import {printf} from './shell/printf';
import {aptGet} from './system/apt-get';
import {lsmod, modprobe, rmmod} from './system/modules';
import {df, dmesg, free, uptime} from './system/status';
import {updateRcD} from './system/update-rc-d';
import {halt, reboot, shutdown} from './system/shutdown';
import {bracket, test} from './shell/test';
import {env, exportCmd, unset} from './shell/variables';
import {type, which} from './shell/which';
import {omdiscd, showmap} from './mosix/discovery';
import {httpdInit, openmosixInit} from './mosix/init-scripts';
import {migrateCommand} from './mosix/migrate';
import {mosctl} from './mosix/mosctl';
import {mosmon} from './mosix/mosmon/mosmon';
import {MOSRUN_WRAPPERS, mosrun} from './mosix/mosrun';
import {mps} from './mosix/mps';
import {mtop} from './mosix/mtop/mtop';
import {omview} from './mosix/omview';
import {setpe} from './mosix/setpe';
import {awk} from './process/awk';
import {fib} from './process/fib';
import {filereader} from './process/filereader';
import {jobs, wait} from './process/jobs';
import {kill} from './process/kill';
import {ps} from './process/ps';
import {time} from './process/time';
import {cd, pwd} from './shell/cd';
import {echo} from './shell/echo';
import {help} from './shell/help';
import {clear, history} from './shell/history';
import {date, exit, falseCmd, hostname, logout, trueCmd, uname} from './shell/session';
import {sleep} from './shell/sleep';
import {breakCmd, colon, continueCmd} from './shell/loop-control';
import {read} from './shell/read';
import {letCmd} from './shell/let';
import {local, returnCmd, shift} from './shell/functions';
import {KEYWORDS} from './shell/keywords';
import {seq} from './shell/seq';
import {ssh} from './shell/ssh';
import {curl} from './traffic/curl';
import {ab} from './traffic/ab';
import {load} from './traffic/load';
import {ping} from './traffic/ping';
import {apache2} from './traffic/apache2';
import {boot, plug, poweroff, unplug} from './lab/faults';
import {explain} from './lab/explain';

/** Every command the lab shell knows. Each feature folder contributes its list. */
export const COMMANDS: readonly CommandSpec[] = [
	// shell
	echo,
	sleep,
	ssh,
	exit,
	logout,
	hostname,
	uname,
	date,
	trueCmd,
	falseCmd,
	help,
	history,
	clear,
	cd,
	pwd,
	printf,
	test,
	bracket,
	env,
	exportCmd,
	unset,
	which,
	type,
	...KEYWORDS,
	breakCmd,
	continueCmd,
	local,
	returnCmd,
	shift,
	colon,
	read,
	letCmd,
	withEraWording(seq),
	// files
	vi,
	vim,
	nano,
	// lab
	...CLOCK_COMMANDS,
	quit,
	// ha
	heartbeatInit,
	hbStandby,
	hbTakeover,
	ipvsadmInitScript,
	ldirectord,
	ipaddr2,
	ipaddr,
	lvsSyncDaemonSwap,
	// lab
	events,
	// lvs
	ipvsadm,
	ipvsadmSave,
	ipvsadmRestore,
	withEraWording(cat),
	withEraWording(ls),
	withEraWording(grep),
	withEraWording(egrep),
	withEraWording(sed),
	withEraWording(head),
	withEraWording(tail),
	withEraWording(wc),
	withEraWording(sort),
	withEraWording(uniq),
	withEraWording(cut),
	withEraWording(tr),
	withEraWording(tee),
	withEraWording(touch),
	withEraWording(mkdir),
	withEraWording(rmdir),
	withEraWording(rm),
	withEraWording(cp),
	withEraWording(mv),
	withEraWording(chmod),
	withEraWording(chown),
	withEraWording(stat),
	// network
	ip,
	ifconfig,
	route,
	arp,
	sysctl,
	ifup,
	ifdown,
	networkingInit,
	// system
	modprobe,
	lsmod,
	rmmod,
	aptGet,
	updateRcD,
	uptime,
	free,
	df,
	dmesg,
	reboot,
	halt,
	shutdown,
	// traffic
	curl,
	ab,
	load,
	ping,
	apache2,
	// lab
	unplug,
	plug,
	poweroff,
	boot,
	explain,
	// processes
	ps,
	kill,
	jobs,
	wait,
	time,
	fib,
	awk,
	filereader,
	// openMosix
	mosmon,
	mosctl,
	migrateCommand,
	mosrun,
	...MOSRUN_WRAPPERS,
	setpe,
	openmosixInit,
	httpdInit,
	omdiscd,
	showmap,
	mps,
	mtop,
	omview,
];

export function createRegistry(): CommandRegistry {
	return new CommandRegistry(COMMANDS);
}
