import type {CommandSpec} from './context';
import {CommandRegistry} from './registry';
import {cat} from './files/cat';
import {ipvsadm, ipvsadmRestore, ipvsadmSave} from './ipvsadm';
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
import {ssh} from './shell/ssh';

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
	// files
	cat,
	// lvs
	ipvsadm,
	ipvsadmSave,
	ipvsadmRestore,
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
