/** How ipvsadm's C code leaves early (exit(N) deep inside a helper), and where it writes. */

/** Thrown to end the whole ipvsadm run with a status, as C's exit() does. */
export class IpvsadmExit {
	constructor(readonly status: number) {}
}

/** Standard output and error of one ipvsadm run. */
export interface Io {
	out(text: string): void;
	err(text: string): void;
}

/** fail(): the message and a newline on stderr, then exit. */
export function fail(io: Io, status: number, message: string): never {
	io.err(message + '\n');
	throw new IpvsadmExit(status);
}
