import type {FileSystem} from '../fs/filesystem';
import {formatIp, parseIp, type Ip} from '../net/ipv4';

/** One line of an openMosix map: a range of consecutive nodes, or a gateway's alternate address. */
export interface MapEntry {
	readonly first: number;
	/** Host field as written (an address or a name from /etc/hosts). */
	readonly host: string;
	readonly ip: Ip;
	/** Number of consecutive nodes; 0 for an ALIAS line. */
	readonly count: number;
}

/** A validated configuration: node numbers to addresses. */
export interface NodeTable {
	readonly entries: readonly MapEntry[];
	/** Node number → main address, in node-number order. */
	readonly nodes: ReadonlyMap<number, Ip>;
}

/** Files the openMosix tools look for, in order (the thesis writes /etc/openMosix.map). */
export const MAP_FILES = ['/etc/openmosix.map', '/etc/openMosix.map', '/etc/mosix.map', '/etc/hpc.map'];

/** Resolves a name with /etc/hosts (first line that lists it), or parses a dotted quad. */
export function resolveHost(fs: FileSystem, name: string): Ip | undefined {
	const direct = parseIp(name);
	if (direct !== undefined) return direct;
	const hosts = fs.tryRead('/etc/hosts') ?? '';
	for (const raw of hosts.split('\n')) {
		const fields = raw.replace(/#.*/, '').trim().split(/\s+/);
		if (fields.length < 2) continue;
		if (fields.slice(1).includes(name)) return parseIp(fields[0]!);
	}
	return undefined;
}

/**
 * Parses and checks a map as setpe does: `first-ID host count` lines, `ID IP
 * ALIAS` lines, comments and blank lines. Errors come back as setpe's message.
 */
export function parseNodeTable(text: string, resolve: (name: string) => Ip | undefined): {table: NodeTable} | {error: string} {
	const entries: MapEntry[] = [];
	const nodes = new Map<number, Ip>();
	const lines = text.split('\n');
	let count = 0;
	for (let i = 0; i < lines.length; i++) {
		const line = lines[i]!.replace(/#.*/, '').trim();
		if (line === '') continue;
		if (++count > 256) return {error: 'setpe: too many entries in the table (at most 256)\n'};
		const fields = line.split(/\s+/);
		const n = i + 1;
		if (fields.length !== 3 || !/^\d+$/.test(fields[0]!)) return {error: `setpe: line ${n}: bad table entry: "${line}"\n`};
		const first = Number(fields[0]);
		const alias = fields[2]!.toUpperCase() === 'ALIAS';
		if (!alias && !/^\d+$/.test(fields[2]!)) return {error: `setpe: line ${n}: bad table entry: "${line}"\n`};
		const size = alias ? 0 : Number(fields[2]);
		if (first < 1 || first > 65535 || (!alias && (size < 1 || first + size - 1 > 65535))) return {error: `setpe: line ${n}: openMosix node numbers must be between 1 and 65535\n`};
		const ip = resolve(fields[1]!);
		if (ip === undefined) return {error: `setpe: line ${n}: unknown host: ${fields[1]}\n`};
		if (size > 1 && parseIp(fields[1]!) === undefined) return {error: `setpe: line ${n}: a range of ${size} nodes needs an IP address, not a host name\n`};
		entries.push({first, host: fields[1]!, ip, count: size});
		for (let k = 0; k < size; k++) {
			const id = first + k;
			const addr = (ip + k) >>> 0;
			if (nodes.has(id)) return {error: `setpe: openMosix node #${id} appears more than once in the table\n`};
			for (const [other, otherIp] of nodes) if (otherIp === addr) return {error: `setpe: address ${formatIp(addr)} is given to both node #${other} and node #${id}\n`};
			nodes.set(id, addr);
		}
	}
	for (const e of entries) if (e.count === 0 && !nodes.has(e.first)) return {error: `setpe: ALIAS for node #${e.first}, which is not in the table\n`};
	const sorted = new Map([...nodes].sort((a, b) => a[0] - b[0]));
	return {table: {entries, nodes: sorted}};
}

/** Node number of an address in a table (main or ALIAS address). */
export function nodeOfAddress(table: NodeTable, ip: Ip): number | undefined {
	for (const [id, addr] of table.nodes) if (addr === ip) return id;
	for (const e of table.entries) if (e.count === 0 && e.ip === ip) return e.first;
	return undefined;
}
