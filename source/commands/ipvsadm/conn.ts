import type {FileSystem} from '../../sim/fs/filesystem';
import {IPPROTO_SCTP, IPPROTO_TCP, IPPROTO_UDP} from './entry';
import {IpvsadmExit, type Io} from './exit';
import {left, two} from './format';
import {strtol} from './libc';
import {addrPortName} from './list';
import type {Netdb} from './netdb';

const CONN_PROC_FILE = '/proc/net/ip_vs_conn';

/**
 * list_conn(): ipvsadm does not ask the kernel for connections; it reads
 * /proc/net/ip_vs_conn, skips its title line and reprints every entry.
 */
export function listConnections(fs: FileSystem, netdb: Netdb, io: Io, numeric: boolean, persistentConn: boolean): void {
	const text = fs.tryRead(CONN_PROC_FILE);
	if (text === undefined) {
		io.err(`cannot open file ${CONN_PROC_FILE}\n`);
		throw new IpvsadmExit(1);
	}
	const lines = text.split('\n');
	if (lines[lines.length - 1] === '') lines.pop();
	if (lines.length === 0) {
		io.err(`unexpected input from ${CONN_PROC_FILE}\n`);
		throw new IpvsadmExit(1);
	}
	let out = 'IPVS connection entries\n';
	out += persistentConn
		? `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} ${left('destination', 18)} ${left('pe name', 16)} pe_data\n`
		: `pro expire ${left('state', 11)} ${left('source', 18)} ${left('virtual', 18)} destination\n`;
	for (const line of lines.slice(1)) {
		const row = connRow(line, netdb, numeric, persistentConn);
		if (row === undefined) {
			// sscanf() found nothing on the line: ipvsadm exits quietly.
			io.out(out);
			throw new IpvsadmExit(1);
		}
		out += row;
	}
	io.out(out);
}

/** print_conn(): one kernel line, addresses and ports turned into names unless -n. */
function connRow(line: string, netdb: Netdb, numeric: boolean, persistentConn: boolean): string | undefined {
	const fields = line.trim() === '' ? [] : line.trim().split(/\s+/);
	if (fields.length === 0) return undefined;
	const [protocol = '', caddr = '', cport = '', vaddr = '', vport = '', daddr = '', dport = '', state = '', expires = '', peName, peData] = fields;
	const proto = protocol === 'TCP' ? IPPROTO_TCP : protocol === 'UDP' ? IPPROTO_UDP : protocol === 'SCTP' ? IPPROTO_SCTP : 0;
	const hex = (s: string) => Number(BigInt.asUintN(32, strtol(s, 16).value));
	const port = (s: string) => hex(s) & 0xffff;
	const name = (a: string, p: string) => addrPortName(netdb, hex(a), port(p), proto, numeric);
	const seconds = Number(BigInt.asIntN(32, strtol(expires).value));
	const expire = `${two(Math.trunc(seconds / 60))}:${two(seconds % 60)}`;
	const c = name(caddr, cport);
	const v = name(vaddr, vport);
	const d = name(daddr, dport);
	if (persistentConn && fields.length >= 11) return `${left(protocol, 3)} ${left(expire, 6)} ${left(state, 11)} ${left(c, 18)} ${left(v, 18)} ${left(d, 16)} ${left(peName!, 18)} ${peData}\n`;
	return `${left(protocol, 3)} ${left(expire, 6)} ${left(state, 11)} ${left(c, 18)} ${left(v, 18)} ${d}\n`;
}
