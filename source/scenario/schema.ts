// A namespace import lets the bundler drop the parts of zod the lab does not use (about 370 KB).
import * as z from 'zod';
import {parseCidr, parseIp} from '../sim/net/ipv4';

const cidr = z.string().refine((s) => parseCidr(s) !== undefined, {message: 'expected an address like 10.0.0.1/24'});
const ip = z.string().refine((s) => parseIp(s) !== undefined, {message: 'expected an IPv4 address like 10.0.0.1'});
const hostName = z.string().regex(/^[a-z][a-z0-9-]*$/, 'host names use lower-case letters, digits and dashes');

/** An address on an interface; the short form is just `10.0.0.1/24`. */
const address = z.union([
	cidr,
	z.strictObject({
		address: cidr,
		/** Alias label such as `eth0:0` or `lo:0`. */
		label: z.string().regex(/^[a-z0-9]+(:[a-z0-9]+)?$/).optional(),
		broadcast: ip.optional(),
	}),
]);

const iface = z.strictObject({
	/** Segment (switch, hub or crossover) the cable goes to; none for lo and tunl0. */
	segment: z.string().optional(),
	addresses: z.array(address).default([]),
	/** `aa:bb:cc:dd:ee:ff`; generated from the host when omitted. */
	mac: z.string().regex(/^([0-9a-f]{2}:){5}[0-9a-f]{2}$/).optional(),
	/** ifindex as `ip addr` numbers it. */
	index: z.number().int().positive().optional(),
	up: z.boolean().default(true),
	plugged: z.boolean().default(true),
	mtu: z.number().int().positive().optional(),
});

const route = z.strictObject({
	to: z.union([z.literal('default'), cidr]),
	via: ip.optional(),
	dev: z.string().optional(),
	/** Routing table number (policy routing); the main table when omitted. */
	table: z.number().int().min(1).max(252).optional(),
});

/** `ip rule add from ADDR[/LEN] table N`. */
const rule = z.strictObject({
	from: cidr,
	table: z.number().int().min(1).max(252),
	priority: z.number().int().min(1).max(32765).optional(),
});

const file = z.union([
	z.string(),
	z.strictObject({
		content: z.string(),
		/** Octal mode as a string, e.g. "600". */
		mode: z.string().regex(/^[0-7]{3,4}$/).optional(),
	}),
]);

const distro = z.enum(['debian', 'redhat']);

const hardware = z.strictObject({
	cpu: z.string().default('Pentium III'),
	mhz: z.number().positive().default(550),
	memory: z.number().positive().default(64),
	cpus: z.number().int().positive().default(1),
});

export const hostSchema = z.strictObject({
	role: z.enum(['director', 'realserver', 'client', 'router', 'node']),
	/** `uname -r`; 2.4/2.6-era releases switch on the period's IPVS behaviour. */
	kernel: z.string().default('6.1.0-18-686'),
	hardware: hardware.default({cpu: 'Pentium III', mhz: 550, memory: 64, cpus: 1}),
	/** The kernel has IP Virtual Server (ip_vs) available. */
	ipvs: z.boolean().default(false),
	interfaces: z.record(z.string().regex(/^[a-z][a-z0-9]*$/), iface).default({}),
	gateway: ip.optional(),
	routes: z.array(route).default([]),
	rules: z.array(rule).default([]),
	sysctl: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
	files: z.record(z.string().regex(/^\//, 'file paths must be absolute'), file).default({}),
	/** Init scripts started at boot, in order (e.g. apache2, heartbeat). */
	boot: z.array(z.string()).default([]),
	/** Free-form settings for feature modules (http, openmosix, …), checked by each feature. */
	settings: z.record(z.string(), z.unknown()).default({}),
	/** Distribution installed; the scenario's `distro` when omitted. */
	distro: distro.optional(),
});

export const scenarioSchema = z.strictObject({
	name: z.string().regex(/^[a-z0-9-]+$/),
	title: z.string(),
	description: z.string().optional(),
	/** The title and description in other languages of the lab (`es:`), for the home screen and `cluster-lab scenarios`. */
	translations: z.record(z.enum(['es']), z.strictObject({title: z.string(), description: z.string().optional()})).optional(),
	/** Wall-clock date at virtual time 0 (ISO 8601, UTC). */
	date: z.string().refine((s) => !Number.isNaN(Date.parse(s)), {message: 'expected an ISO date such as 2007-06-14T10:00:00Z'}).default('2007-06-14T10:00:00Z'),
	start: hostName,
	client: hostName.optional(),
	segments: z.record(z.string(), z.strictObject({kind: z.enum(['switch', 'hub', 'crossover'])})).default({lan: {kind: 'switch'}}),
	hosts: z.record(hostName, hostSchema),
	/** Cluster-wide settings for feature modules. */
	settings: z.record(z.string(), z.unknown()).default({}),
	/** Distribution of every host that names none: Debian (Sarge up to kernel 2.6.16, the systemd era after) or Red Hat Linux 8.0. */
	distro: distro.default('debian'),
});

export type ScenarioConfig = z.output<typeof scenarioSchema>;
export type HostConfig = z.output<typeof hostSchema>;
