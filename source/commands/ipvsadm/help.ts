import {HELP_SCHEDULERS} from './options';

/** The version line ipvsadm prints for -v and atop its help. */
export function version(): string {
	return 'ipvsadm v1.31 2019/12/24 (compiled with popt and IPVS v1.2.1)\n';
}

/** A summary of the command line for -h, in the lab's own words. */
export function usage(program: string): string {
	return `Usage:
  ${program} -A|-E SERVICE [-s SCHED] [-p [SECONDS]] [-M MASK] [--pe ENGINE] [-b FLAGS]
  ${program} -D SERVICE
  ${program} -C
  ${program} -R < RULES
  ${program} -S [-n]
  ${program} -a|-e SERVICE -r SERVER[:PORT] [-g|-i|-m] [-w WEIGHT] [-x UPPER] [-y LOWER]
  ${program} -d SERVICE -r SERVER[:PORT]
  ${program} -L|-l [SERVICE] [-n] [-c|--timeout|--daemon] [--stats|--rate|--thresholds|--persistent-conn] [--exact] [--nosort]
  ${program} -Z [SERVICE]
  ${program} --set TCP TCPFIN UDP
  ${program} --start-daemon master|backup [--mcast-interface IF] [--syncid ID]
  ${program} --stop-daemon master|backup
  ${program} -h | -v

A SERVICE is one of:
  -t ADDRESS[:PORT]        a TCP virtual service (port 0 needs -p)
  -u ADDRESS[:PORT]        a UDP virtual service
  --sctp-service ADDRESS[:PORT]
  -f MARK                  packets carrying this firewall mark (add -6 after it for IPv6)

Changing the table:
  -A  add a virtual service          -E  replace all its settings (unset ones go back to defaults)
  -D  remove a virtual service       -C  remove every virtual service
  -a  add a real server              -e  change a real server       -d  remove a real server
  -Z  reset the packet and byte counters
  -R  run ipvsadm commands read from standard input, one per line
  -S  print the table as commands that -R accepts

Service settings:
  -s SCHED     scheduler: ${HELP_SCHEDULERS} (wlc when omitted)
  -p [SECONDS] keep each client on one real server (360 s when no value is given)
  -M MASK      clients sharing this network mask count as one for -p (255.255.255.255)
  -o           schedule each UDP datagram on its own (UDP and fwmark services)
  --pe sip     persistence engine
  -b FLAGS     scheduler flags, comma-separated (sh-fallback, sh-port, mh-fallback, mh-port, flag-1..3)

Real server settings:
  -r SERVER[:PORT]  where to send the traffic; direct routing and tunnelling keep the service port
  -g  direct routing (the default)   -i  IP-in-IP tunnel   -m  NAT (masquerading)
  -w WEIGHT    relative capacity (1 when omitted; 0 takes it out of new scheduling)
  -x, -y       upper and lower connection thresholds (0 means none)
  --tun-type ipip|gue|gre, --tun-port PORT, --tun-nocsum|--tun-csum|--tun-remcsum  for -i

Listing:
  -n           numbers instead of host and service names
  -c           the connection table        --timeout  the TCP, TCP FIN and UDP timeouts
  --daemon     the sync daemons             --stats, --rate  counters and rates (--exact: full numbers)
  --thresholds, --persistent-conn, --tun-info  other columns     --nosort  the kernel's own order

Sync daemon settings (--start-daemon):
  --mcast-interface IF (eth0), --syncid 0-255 (0), --sync-maxlen BYTES,
  --mcast-group ADDRESS (224.0.0.81), --mcast-port PORT (8848), --mcast-ttl TTL (1)
`;
}
