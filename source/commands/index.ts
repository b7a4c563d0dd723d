import type {CommandSpec} from './context';
import {CommandRegistry} from './registry';
import {cat} from './files/cat';
import {ipvsadm, ipvsadmRestore, ipvsadmSave} from './ipvsadm';
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
];

export function createRegistry(): CommandRegistry {
	return new CommandRegistry(COMMANDS);
}
