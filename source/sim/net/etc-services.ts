import type {Feature} from '../feature';

/**
 * The port-name table every Debian host has (netbase), trimmed to the services a
 * cluster lab meets. Tools resolve port numbers and names through it
 * (getservbyport / getservbyname), so entry order matters: the first match wins.
 */
const SERVICES: ReadonlyArray<readonly [name: string, port: number, protocols: string, aliases?: string]> = [
	['tcpmux', 1, 'tcp'],
	['echo', 7, 'tcp udp'],
	['discard', 9, 'tcp udp', 'sink null'],
	['daytime', 13, 'tcp udp'],
	['chargen', 19, 'tcp udp', 'ttytst source'],
	['ftp-data', 20, 'tcp'],
	['ftp', 21, 'tcp'],
	['ssh', 22, 'tcp'],
	['telnet', 23, 'tcp'],
	['smtp', 25, 'tcp', 'mail'],
	['time', 37, 'tcp udp', 'timserver'],
	['whois', 43, 'tcp', 'nicname'],
	['domain', 53, 'tcp udp'],
	['bootps', 67, 'udp'],
	['bootpc', 68, 'udp'],
	['tftp', 69, 'udp'],
	['gopher', 70, 'tcp'],
	['finger', 79, 'tcp'],
	['http', 80, 'tcp', 'www'],
	['kerberos', 88, 'tcp udp', 'kerberos5 krb5 kerberos-sec'],
	['pop3', 110, 'tcp', 'pop-3'],
	['sunrpc', 111, 'tcp udp', 'portmapper'],
	['auth', 113, 'tcp', 'authentication tap ident'],
	['nntp', 119, 'tcp', 'readnews untp'],
	['ntp', 123, 'udp'],
	['netbios-ns', 137, 'udp'],
	['netbios-dgm', 138, 'udp'],
	['netbios-ssn', 139, 'tcp'],
	['imap2', 143, 'tcp', 'imap'],
	['snmp', 161, 'tcp udp'],
	['snmp-trap', 162, 'tcp udp', 'snmptrap'],
	['bgp', 179, 'tcp'],
	['irc', 194, 'tcp'],
	['ldap', 389, 'tcp udp'],
	['https', 443, 'tcp udp'],
	['microsoft-ds', 445, 'tcp'],
	['submissions', 465, 'tcp', 'ssmtp smtps urd'],
	['syslog', 514, 'udp'],
	['printer', 515, 'tcp', 'spooler'],
	['submission', 587, 'tcp'],
	['ipp', 631, 'tcp'],
	['ldaps', 636, 'tcp udp'],
	['rsync', 873, 'tcp'],
	['imaps', 993, 'tcp'],
	['pop3s', 995, 'tcp'],
	['socks', 1080, 'tcp'],
	['openvpn', 1194, 'tcp udp'],
	['ms-sql-s', 1433, 'tcp'],
	['radius', 1812, 'tcp udp'],
	['nfs', 2049, 'tcp udp'],
	['mysql', 3306, 'tcp'],
	['sip', 5060, 'tcp udp'],
	['sip-tls', 5061, 'tcp udp'],
	['postgresql', 5432, 'tcp', 'postgres'],
	['x11', 6000, 'tcp', 'x11-0'],
	['redis', 6379, 'tcp'],
	['http-alt', 8080, 'tcp', 'webcache'],
];

/** /etc/services text, one `name port/protocol [aliases]` line per protocol. */
export function etcServices(): string {
	let text = '# Network services: the port numbers and names programs look up.\n';
	for (const [name, port, protocols, aliases] of SERVICES) {
		for (const proto of protocols.split(' ')) {
			const entry = `${name}\t${name.length < 8 ? '\t' : ''}${port}/${proto}`;
			text += aliases ? `${entry}\t${aliases}\n` : `${entry}\n`;
		}
	}
	return text;
}

/** Gives every host /etc/services unless its scenario brings its own. */
export const netbase: Feature = {
	name: 'netbase',
	setupHost(_world, host) {
		if (!host.fs.exists('/etc/services')) host.fs.put('/etc/services', etcServices());
	},
};
