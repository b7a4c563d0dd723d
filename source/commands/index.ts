import type {CommandSpec} from './context';
import {CommandRegistry} from './registry';
import {cat} from './files/cat';
import {nano, vi, vim} from './files/editors';
import {CLOCK_COMMANDS} from './lab/clock';
import {quit} from './lab/quit';
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
	vi,
	vim,
	nano,
	// lab
	...CLOCK_COMMANDS,
	quit,
];

export function createRegistry(): CommandRegistry {
	return new CommandRegistry(COMMANDS);
}
