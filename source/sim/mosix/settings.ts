// A namespace import keeps the bundle to the parts of zod in use (`import {z}` pulls in every locale, ~350 KB).
import * as z from 'zod';
import type {ScenarioConfig} from '../../scenario/schema';

/**
 * Scenario settings of the openMosix feature.
 *
 * Cluster-wide, under the scenario's `settings.openmosix`:
 *   migshm: true        the MigShm DSM patch (shared-memory processes may migrate)
 *   stabFactor, infoInterval, window, minResidency, deadAfter: balancer tuning
 *
 * Per host, under `hosts.NAME.settings.openmosix` (its presence means the
 * kernel has openMosix; `/proc/hpc` exists):
 *   speed: 12800        openMosix speed (default: from the hardware)
 *   lock: 1             the login shell's lock (children inherit it)
 */
export const clusterSettingsSchema = z.strictObject({
	migshm: z.boolean().default(false),
	/** Fictive extra load added to a target so processes do not ping-pong (Kerrighed/MOSIX: 130%). */
	stabFactor: z.number().min(1).max(5).default(1.3),
	/** Seconds between load measurements, gossip and balancing rounds. */
	infoInterval: z.number().positive().max(60).default(1),
	/** Entries of the load vector sent in each gossip message. */
	window: z.number().int().min(1).max(64).default(8),
	/** Seconds a process must have run on a node before the balancer moves it again. */
	minResidency: z.number().min(0).max(600).default(2),
	/** Seconds without news after which a node is considered dead. */
	deadAfter: z.number().positive().max(600).default(6),
});

export const hostSettingsSchema = z.strictObject({
	speed: z.number().int().min(1).max(1_000_000).optional(),
	lock: z.union([z.literal(0), z.literal(1)]).default(0),
});

/** One page Apache serves: CPU in yardstick seconds, file system calls, and the body. */
const pageSchema = z.strictObject({
	cpu: z.number().min(0).max(600),
	io: z.number().int().min(0).max(10_000_000).default(0),
	body: z.string().optional(),
});

/** Apache 2.0 prefork (Red Hat Linux 8.0's httpd) under `hosts.NAME.settings.httpd`. */
export const httpdSettingsSchema = z.strictObject({
	documentRoot: z.string().regex(/^\//).default('/var/www/html'),
	startServers: z.number().int().min(1).max(256).default(8),
	minSpareServers: z.number().int().min(1).max(256).default(5),
	maxSpareServers: z.number().int().min(1).max(256).default(20),
	maxClients: z.number().int().min(1).max(256).default(150),
	/** Pages with a cost model, by URL path (e.g. `/test.php`). */
	pages: z.record(z.string().regex(/^\//), pageSchema).default({}),
});

export type ClusterSettings = z.output<typeof clusterSettingsSchema>;
export type HostSettings = z.output<typeof hostSettingsSchema>;
export type HttpdSettings = z.output<typeof httpdSettingsSchema>;

type Problem = {path: Array<string | number>; message: string};

function check(schema: z.ZodType, value: unknown, prefix: Array<string | number>): Problem[] {
	const r = schema.safeParse(value);
	if (r.success) return [];
	return r.error.issues.map((i) => ({path: [...prefix, ...i.path.map((p) => (typeof p === 'symbol' ? String(p) : p))], message: i.message}));
}

/** Validates every openMosix and httpd setting of a scenario (errors name the key, hence the line). */
export function checkMosixSettings(config: ScenarioConfig): Problem[] {
	const problems: Problem[] = [];
	if ('openmosix' in config.settings) problems.push(...check(clusterSettingsSchema, config.settings.openmosix, ['settings', 'openmosix']));
	for (const [name, host] of Object.entries(config.hosts)) {
		if ('openmosix' in host.settings) problems.push(...check(hostSettingsSchema, host.settings.openmosix ?? {}, ['hosts', name, 'settings', 'openmosix']));
		if ('httpd' in host.settings) problems.push(...check(httpdSettingsSchema, host.settings.httpd ?? {}, ['hosts', name, 'settings', 'httpd']));
	}
	return problems;
}

export function parseClusterSettings(raw: unknown): ClusterSettings {
	return clusterSettingsSchema.parse(raw ?? {});
}

export function parseHostSettings(raw: unknown): HostSettings {
	return hostSettingsSchema.parse(raw ?? {});
}

export function parseHttpdSettings(raw: unknown): HttpdSettings {
	return httpdSettingsSchema.parse(raw ?? {});
}
