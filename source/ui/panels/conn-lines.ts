import type {ConnRow, ConnTableView} from '../../lab/snapshot';
import {fill, type Messages} from '../messages';
import {pad} from '../text/fit';
import {line, seg} from '../text/segments';
import type {Theme} from '../theme';

/** ipvsadm's `mm:ss` expiry. */
export function formatExpire(seconds: number): string {
	return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

interface Column {
	readonly head: string;
	readonly width: number;
	readonly value: (row: ConnRow) => string;
}

const PRO: Column = {head: 'pro', width: 4, value: (r) => r.protocol};
const EXPIRE: Column = {head: 'expire', width: 7, value: (r) => formatExpire(r.expires)};
const STATE: Column = {head: 'state', width: 12, value: (r) => r.state};
const SOURCE: Column = {head: 'source', width: 22, value: (r) => r.client};
const VIRTUAL: Column = {head: 'virtual', width: 19, value: (r) => r.virtual};
const DEST: Column = {head: 'destination', width: 0, value: (r) => r.real};
const REAL_HOST: Column = {head: 'real', width: 0, value: (r) => r.realHost ?? r.real};

/**
 * The widest set of ipvsadm -L -n -c columns that fits. Narrow panels name
 * hosts instead of addresses (`client:40612`, `rs1`) and size each column to
 * what the rows hold.
 */
function columnsFor(width: number, rows: readonly ConnRow[]): Column[] {
	if (width >= 78) return [PRO, EXPIRE, STATE, SOURCE, VIRTUAL, DEST];
	if (width >= 52) return [PRO, EXPIRE, STATE, SOURCE, REAL_HOST];
	const widest = (values: string[], min: number) => Math.max(min, ...values.map((v) => v.length)) + 1;
	const client = (r: ConnRow) => r.clientHost ?? r.client;
	return [
		EXPIRE,
		{...STATE, width: widest(rows.map((r) => r.state), 5)},
		{head: 'source', width: widest(rows.map(client), 6), value: client},
		REAL_HOST,
	];
}

/**
 * The newest entries of the director's connection table, laid out like
 * `ipvsadm -L -n -c` (narrow panels drop the VIP column and name real servers
 * by host), under a count of entries per state. Rows are plain strings, so
 * the table costs a few lines of text per frame.
 */
export function connLines(table: ConnTableView, width: number, height: number, theme: Theme, t: Messages, title = true): string[] {
	const out: string[] = [];
	if (title) {
		const counts = table.byState.map(([state, n]) => `${state} ${n}`).join(theme.plain ? ', ' : ' · ');
		out.push(line(width, seg(table.director ? fill(t.connectionsOn, table.director, table.total) : t.connections, theme.paint.title), counts ? seg('  ' + counts, theme.paint.dim) : ''));
	}
	if (!table.director) return [...out, line(width, seg(t.noDirector, theme.paint.dim))].slice(0, height);
	if (table.total === 0) return [...out, line(width, seg(t.noConnections, theme.paint.dim))].slice(0, height);
	const cols = columnsFor(width, table.newest);
	const render = (values: string[]) => values.map((v, i) => (cols[i]!.width > 0 ? pad(v, cols[i]!.width) : v)).join('');
	out.push(line(width, seg(render(cols.map((c) => c.head)), theme.paint.dim)));
	for (const row of table.newest) {
		if (out.length >= height) break;
		const text = render(cols.map((c) => c.value(row)));
		out.push(line(width, seg(text, row.state === 'ESTABLISHED' ? undefined : theme.paint.dim)));
	}
	return out.slice(0, height);
}
