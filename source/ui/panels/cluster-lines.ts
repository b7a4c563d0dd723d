import type {NodeLoad} from '../../lab/probes';
import type {HostView, LabSnapshot, ServerView} from '../../lab/snapshot';
import type {ForwardMethod} from '../../sim/ipvs/types';
import {fill, type Messages} from '../messages';
import {pad, padStart, widthOf} from '../text/fit';
import {line, seg, type Segment} from '../text/segments';
import {statePaint, type Theme} from '../theme';

export type NodeMeasure = 'load' | 'speed' | 'memory';

export interface ClusterInput {
	readonly snapshot: LabSnapshot;
	readonly selected?: string;
	/** The cluster has the keyboard: the selection is drawn strongly. */
	readonly focused: boolean;
	readonly nodeMeasure: NodeMeasure;
	readonly width: number;
	readonly height: number;
	readonly theme: Theme;
	readonly t: Messages;
}

/** An openMosix cluster with no LVS director: its header speaks of nodes and load instead of a VIP. */
function isMosixOnly(s: LabSnapshot): boolean {
	return s.nodes.length > 0 && !s.hosts.some((h) => h.role === 'director');
}

/** Rows the cluster panel wants: title, two flow lines (one measure line for openMosix), one per host. */
export function clusterRowsWanted(snapshot: LabSnapshot): number {
	const header = isMosixOnly(snapshot) ? 2 : 3;
	return header + snapshot.hosts.length + snapshot.servers.filter((x) => !snapshot.hosts.some((h) => h.name === x.name)).length;
}

/** openMosix header: nodes answering, total load, and which measure the bars show (keys l, s, m). */
function mosixHeader(input: ClusterInput): string[] {
	const {snapshot: s, theme, t, width, nodeMeasure} = input;
	const up = s.nodes.filter((n) => n.alive).length;
	const load = s.nodes.reduce((sum, n) => sum + (n.alive ? n.load : 0), 0);
	const title = line(width, seg('openMosix', theme.paint.title), '  ', seg(fill(t.nodesUp, up, s.nodes.length), up < s.nodes.length ? theme.paint.bad : theme.paint.strong), seg(`  ${t.load} ${formatRate(load)}`, theme.paint.dim));
	const measures: Array<[NodeMeasure, string, string]> = [['load', 'l', t.load], ['speed', 's', t.speed], ['memory', 'm', t.memory]];
	const keys = measures.map(([m, key, word]) => seg(` ${key} ${word} `, m === nodeMeasure ? theme.paint.selected : theme.paint.dim));
	return [title, line(width, seg(` ${t.bars}:`, theme.paint.dim), ...keys)];
}

/** `1.5` below 10, `12` above: rates and loads in four columns or fewer. */
export function formatRate(value: number): string {
	if (value >= 9999.5) return `${Math.round(value / 1000)}k`;
	return value < 9.95 ? value.toFixed(1) : String(Math.round(value));
}

function methodName(fwd: ForwardMethod): string {
	return fwd === 'masq' ? 'NAT' : fwd === 'route' ? 'DR' : fwd === 'tunnel' ? 'TUN' : 'local';
}

/** Width of the "request"/"reply" labels, with a space after the longer one. */
function labelWidth(t: Messages): number {
	return Math.max(t.request.length, t.reply.length) + 1;
}

/** The request and reply paths for the services' forwarding method(s). */
function flowLines(input: ClusterInput): string[] {
	const {snapshot: s, theme, t, width} = input;
	const {arrow} = theme.glyph;
	const dim = theme.paint.dim;
	if (s.services.length === 0) {
		const vip = s.vips[0];
		return [line(width, seg(' ' + t.noService, dim)), vip ? line(width, seg(` ${pad(t.request, labelWidth(t))}${s.client ?? 'client'} ${arrow} ${vip.addr}`, dim)) : ''];
	}
	const methods = [...new Set(s.services.flatMap((svc) => svc.forward))];
	const client = s.client ?? 'client';
	const director = s.director ?? '?';
	const svc = s.services[0]!;
	const label = svc.label.replace(/^TCP |^UDP /, '');
	const tail = ` ${arrow} ${director} ${arrow} rs`;
	const lead = ` ${pad(t.request, labelWidth(t))}${client} ${arrow} `;
	// The port goes first when the path does not fit.
	const target = isCompact(input) || widthOf(lead + label + tail) > width ? label.replace(/:\d+$/, '') : label;
	const request = line(width, seg(lead.slice(0, labelWidth(t) + 1), dim), lead.slice(labelWidth(t) + 1), seg(target, theme.paint.accent), tail);
	const only = methods.length === 1 ? methods[0] : undefined;
	let how = only === 'masq' ? t.replyNat : only === 'route' ? t.replyDr : only === 'tunnel' ? t.replyTun : methods.length === 0 ? '' : t.replyMixed;
	// Compact rows name just the method: the path itself shows whether it passes the director.
	if (isCompact(input) && only) how = methodName(only);
	// DR and TUN replies skip the director: one long arrow as wide as the NAT path.
	const head = theme.plain ? '>' : '▶';
	const path = only === 'masq' || only === undefined ? `rs ${arrow} ${director} ${arrow} ${client}` : `rs ${theme.glyph.rule.repeat(director.length + 5)}${head} ${client}`;
	const reply = line(width, seg(` ${pad(t.reply, labelWidth(t))}`, dim), path + '  ', seg(how, theme.paint.accent));
	return [request, reply];
}

function titleLine(input: ClusterInput): string {
	const {snapshot: s, theme, t, width} = input;
	const vip = s.vips[0];
	let text: Segment;
	if (!vip) text = seg(t.noVip, theme.paint.dim);
	else if (vip.holders.length === 0) text = seg(fill(t.vipNobody, vip.addr), theme.paint.bad);
	else if (vip.holders.length > 1) text = seg(fill(t.vipConflict, vip.addr, vip.holders.join('+')), theme.paint.bad);
	else text = seg(fill(t.vipOn, vip.addr, vip.holders[0]!), theme.paint.strong);
	const extra = s.vips.length > 1 ? ` +${s.vips.length - 1} VIP` : '';
	// The scheduler and the total request rate of the (first) virtual service.
	const svc = s.services[0];
	const more = s.services.length > 1 ? ` +${s.services.length - 1}` : '';
	const service = svc ? seg(`  ${svc.scheduler}${more}  ${formatRate(s.totalRate)} ${t.reqPerSec}`, theme.paint.dim) : undefined;
	// The label goes first when the line does not fit.
	const full = widthOf(t.cluster) + 2 + widthOf(text.text) + widthOf(extra) + (service ? widthOf(service.text) : 0);
	if (isCompact(input) || full > width) return line(width, text, extra, service);
	return line(width, seg(t.cluster, theme.paint.title), '  ', text, extra, service);
}

/** A bar of `cells` columns: active part, inactive part, then empty. */
function connBar(theme: Theme, cells: number, active: number, inactive: number, max: number): Segment[] {
	if (cells <= 0) return [];
	const scale = max > 0 ? cells / max : 0;
	let a = Math.round(active * scale);
	let i = Math.round((active + inactive) * scale) - a;
	// Something non-zero always shows at least one cell.
	if (active > 0 && a === 0) a = 1;
	if (inactive > 0 && i === 0 && a < cells) i = 1;
	a = Math.min(a, cells);
	i = Math.min(i, cells - a);
	const {barActive, barInactive, barEmpty} = theme.glyph;
	return [seg(barActive.repeat(a), theme.paint.ok), seg(barInactive.repeat(i), theme.paint.accent), seg(barEmpty.repeat(cells - a - i), theme.paint.dim)];
}

/** A bar of `cells` columns for requests per second. */
function rateBar(theme: Theme, cells: number, rate: number, max: number): Segment[] {
	if (cells <= 0) return [];
	let n = max > 0 ? Math.round((rate / max) * cells) : 0;
	if (rate > 0 && n === 0) n = 1;
	n = Math.min(n, cells);
	return [seg(theme.glyph.barRate.repeat(n), theme.paint.accent), seg(theme.glyph.barEmpty.repeat(cells - n), theme.paint.dim)];
}

function stateSegment(theme: Theme, t: Messages, state: HostView['state'] | 'quiesced' | undefined, width: number): Segment {
	const key = state ?? 'unknown';
	const word = t.state[key];
	const glyph = theme.glyph.state[key];
	if (width <= 2 && glyph) return seg(pad(glyph, width), statePaint(theme, key));
	return seg(pad(glyph ? `${glyph} ${word}` : word, width), statePaint(theme, key));
}

interface Columns {
	readonly name: number;
	readonly state: number;
	readonly active: number;
	readonly inactive: number;
	readonly rate: number;
	readonly maxConns: number;
	readonly maxRate: number;
	readonly weights: boolean;
}

/** Room from which a server line gets a second bar, for its requests per second. */
const RATE_BAR_ROOM = 44;

/**
 * Below this width (the left column of an 80-column screen) every column
 * counts: the title drops its label, the VIP its port, and a host that is up
 * shows only its glyph; any other state still shows glyph and word.
 */
const COMPACT_WIDTH = 48;

function isCompact(input: ClusterInput): boolean {
	return input.width < COMPACT_WIDTH;
}

function stateOf(host: HostView, server: ServerView | undefined): HostView['state'] | 'quiesced' {
	// A real server that is up but has weight 0 everywhere gets no new connections: say so.
	return host.state === 'up' && server?.quiesced ? 'quiesced' : host.state;
}

function columns(input: ClusterInput): Columns {
	const {snapshot: s, t, theme} = input;
	const servers = s.servers;
	let state: number;
	if (theme.plain) {
		// Words only: as wide as the longest state shown now.
		state = Math.max(...s.hosts.map((h) => t.state[stateOf(h, servers.find((x) => x.name === h.name))].length)) + 1;
	} else if (isCompact(input)) state = 2;
	else state = Math.max(...Object.values(t.state).map((w) => w.length)) + 3;
	return {
		name: Math.max(6, ...s.hosts.map((h) => h.name.length), ...servers.map((x) => x.name.length)) + 1,
		state,
		active: Math.max(1, ...servers.map((x) => String(x.active).length)),
		inactive: Math.max(1, ...servers.map((x) => String(x.inactive).length)),
		rate: Math.max(3, ...servers.map((x) => formatRate(x.rate).length)),
		maxConns: Math.max(0, ...servers.map((x) => x.active + x.inactive)),
		maxRate: Math.max(0, ...servers.map((x) => Math.max(x.rate, x.sent))),
		weights: servers.some((x) => x.inTable && x.weight !== 1),
	};
}

function serverDetail(input: ClusterInput, cols: Columns, server: ServerView, room: number): Segment[] {
	const {theme, t} = input;
	if (!server.inTable) return [seg(t.notInTable, theme.paint.dim)];
	const weight = cols.weights || server.quiesced ? seg(`w${server.weight} `, server.quiesced ? theme.paint.warn : undefined) : undefined;
	const numbers = `${padStart(String(server.active), cols.active)}/${padStart(String(server.inactive), cols.inactive)} ${padStart(formatRate(server.rate), cols.rate)}${t.perSecond}`;
	// The director sends it more than it answers (cable pulled, server down): say how much.
	const unanswered = server.sent - server.rate >= 1;
	if (theme.plain) {
		const text = `w${server.weight}, ${server.active} ${t.activeConns}, ${server.inactive} ${t.inactiveConns}, ${formatRate(server.rate)} ${t.reqPerSec}${unanswered ? `, ${fill(t.sentWords, formatRate(server.sent))}` : ''}`;
		return [seg(text)];
	}
	const out: Segment[] = [];
	if (weight) out.push(weight);
	const sent = unanswered ? seg(` ${fill(t.sent, formatRate(server.sent))}`, theme.paint.warn) : undefined;
	const free = room - (weight ? weight.text.length : 0) - (sent ? sent.text.length : 0);
	if (free >= RATE_BAR_ROOM) {
		// Wide: one bar for connections, one for requests per second, each with its numbers.
		const conns = `${padStart(String(server.active), cols.active)}/${padStart(String(server.inactive), cols.inactive)}`;
		const rate = `${padStart(formatRate(server.rate), cols.rate)}${t.perSecond}`;
		const cells = free - conns.length - rate.length - 4;
		const connCells = Math.ceil(cells * 0.55);
		out.push(...connBar(theme, connCells, server.active, server.inactive, cols.maxConns), seg(' ' + conns + '  '));
		out.push(...rateBar(theme, cells - connCells, server.rate, cols.maxRate), seg(' ' + rate));
		if (sent) out.push(sent);
		return out;
	}
	const barCells = free - numbers.length - 1;
	if (barCells >= 4) out.push(...connBar(theme, barCells, server.active, server.inactive, cols.maxConns), seg(' '));
	out.push(seg(numbers));
	if (sent) out.push(sent);
	return out;
}

function nodeDetail(input: ClusterInput, node: NodeLoad, nodes: readonly NodeLoad[], room: number): Segment[] {
	const {theme, t, nodeMeasure} = input;
	if (!node.alive) return [seg(t.dead, theme.paint.bad)];
	const value = nodeMeasure === 'load' ? node.load : nodeMeasure === 'speed' ? node.speed : node.memUsedMb;
	const max = Math.max(1e-9, ...nodes.map((n) => (nodeMeasure === 'load' ? n.load : nodeMeasure === 'speed' ? n.speed : n.memTotalMb)));
	const label = nodeMeasure === 'memory' ? `${Math.round(node.memUsedMb)}/${Math.round(node.memTotalMb)}` : nodeMeasure === 'speed' ? String(Math.round(node.speed)) : formatRate(node.load);
	const word = nodeMeasure === 'load' ? t.load : nodeMeasure === 'speed' ? t.speed : t.memory;
	if (theme.plain) return [seg(`${word} ${label}`)];
	const cells = room - label.length - 1;
	if (cells < 4) return [seg(label)];
	const used = Math.min(cells, Math.round((value / max) * cells));
	// Memory: used is solid, the free part up to this node's total is '+', as mosmon draws it.
	const free = nodeMeasure === 'memory' ? Math.min(cells - used, Math.round(((node.memTotalMb - node.memUsedMb) / max) * cells)) : 0;
	return [
		seg(theme.glyph.barActive.repeat(used), theme.paint.ok),
		seg('+'.repeat(free), theme.paint.accent),
		seg(theme.glyph.barEmpty.repeat(cells - used - free), theme.paint.dim),
		seg(' ' + label),
	];
}

/** One host's row; in plain mode a detail that does not fit goes on a second, indented row. */
function hostLines(input: ClusterInput, cols: Columns, host: HostView): string[] {
	const {snapshot: s, theme, t, width, selected, focused} = input;
	const isSelected = host.name === selected;
	const marker = isSelected ? theme.glyph.pointer + ' ' : '  ';
	const namePaint = isSelected ? (focused ? theme.paint.selected : theme.paint.strong) : undefined;
	const head: Segment[] = [seg(marker, isSelected ? theme.paint.key : undefined), seg(pad(host.name, cols.name - 1), namePaint), seg(' ')];
	const server = s.servers.find((x) => x.name === host.name);
	const state = stateOf(host, server);
	// Compact rows show only the glyph for a host that is up; any other state keeps its word.
	const word = cols.state <= 2 && state !== 'up' ? [seg(`${t.state[state]} `, statePaint(theme, state))] : [];
	const room = width - 2 - cols.name - cols.state - word.reduce((n, w) => n + widthOf(w.text), 0);
	let detail: Segment[] = [];
	if (host.role === 'director' && host.state === 'off') {
		detail = [];
	} else if (host.role === 'director') {
		const active = host.director === 'active';
		detail = [
			seg(active ? `${theme.glyph.active} ${t.active}` : t.standby, active ? theme.paint.accent : theme.paint.dim),
			host.vips.length > 0 ? seg(`  ${t.holdsVip}`) : seg(''),
		];
	} else if (server) {
		detail = serverDetail(input, cols, server, room);
	} else if (host.role === 'node') {
		const node = s.nodes.find((n) => n.host === host.name);
		if (node) detail = nodeDetail(input, node, s.nodes, room);
	} else if (host.ip) {
		detail = [seg(host.ip, theme.paint.dim)];
	}
	const first = [...head, stateSegment(theme, t, state, cols.state), ...word];
	const detailWidth = detail.reduce((n, d) => n + widthOf(d.text), 0);
	if (theme.plain && detailWidth > room && detailWidth <= width - 4) return [line(width, ...first), line(width, seg('    '), ...detail)];
	return [line(width, ...first, ...detail)];
}

/**
 * The cluster at a glance: who holds the VIP, which way requests and replies
 * travel, every host with its state, and per real server its connections
 * (active █, inactive ▒) and requests per second; openMosix nodes get
 * mosmon-style bars. Lines are plain-text fitted, then painted.
 */
export function clusterLines(input: ClusterInput): string[] {
	const {snapshot: s, height, theme, t, width} = input;
	const cols = columns(input);
	const lines = isMosixOnly(s) ? mosixHeader(input) : [titleLine(input), ...flowLines(input)];
	const rows = s.hosts.map((h) => hostLines(input, cols, h));
	// Addresses in the table that are no host of the scenario still get a row.
	for (const server of s.servers) {
		if (!s.hosts.some((h) => h.name === server.name)) {
			rows.push([line(width, seg('  '), seg(pad(server.name, cols.name)), stateSegment(theme, t, undefined, cols.state), ...serverDetail(input, cols, server, width - 2 - cols.name - cols.state))]);
		}
	}
	const all = rows.flat();
	const room = height - lines.length;
	if (all.length > room && room > 0) {
		// Keep the selected host visible when the list is cut.
		const selectedHost = Math.max(0, s.hosts.findIndex((h) => h.name === input.selected));
		const selectedAt = rows.slice(0, selectedHost).reduce((n, r) => n + r.length, 0);
		const first = Math.min(Math.max(0, selectedAt - room + 2), all.length - room + 1);
		const shown = all.slice(first, first + room - 1);
		return [...lines, ...shown, line(width, seg(`  ${theme.glyph.ellipsis} ${fill(t.more, all.length - shown.length)}`, theme.paint.dim))];
	}
	return [...lines, ...all].slice(0, Math.max(0, height));
}
