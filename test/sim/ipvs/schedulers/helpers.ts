import {formatIp, parseIp} from '../../../../source/sim/net/ipv4';
import {Rng} from '../../../../source/sim/rng';
import {kernelEra} from '../../../../source/sim/ipvs/era';
import {Ipvs} from '../../../../source/sim/ipvs/ipvs';
import {createSchedulers} from '../../../../source/sim/ipvs/schedulers';
import {emptyTrace, type PacketInfo, type ScheduleTrace, type SchedulerEnv} from '../../../../source/sim/ipvs/schedulers/scheduler';
import type {Dest, Service, ServiceKey} from '../../../../source/sim/ipvs/types';

export const MODERN = '6.1.0-18-686';
export const OLD = '2.6.18-6-686';
export const VIP = parseIp('192.168.6.240')!;
const KEY: ServiceKey = {fwmark: 0, protocol: 'tcp', addr: VIP, port: 80};

/** Real servers by letter: A = 10.0.0.1, B = 10.0.0.2, … */
export function ipOf(name: string): number {
	return parseIp(`10.0.0.${name.charCodeAt(0) - 64}`)!;
}

export function nameOf(d: Dest | null): string {
	if (!d) return '-';
	return String.fromCharCode(64 + (d.addr & 255));
}

/** An IPVS table on a given kernel with a settable clock, seed and sysctls. */
export function lab(release = MODERN, opts: {seed?: number; rng?: () => number; sysctl?: Record<string, string>} = {}) {
	const clock = {now: 0};
	const env: SchedulerEnv = {
		era: kernelEra(release),
		now: () => clock.now,
		rng: opts.rng ? {nextUint32: opts.rng} : new Rng(opts.seed ?? 1),
		sysctl: (k) => opts.sysctl?.[k],
	};
	const ipvs = new Ipvs(env.era, {isLocalAddress: () => false, isBroadcastAddress: () => false}, createSchedulers(env));
	const t = {
		ipvs,
		env,
		clock,
		service(scheduler: string, schedFlags = 0): Service {
			const err = ipvs.addService(KEY, {scheduler, persistent: false, timeout: 300, netmask: 0xffffffff, onePacket: false, schedFlags});
			if (err) throw new Error(`addService: ${err}`);
			return ipvs.findService(KEY)!;
		},
		/** `-E`: the same service with another scheduler (or other flags). */
		reschedule(scheduler: string, schedFlags = 0): void {
			const err = ipvs.editService(KEY, {scheduler, persistent: false, timeout: 300, netmask: 0xffffffff, onePacket: false, schedFlags});
			if (err) throw new Error(`editService: ${err}`);
		},
		add(name: string, weight = 1): Dest {
			const err = ipvs.addDest(KEY, destConfig(name, weight));
			if (err) throw new Error(`addDest: ${err}`);
			return t.dest(name)!;
		},
		edit(name: string, weight: number): void {
			const err = ipvs.editDest(KEY, destConfig(name, weight));
			if (err) throw new Error(`editDest: ${err}`);
		},
		del(name: string): void {
			const err = ipvs.deleteDest(KEY, ipOf(name), 80);
			if (err) throw new Error(`deleteDest: ${err}`);
		},
		dest(name: string): Dest | undefined {
			return ipvs.findService(KEY)?.dests.find((d) => d.addr === ipOf(name));
		},
		svc(): Service {
			return ipvs.findService(KEY)!;
		},
		/** One decision, as the data plane would ask for it. */
		pick(packet: Partial<PacketInfo> = {}, trace?: ScheduleTrace): Dest | null {
			const svc = t.svc();
			return ipvs.schedulerFor(svc.scheduler)!.schedule(svc, {...defaultPacket, ...packet}, trace);
		},
		/** `n` decisions as a string of server letters (`-` for none). */
		picks(n: number, packet: Partial<PacketInfo> = {}): string {
			return Array.from({length: n}, () => nameOf(t.pick(packet))).join(' ');
		},
		traced(packet: Partial<PacketInfo> = {}): {dest: Dest | null; trace: ScheduleTrace} {
			const trace = emptyTrace();
			const dest = t.pick(packet, trace);
			return {dest, trace};
		},
	};
	return t;
}

const defaultPacket: PacketInfo = {saddr: parseIp('192.168.1.50')!, sport: 40000, daddr: VIP, dport: 80};

function destConfig(name: string, weight: number) {
	return {
		addr: ipOf(name),
		port: 80,
		fwd: 'route' as const,
		weight,
		uThreshold: 0,
		lThreshold: 0,
		tunType: 'ipip' as const,
		tunPort: 0,
		tunFlags: 0,
	};
}

/** Trace steps as `A:chosen` strings, for compact assertions. */
export function verdicts(trace: ScheduleTrace): string[] {
	return trace.steps.map((s) => `${nameOf(s.dest)}:${s.verdict}`);
}

export {formatIp};
