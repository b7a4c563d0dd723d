import type {Task} from '../cpu/task';

/** How the balancer should treat a process's statistics (mosrun -c/-i, cpujob/iojob). */
export type JobHint = 'cpu' | 'io' | undefined;

/** openMosix's per-process state: /proc/PID/{lock,nmigs,where}. */
export interface MosixProcess {
	/** Locked to its current node (auto-migration off); `mosrun -h/-N/-L`, /proc/PID/lock. */
	lock: boolean;
	nmigs: number;
	hint: JobHint;
	/** On its way between two nodes. */
	migrating: boolean;
	/** Balancing rounds in a row its home and node could not reach each other. */
	lostRounds: number;
}

const states = new WeakMap<Task, MosixProcess>();

export function mosixProcess(task: Task): MosixProcess {
	let s = states.get(task);
	if (!s) {
		s = {lock: false, nmigs: 0, hint: undefined, migrating: false, lostRounds: 0};
		states.set(task, s);
	}
	return s;
}

/**
 * Why openMosix cannot move this process (the text of /proc/PID/cantmove), or
 * '' when it can. 2.4 kernels kept processes that map SysV shared memory or
 * share their address space (threads) at home; MigShm lifts the first.
 */
export function cantMove(task: Task, migshm: boolean): string {
	if (task.threads > 1) return 'shared VM';
	if (task.shm && !migshm) return 'shared memory';
	return '';
}
