import type {Host} from '../sim/host';

/** One level of `ssh`: the host and the working directory there. */
export interface Login {
	readonly host: Host;
	cwd: string;
	/** The host is going down in an orderly way (reboot, shutdown): sshd closes the connection instead of it dying. */
	closing?: boolean;
}

/** A background job started with `&`. */
export interface Job {
	readonly id: number;
	readonly pid: number;
	readonly host: string;
	readonly text: string;
}

/** The state of one shell: where it is logged in, history, variables, jobs. */
export class Session {
	readonly logins: Login[];
	readonly history: string[] = [];
	readonly vars = new Map<string, string>();
	readonly jobs: Job[] = [];
	lastStatus = 0;
	private nextJob = 1;

	constructor(start: Host) {
		this.logins = [{host: start, cwd: '/root'}];
		this.vars.set('HOME', '/root');
		this.vars.set('USER', 'root');
		this.vars.set('SHELL', '/bin/bash');
		this.vars.set('PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin');
	}

	get current(): Login {
		return this.logins[this.logins.length - 1]!;
	}

	get host(): Host {
		return this.current.host;
	}

	/** Bash's prompt: `root@lvs1:~# `. */
	prompt(): string {
		const cwd = this.current.cwd;
		const shown = cwd === '/root' ? '~' : cwd.startsWith('/root/') ? '~' + cwd.slice(5) : cwd;
		return `root@${this.host.name}:${shown}# `;
	}

	addJob(pid: number, host: string, text: string): Job {
		if (this.jobs.length === 0) this.nextJob = 1;
		const job = {id: this.nextJob++, pid, host, text};
		this.jobs.push(job);
		return job;
	}

	removeJob(id: number): void {
		const i = this.jobs.findIndex((j) => j.id === id);
		if (i >= 0) this.jobs.splice(i, 1);
	}
}
