import type {Host} from '../host';
import {parseIp} from '../net/ipv4';

/** The /etc/services entries ldirectord configurations name (getservbyname). */
const SERVICES: Record<string, number> = {
	ftp: 21, ssh: 22, telnet: 23, smtp: 25, domain: 53, http: 80, www: 80, pop3: 110, nntp: 119, imap2: 143, imap: 143,
	snmp: 161, ldap: 389, https: 443, submission: 587, imaps: 993, pop3s: 995, mysql: 3306, postgresql: 5432,
	'http-alt': 8080, sip: 5060, radius: 1812, 'ms-sql-s': 1433, 'ha-cluster': 694,
};

/** ld_getservbyname: a number 0..65535 as is, else a service name; undefined when unknown. */
export function servByName(name: string): number | undefined {
	if (/^[0-9]+$/.test(name)) {
		const n = Number(name);
		return n >= 0 && n < 65536 ? n : undefined;
	}
	return SERVICES[name];
}

/** ld_gethostbyname: a dotted quad, or a name from the host's /etc/hosts. */
export function hostByName(host: Host, name: string): string | undefined {
	if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return parseIp(name) === undefined ? undefined : name;
	if (name === 'localhost') return '127.0.0.1';
	const hosts = host.fs.tryRead('/etc/hosts') ?? '';
	for (const line of hosts.split('\n')) {
		const fields = line.replace(/#.*/, '').trim().split(/\s+/);
		if (fields.length >= 2 && fields.slice(1).includes(name) && parseIp(fields[0]!) !== undefined) return fields[0];
	}
	return undefined;
}

/** ld_port_to_service: the check ldirectord runs by default for a virtual port. */
export function portToService(port: number): string {
	const map: Record<number, string> = {
		21: 'ftp', 25: 'smtp', 53: 'dns', 80: 'http', 110: 'pop', 119: 'nntp', 143: 'imap', 389: 'ldap', 443: 'https',
		993: 'pops', 995: 'imaps', 1521: 'oracle', 1812: 'radius', 3128: 'http_proxy', 3306: 'mysql', 5060: 'sip', 5432: 'pgsql',
	};
	return map[port] ?? 'none';
}

/** ld_service_to_port: the inverse, for checks on port-0 real servers. */
export function serviceToPort(service: string): number | undefined {
	const map: Record<string, number> = {
		ftp: 21, smtp: 25, dns: 53, http: 80, pop: 110, nntp: 119, imap: 143, ldap: 389, https: 443, imaps: 993, pops: 995,
		oracle: 1521, radius: 1812, http_proxy: 3128, mysql: 3306, sip: 5060, pgsql: 5432,
	};
	return map[service];
}
