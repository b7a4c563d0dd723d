import {SEC, type Micros} from '../time';
import {CF_INACTIVE, CF_TEMPLATE, FWD_CODES, P_IP, PROTO_CODES} from './conn-table';
import type {Decision, IpvsDataPlane} from './data-plane';
import type {ScheduleTrace} from './schedulers/scheduler';
import {S_NONE} from './tcp-states';
import type {Dest, Protocol, Service} from './types';

const NONE: readonly number[] = [];

/**
 * A director's persistence templates by client address (masked by the
 * service's netmask), oldest first: what a new connection to a persistent
 * service and a sync message for a template look up.
 */
export class TemplateIndex {
	private readonly byClient = new Map<number, number[]>();

	/** The template slots of a (masked) client address, oldest first. */
	of(caddr: number): readonly number[] {
		return this.byClient.get(caddr) ?? NONE;
	}

	add(caddr: number, slot: number): void {
		const list = this.byClient.get(caddr);
		if (list) list.push(slot);
		else this.byClient.set(caddr, [slot]);
	}

	remove(caddr: number, slot: number): void {
		const list = this.byClient.get(caddr);
		if (!list) return;
		const i = list.indexOf(slot);
		if (i >= 0) list.splice(i, 1);
		if (list.length === 0) this.byClient.delete(caddr);
	}

	clear(): void {
		this.byClient.clear();
	}
}

/** What persistence decided for a new connection. */
export interface PersistentChoice {
	/** The real server, or null when none may be used. */
	readonly dest: Dest | null;
	/** The template that controls the connection (-1: none). */
	readonly slot: number;
	readonly trace: ScheduleTrace | undefined;
	readonly template: Decision['template'];
}

/**
 * A persistent service's choice for a new connection (ip_vs_sched_persist):
 * the client's template for the service names the real server while it lasts;
 * otherwise the scheduler picks one and a new template remembers it for the
 * service's persistence timeout. A template whose real server may no longer
 * be used is dropped first (ip_vs_check_template).
 */
export function persistentDest(plane: IpvsDataPlane, svc: Service, proto: Protocol, caddr: number, vaddr: number, vport: number, now: Micros, wantTrace: boolean): PersistentChoice {
	const t = plane.table;
	const snet = (caddr & svc.netmask) >>> 0;
	const tport = svc.port === 0 || svc.port === 21 ? 0 : vport;
	const pcode = svc.fwmark ? P_IP : PROTO_CODES[proto];
	const tvaddr = svc.fwmark ? svc.fwmark : vaddr;
	let slot = -1;
	for (const s of plane.templates.of(snet)) {
		if (t.proto[s] === pcode && t.vaddr[s] === tvaddr && t.vport[s] === tport) {
			slot = s;
			break;
		}
	}
	let expiredOld: string | undefined;
	if (slot >= 0) {
		// ip_vs_check_template: a template without a usable real server (unbound, deleted, or quiesced) is dropped.
		const dest = plane.destAt(slot);
		const quiescent = dest !== undefined && plane.host.sysctlNumber('net.ipv4.vs.expire_quiescent_template') === 1 && dest.weight === 0;
		if (dest && dest.available && !quiescent) {
			return {dest, slot, trace: undefined, template: {caddr: snet, created: false}};
		}
		expiredOld = !dest ? 'unbound' : dest.available ? 'quiescent' : 'unavailable';
		// ip_vs_check_template: the template is dropped at once.
		t.arm(slot, 0, now);
		plane.detachTemplate(slot);
	}
	const scheduler = plane.ipvs.schedulerFor(svc.scheduler);
	if (!scheduler) return {dest: null, slot: -1, trace: undefined, template: undefined};
	const trace: ScheduleTrace | undefined = wantTrace ? {scheduler: svc.scheduler, steps: [], notes: []} : undefined;
	const dest = scheduler.schedule(svc, {saddr: caddr, sport: 0, daddr: vaddr, dport: vport}, trace);
	if (!dest) return {dest: null, slot: -1, trace, template: {caddr: snet, created: false, expiredOld}};
	const s = t.add(pcode, snet, 0, tvaddr, tport, dest.addr, tport === 0 ? 0 : dest.port, CF_TEMPLATE | CF_INACTIVE, FWD_CODES[dest.fwd]);
	t.svc[s] = plane.serviceId(svc);
	t.dest[s] = plane.destId(dest);
	t.state[s] = S_NONE;
	dest.persistConns++;
	plane.checkOverload(dest);
	t.arm(s, svc.timeout * SEC, now);
	plane.templates.add(snet, s);
	return {dest, slot: s, trace, template: {caddr: snet, created: true, expiredOld}};
}
