import type {FileSystem} from '../../sim/fs/filesystem';
import {inetPton4} from './libc';

export type ServiceProtocol = 'tcp' | 'udp' | 'sctp';

interface HostLine {
	ip: number;
	names: string[];
}

interface ServiceLine {
	names: string[];
	port: number;
	protocol: string;
}

/**
 * Name lookups the way glibc answers them on a lab host: /etc/hosts only (the lab
 * has no DNS server), and /etc/services for port names. The first matching line wins.
 */
export class Netdb {
	private hostLines?: HostLine[];
	private serviceLines?: ServiceLine[];

	constructor(private readonly fs: FileSystem) {}

	/** gethostbyname() for IPv4: a name or alias from /etc/hosts, case-insensitively. */
	hostByName(name: string): number | undefined {
		const wanted = name.toLowerCase();
		return this.hosts().find((h) => h.names.some((n) => n.toLowerCase() === wanted))?.ip;
	}

	/** gethostbyaddr(): the canonical name of the first /etc/hosts line with that address. */
	hostByAddr(ip: number): string | undefined {
		return this.hosts().find((h) => h.ip === ip)?.names[0];
	}

	/** getservbyname(name, proto). */
	serviceByName(name: string, protocol: ServiceProtocol): number | undefined {
		return this.services().find((s) => s.protocol === protocol && s.names.includes(name))?.port;
	}

	/** getservbyport(port, proto): the official name. */
	serviceByPort(port: number, protocol: ServiceProtocol): string | undefined {
		return this.services().find((s) => s.protocol === protocol && s.port === port)?.names[0];
	}

	private hosts(): HostLine[] {
		if (!this.hostLines) {
			this.hostLines = [];
			for (const fields of lines(this.fs.tryRead('/etc/hosts'))) {
				const ip = inetPton4(fields[0]!);
				if (ip !== undefined && fields.length > 1) this.hostLines.push({ip, names: fields.slice(1)});
			}
		}
		return this.hostLines;
	}

	private services(): ServiceLine[] {
		if (!this.serviceLines) {
			this.serviceLines = [];
			for (const fields of lines(this.fs.tryRead('/etc/services'))) {
				const match = /^(\d+)\/(\w+)$/.exec(fields[1] ?? '');
				if (!match) continue;
				const port = Number(match[1]);
				if (port > 65535) continue;
				this.serviceLines.push({names: [fields[0]!, ...fields.slice(2)], port, protocol: match[2]!});
			}
		}
		return this.serviceLines;
	}
}

/** Whitespace-separated fields of each line, comments (`#` to end of line) removed. */
function lines(text: string | undefined): string[][] {
	if (text === undefined) return [];
	return text
		.split('\n')
		.map((line) => line.replace(/#.*/, '').trim())
		.filter((line) => line !== '')
		.map((line) => line.split(/[ \t]+/));
}
