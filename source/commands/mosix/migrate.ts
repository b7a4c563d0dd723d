import {cpuOf} from '../../sim/cpu/scheduler';
import {requestMigration} from '../../sim/mosix/requests';
import type {CommandSpec} from '../context';
import {mosixToolsInstalled, requireMosix} from './common';

const USAGE = 'Usage: migrate pid {openMosix_ID|home|balance}\n';

const STRERROR = {EINVAL: 'Invalid argument', EPERM: 'Operation not permitted', ESRCH: 'No such process'} as const;

/** migrate PID {ID|home|balance}: asks the kernel to move a process. */
export const migrateCommand: CommandSpec = {
	name: 'migrate',
	paths: ['/usr/bin/migrate', '/bin/migrate'],
	group: 'mosix',
	summary: {en: 'move a process: migrate PID NODE, migrate PID home, migrate PID balance', es: 'mueve un proceso: migrate PID NODO, migrate PID home, migrate PID balance'},
	installed: mosixToolsInstalled,
	run(ctx) {
		const [pidArg, whereArg, extra] = ctx.argv.slice(1);
		if (pidArg === undefined || whereArg === undefined || extra !== undefined || !/^\d+$/.test(pidArg) || !/^(\d+|home|balance)$/.test(whereArg)) {
			ctx.err(USAGE);
			return 1;
		}
		const m = requireMosix(ctx, 'migrate');
		if (!m) return 1;
		const task = cpuOf(ctx.world, ctx.host).homed.get(Number(pidArg));
		if (!task) {
			ctx.err(`migrate: ${STRERROR.ESRCH}\n`);
			return 1;
		}
		const where = whereArg === 'home' || whereArg === 'balance' ? whereArg : Number(whereArg);
		const error = requestMigration(m.cluster, m.node, task, where);
		if (error) {
			ctx.err(`migrate: ${STRERROR[error.errno]}\n`);
			return 1;
		}
		return 0;
	},
};
