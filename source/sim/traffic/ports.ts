import type {Ip} from '../net/ipv4';
import type {Rng} from '../rng';

/** Ephemeral ports (ip_local_port_range). */
const PORT_LOW = 32768;
const PORT_HIGH = 60999;

/**
 * Client ports: each client address hands them out in sequence from a random
 * start, as Linux does. The address asked last is kept out of the map, since
 * a run of connections usually comes from one address.
 */
export class EphemeralPorts {
	private readonly next = new Map<Ip, number>();
	private portIp = -1;
	private portNext = 0;

	constructor(private readonly rng: Rng) {}

	/** The next ephemeral port of a client address. */
	take(cip: Ip): number {
		if (cip !== this.portIp) {
			if (this.portIp >= 0) this.next.set(this.portIp, this.portNext);
			this.portIp = cip;
			this.portNext = this.next.get(cip) ?? PORT_LOW + this.rng.int(PORT_HIGH - PORT_LOW + 1);
		}
		const p = this.portNext;
		this.portNext = p >= PORT_HIGH ? PORT_LOW : p + 1;
		return p;
	}
}
