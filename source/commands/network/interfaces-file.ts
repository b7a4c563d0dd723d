/** One `iface NAME inet METHOD` stanza of /etc/network/interfaces with its options in order. */
export interface Stanza {
	readonly name: string;
	readonly family: string;
	readonly method: string;
	readonly options: Array<[string, string]>;
	readonly line: number;
}

export interface InterfacesFile {
	readonly stanzas: Stanza[];
	/** Interfaces named on `auto` (and `allow-auto`) lines, in order. */
	readonly auto: string[];
}

export type ParseResult = {ok: true; file: InterfacesFile} | {ok: false; line: number; message: string};

const METHODS: Record<string, string[]> = {inet: ['loopback', 'static', 'manual', 'dhcp'], inet6: ['loopback', 'static', 'manual', 'auto', 'dhcp'], ipx: ['static', 'dynamic']};

/** Parses interfaces(5): comments, `\` continuations, auto/allow-*, iface stanzas and their options. */
export function parseInterfaces(text: string): ParseResult {
	const stanzas: Stanza[] = [];
	const auto: string[] = [];
	let current: Stanza | undefined;
	const raw = text.split('\n');
	for (let i = 0; i < raw.length; i++) {
		const lineNo = i + 1;
		let line = raw[i]!;
		while (line.endsWith('\\') && i + 1 < raw.length) line = line.slice(0, -1) + raw[++i]!;
		const t = line.trim();
		if (t === '' || t.startsWith('#')) continue;
		const [word, ...rest] = t.split(/\s+/);
		if (word === 'auto' || word === 'allow-auto' || word === 'allow-hotplug') {
			if (word !== 'allow-hotplug') for (const n of rest) if (!auto.includes(n)) auto.push(n);
			current = undefined;
		} else if (word === 'iface') {
			const [name, family, method] = rest;
			if (name === undefined || family === undefined || method === undefined) return {ok: false, line: lineNo, message: 'too few parameters for iface line'};
			if (!(family in METHODS)) return {ok: false, line: lineNo, message: 'unknown address type'};
			if (!METHODS[family]!.includes(method)) return {ok: false, line: lineNo, message: 'unknown method'};
			current = {name, family, method, options: [], line: lineNo};
			stanzas.push(current);
		} else if (word === 'mapping' || word === 'source' || word === 'source-directory') {
			current = undefined;
		} else {
			if (!current) return {ok: false, line: lineNo, message: 'misplaced option'};
			current.options.push([word!, t.slice(word!.length).trim()]);
		}
	}
	return {ok: true, file: {stanzas, auto}};
}

export function option(s: Stanza, key: string): string | undefined {
	return s.options.find(([k]) => k === key)?.[1];
}

export function options(s: Stanza, key: string): string[] {
	return s.options.filter(([k]) => k === key).map(([, v]) => v);
}
