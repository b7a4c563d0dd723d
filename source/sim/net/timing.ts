import type {Micros} from '../time';

/**
 * Timing of a small switched 100 Mbit/s LAN of the period. A frame crosses one
 * hop (NIC, switch, NIC, kernel) in a fixed time plus its size on the wire, so a
 * ping between two PCs takes about 0.15 ms and a small web page under 1 ms.
 */
export const HOP_FIXED: Micros = 55;
/** Microseconds per byte at 100 Mbit/s. */
export const WIRE_US_PER_BYTE = 0.08;
/** An ARP request or reply (a minimum-size Ethernet frame). */
export const ARP_FRAME = 60;
/** Time a forwarding host (router, director) spends on one packet. */
export const FORWARD_COST: Micros = 8;

/** One-way time of a frame of `bytes` over one hop. */
export function hopDelay(bytes: number): Micros {
	return HOP_FIXED + Math.round(bytes * WIRE_US_PER_BYTE);
}

/**
 * IP packet sizes of a Linux TCP connection (20-byte IP header, 20-byte TCP
 * header plus 12 bytes of timestamps; the SYN carries 20 bytes of options).
 */
export const TCP_SYN = 60;
export const TCP_ACK = 52;
export const TCP_HEADER = 52;
/** Payload per segment on Ethernet with timestamps (1500 - 52). */
export const TCP_MSS = 1448;
export const ICMP_UNREACH = 56;
export const IPIP_OVERHEAD = 20;

/** Segments and bytes on the wire for a payload sent in one go. */
export function segmentsFor(payload: number): {packets: number; bytes: number} {
	const packets = Math.max(1, Math.ceil(payload / TCP_MSS));
	return {packets, bytes: payload + packets * TCP_HEADER};
}
