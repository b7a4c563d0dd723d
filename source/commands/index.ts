import type {CommandSpec} from './context';
import {CommandRegistry} from './registry';
import {cat} from './files/cat';
import {cd, pwd} from './shell/cd';
import {echo} from './shell/echo';
import {help} from './shell/help';
import {clear, history} from './shell/history';
import {date, exit, falseCmd, hostname, logout, trueCmd, uname} from './shell/session';
import {sleep} from './shell/sleep';
import {ssh} from './shell/ssh';
import {curl} from './traffic/curl';
import {ab} from './traffic/ab';
import {load} from './traffic/load';
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
	// files
	cat,
	// traffic
	curl,
	ab,
	load,
	apache2,
	// lab
	unplug,
	plug,
	poweroff,
	boot,
	explain,
];

export function createRegistry(): CommandRegistry {
	return new CommandRegistry(COMMANDS);
}
