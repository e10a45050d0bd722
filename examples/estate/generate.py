#!/usr/bin/env python3
"""Generates Skylift's bundled sample estate: inventory.yaml, flows.csv.gz and affinity.yaml.

Run it from anywhere (Python 3.8+, standard library only); it writes next to itself:

    python3 examples/estate/generate.py            # rewrite the three files
    python3 examples/estate/generate.py --check    # regenerate in memory, fail if a file differs

The output is byte-identical on every run: one seeded random generator (SEED), a fixed day
(DAY, a Tuesday, UTC), gzip written with mtime 0 and no file name, dictionaries walked in
insertion order, numbers formatted explicitly.

The model
---------
A private cluster of 8 nodes (48 cores, 384 GiB each) runs 82 VMs:

* four three-tier applications -- shop (the public web shop), crm, hr and billing -- each with
  load balancers, web servers, application servers and a database primary with a replica;
* a microservice application, "market": two API gateways, eleven services (some with two
  replicas) that call each other, a Redis cache pair and a three-node message queue; its
  internal traffic runs over IPv6 (every market VM is dual-stack);
* a data pipeline: ingest nodes receive partner feeds from outside, publish to a Kafka-like
  queue, workers consume and load a two-node warehouse, and a BI server queries it;
* shared services: two DNS servers (every VM asks them), two LDAP directory servers (every
  application server and the bastion authenticate against them), a monitoring server that
  scrapes every VM, a log collector every VM ships to, two backup servers that pull from every
  VM at night, and a bastion host operators log in through.

VMs are placed on nodes round-robin per tier with an offset per application, so replicas of a
tier never share a node (anti-affinity), and every node stays under its memory.

Traffic is a list of edges (client VM, server VM, port, protocol, peak rate in bytes/s, request
share, daily pattern). Each edge produces, per time bucket, one record per direction (request
and response) in our flow CSV: start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets.
Application edges are aggregated over 5-minute buckets, background edges (DNS, LDAP, monitoring,
logs) over 30-minute buckets, backups over the one night-time bucket in which they run.
Rates follow a daily pattern:

* ``business``: office hours (CRM, HR, billing, BI), peak 09:00-17:00 UTC, quiet at night;
* ``consumer``: the web shop and the market, a morning rise and an evening peak 18:00-22:00;
* ``batch``: the pipeline's nightly load, 01:00-05:00, plus a steady trickle during the day;
* ``flat``: monitoring, logging, DNS, replication.

Each bucket's bytes are the peak rate times the pattern's level times a log-normal jitter; the
packet count follows from a typical packet size per edge kind. Source ports of the client side
are ephemeral (32768-60999) and change per bucket. The weights make heavy pairs (database
replication, app-to-database, queue-to-worker) carry a thousand times the light ones (DNS).

There is also some traffic the inventory does not explain, as a real day has:

* external clients (documentation ranges 198.51.100.0/24, 203.0.113.0/24) reaching the load
  balancers and gateways, partner feeds into the pipeline and an offsite backup copy;
* a few unmapped internal addresses: a decommissioned VM still asking DNS, an unknown host
  scanning the monitoring port, and a printer subnet talking to LDAP.

The affinity file holds the operator's knowledge the flows cannot show: application groups,
a pair that talks only at month end, the shared services and how to treat them, and a few
precedence hints. See README.md in this folder.
"""

import gzip
import io
import math
import os
import random
import sys
from datetime import datetime, timedelta, timezone

SEED = 20261124
DAY = datetime(2026, 11, 24, tzinfo=timezone.utc)
HERE = os.path.dirname(os.path.abspath(__file__))

NODES = [("node-%d" % i, 48, 393216) for i in range(1, 9)]

# ---------------------------------------------------------------------------------------------
# VMs: (app, tier, count, memory MiB range, disk GiB range, dirty MiB/s range, criticality, tags)
# ---------------------------------------------------------------------------------------------
GiB = 1024
TIERS = {
    "lb": ((2 * GiB, 2 * GiB), (10, 20), (0.5, 2.0)),
    "web": ((4 * GiB, 8 * GiB), (20, 40), (2.0, 10.0)),
    "app": ((8 * GiB, 16 * GiB), (40, 80), (8.0, 25.0)),
    "db": ((32 * GiB, 64 * GiB), (500, 1500), (40.0, 120.0)),
    "gateway": ((4 * GiB, 4 * GiB), (20, 20), (3.0, 6.0)),
    "service": ((2 * GiB, 8 * GiB), (10, 40), (2.0, 15.0)),
    "cache": ((16 * GiB, 16 * GiB), (20, 20), (60.0, 90.0)),
    "queue": ((16 * GiB, 16 * GiB), (200, 500), (30.0, 50.0)),
    "ingest": ((8 * GiB, 8 * GiB), (100, 200), (10.0, 20.0)),
    "worker": ((16 * GiB, 16 * GiB), (50, 100), (15.0, 30.0)),
    "warehouse": ((64 * GiB, 64 * GiB), (1500, 2000), (20.0, 40.0)),
    "bi": ((16 * GiB, 16 * GiB), (100, 100), (5.0, 8.0)),
    "dns": ((1 * GiB, 1 * GiB), (10, 10), (0.2, 0.5)),
    "ldap": ((4 * GiB, 4 * GiB), (20, 30), (1.0, 2.0)),
    "monitoring": ((16 * GiB, 16 * GiB), (500, 500), (10.0, 15.0)),
    "logs": ((16 * GiB, 16 * GiB), (800, 800), (12.0, 18.0)),
    "backup": ((8 * GiB, 8 * GiB), (2000, 2000), (5.0, 10.0)),
    "bastion": ((1 * GiB, 1 * GiB), (10, 10), (0.2, 0.5)),
}

# app -> subnet third octet, list of (vm name prefix, tier, count, criticality)
APPS = {
    "shared": (0, [("dns", "dns", 2, "critical"), ("ldap", "ldap", 2, "critical"),
                   ("mon", "monitoring", 1, "high"), ("logs", "logs", 1, "medium"),
                   ("backup", "backup", 2, "medium"), ("bastion", "bastion", 1, "medium")]),
    "shop": (1, [("shop-lb", "lb", 2, "critical"), ("shop-web", "web", 4, "critical"),
                 ("shop-app", "app", 4, "critical"), ("shop-db", "db", 2, "critical")]),
    "crm": (2, [("crm-lb", "lb", 1, "high"), ("crm-web", "web", 3, "high"),
                ("crm-app", "app", 3, "high"), ("crm-db", "db", 2, "high")]),
    "hr": (3, [("hr-lb", "lb", 1, "medium"), ("hr-web", "web", 2, "medium"),
               ("hr-app", "app", 2, "medium"), ("hr-db", "db", 1, "medium")]),
    "billing": (4, [("billing-lb", "lb", 1, "high"), ("billing-web", "web", 2, "high"),
                    ("billing-app", "app", 3, "high"), ("billing-db", "db", 2, "critical")]),
    "market": (5, [("market-gw", "gateway", 2, "critical"),
                   ("market-auth", "service", 2, "critical"), ("market-catalog", "service", 2, "high"),
                   ("market-cart", "service", 1, "high"), ("market-orders", "service", 2, "critical"),
                   ("market-payments", "service", 2, "critical"), ("market-inventory", "service", 1, "high"),
                   ("market-shipping", "service", 1, "medium"), ("market-search", "service", 2, "high"),
                   ("market-recommend", "service", 1, "low"), ("market-notify", "service", 1, "low"),
                   ("market-users", "service", 1, "high"),
                   ("market-cache", "cache", 2, "high"), ("market-queue", "queue", 3, "critical")]),
    "pipeline": (6, [("pipe-ingest", "ingest", 3, "medium"), ("pipe-queue", "queue", 3, "medium"),
                     ("pipe-worker", "worker", 6, "low"), ("pipe-warehouse", "warehouse", 2, "high"),
                     ("pipe-bi", "bi", 1, "medium")]),
}


def build_vms(rng):
    """The VMs in a fixed order, with addresses, sizes and node placement."""
    vms = []
    used = {name: 0 for name, _, _ in NODES}
    app_index = 0
    for app, (octet, groups) in APPS.items():
        host_number = 10
        tier_index = 0
        for prefix, tier, count, criticality in groups:
            (mem_lo, mem_hi), (disk_lo, disk_hi), (dirty_lo, dirty_hi) = TIERS[tier]
            for i in range(1, count + 1):
                name = "%s-%d" % (prefix, i)
                ips = ["10.20.%d.%d" % (octet, host_number)]
                if app == "market":
                    ips.append("fd00:20:5::%x" % host_number)
                memory = mem_lo if mem_lo == mem_hi else rng.choice(
                    [m for m in (2, 4, 8, 12, 16, 24, 32, 48, 64) if mem_lo <= m * GiB <= mem_hi]) * GiB
                disk = disk_lo if disk_lo == disk_hi else int(round(rng.uniform(disk_lo, disk_hi) / 10.0)) * 10
                dirty = round(rng.uniform(dirty_lo, dirty_hi), 1)
                # Round-robin per tier, offset per application and tier: replicas on different nodes.
                start = (app_index * 3 + tier_index * 2) % len(NODES)
                node = None
                for k in range(len(NODES)):
                    candidate = NODES[(start + i - 1 + k) % len(NODES)]
                    if used[candidate[0]] + memory <= candidate[2] * 0.8:
                        node = candidate[0]
                        break
                used[node] += memory
                vms.append({
                    "name": name, "ips": ips, "host": node, "memory_mib": memory, "disk_gib": disk,
                    "dirty_mib_s": dirty, "tags": [app, tier], "criticality": criticality,
                    "labels": {"app": app, "tier": tier},
                })
                host_number += 1
            tier_index += 1
        app_index += 1
    return vms


# ---------------------------------------------------------------------------------------------
# Traffic
# ---------------------------------------------------------------------------------------------
def level(pattern, hour):
    """Traffic level 0..1 of a daily pattern at a fractional UTC hour."""
    def bump(center, width):
        d = min(abs(hour - center), 24 - abs(hour - center))
        return math.exp(-(d / width) ** 2)
    if pattern == "business":
        return 0.04 + 0.96 * (1 / (1 + math.exp(-(hour - 8.5) * 2.5))) * (1 / (1 + math.exp((hour - 17.5) * 2.5)))
    if pattern == "consumer":
        return 0.08 + 0.45 * bump(11, 3) + 0.85 * bump(20, 2.2)
    if pattern == "batch":
        return 0.05 + 0.95 * (1 / (1 + math.exp(-(hour - 1) * 4))) * (1 / (1 + math.exp((hour - 5) * 4)))
    return 1.0  # flat


class Edge:
    """Client talks to server on port/protocol; peak bytes/s in both directions together."""

    def __init__(self, client, server, port, protocol, peak, request_share, pattern, bucket_min,
                 packet_size, kind):
        self.client, self.server, self.port, self.protocol = client, server, port, protocol
        self.peak, self.request_share, self.pattern = peak, request_share, pattern
        self.bucket_min, self.packet_size, self.kind = bucket_min, packet_size, kind


def names(vms, prefix):
    return [vm["name"] for vm in vms if vm["name"].rsplit("-", 1)[0] == prefix]


def build_edges(vms, rng):
    by_app = {}
    for vm in vms:
        by_app.setdefault(vm["labels"]["app"], []).append(vm["name"])
    edges = []

    def add(clients, servers, port, protocol, peak, share, pattern, bucket=5, size=900, kind="app", fan="all"):
        pairs = [(c, s) for c in clients for s in servers if c != s]
        if fan == "one":  # each client to one server, spread evenly
            pairs = [(c, servers[i % len(servers)]) for i, c in enumerate(clients)]
        for c, s in pairs:
            jitter = rng.uniform(0.7, 1.3)
            edges.append(Edge(c, s, port, protocol, peak * jitter / len(pairs), share, pattern, bucket, size, kind))

    # Three-tier applications: peak bytes/s of the whole tier-to-tier exchange.
    three_tier = {"shop": ("consumer", 6.0e6), "crm": ("business", 1.5e6), "hr": ("business", 2.5e5),
                  "billing": ("business", 8.0e5)}
    for app, (pattern, peak) in three_tier.items():
        lbs, webs = names(vms, app + "-lb"), names(vms, app + "-web")
        apps, dbs = names(vms, app + "-app"), names(vms, app + "-db")
        add(lbs, webs, 443, 6, peak, 0.08, pattern, size=1100)
        add(webs, apps, 8080, 6, peak * 0.6, 0.15, pattern, size=900)
        add(apps, dbs[:1], 5432, 6, peak * 0.9, 0.12, pattern, size=1000)
        add(dbs[:1], dbs[1:], 5432, 6, peak * 0.5 + 3.0e5, 0.97, "flat", size=1400, kind="replication")
    # Cross-application calls.
    add(names(vms, "billing-app"), names(vms, "crm-app"), 8443, 6, 1.2e5, 0.3, "business")
    add(names(vms, "shop-app"), names(vms, "billing-app"), 8443, 6, 2.0e5, 0.4, "consumer", fan="one")
    add(names(vms, "hr-app"), names(vms, "billing-app")[:1], 8443, 6, 2.0e4, 0.5, "business")
    add(names(vms, "shop-app"), names(vms, "market-orders"), 8443, 6, 1.5e5, 0.5, "consumer", fan="one")

    # The market: gateways call the front services, services call each other, cache and queue.
    gw = names(vms, "market-gw")
    svc = lambda s: names(vms, "market-" + s)
    front = ["auth", "catalog", "cart", "orders", "search", "users", "recommend"]
    for s, weight in zip(front, [0.6, 1.6, 0.8, 1.0, 1.2, 0.4, 0.5]):
        add(gw, svc(s), 8080, 6, 2.0e6 * weight, 0.2, "consumer", size=800)
    calls = [("cart", "catalog", 0.4), ("cart", "inventory", 0.3), ("orders", "payments", 0.5),
             ("orders", "inventory", 0.3), ("orders", "shipping", 0.25), ("orders", "users", 0.2),
             ("orders", "notify", 0.1), ("search", "catalog", 0.8), ("recommend", "catalog", 0.5),
             ("recommend", "users", 0.2), ("payments", "users", 0.1), ("shipping", "notify", 0.08)]
    for a, b, weight in calls:
        add(svc(a), svc(b), 8080, 6, 1.0e6 * weight, 0.35, "consumer", size=700)
    for s in ["catalog", "cart", "auth", "search", "recommend", "users"]:
        add(svc(s), svc("cache"), 6379, 6, 9.0e5, 0.3, "consumer", size=400, fan="one")
    for s in ["orders", "payments", "notify", "shipping", "inventory"]:
        add(svc(s), svc("queue"), 9092, 6, 6.0e5, 0.8, "consumer", size=1000)
    add(svc("cache")[:1], svc("cache")[1:], 6379, 6, 1.5e6, 0.98, "flat", size=1400, kind="replication")
    queues = svc("queue")
    for i, q in enumerate(queues):
        add([q], queues[i + 1:], 9093, 6, 1.2e6, 0.5, "consumer", size=1400, kind="replication")

    # The data pipeline.
    ingest, pq = names(vms, "pipe-ingest"), names(vms, "pipe-queue")
    workers, wh, bi = names(vms, "pipe-worker"), names(vms, "pipe-warehouse"), names(vms, "pipe-bi")
    add(ingest, pq, 9092, 6, 1.2e7, 0.97, "batch", size=1400)
    add(workers, pq, 9092, 6, 1.2e7, 0.03, "batch", size=1400)
    add(workers, wh, 5432, 6, 1.5e7, 0.95, "batch", size=1400)
    add(wh[:1], wh[1:], 5432, 6, 8.0e6, 0.97, "batch", size=1400, kind="replication")
    add(bi, wh, 5432, 6, 3.0e6, 0.05, "business", size=1300)
    for i, q in enumerate(pq):
        add([q], pq[i + 1:], 9093, 6, 6.0e6, 0.5, "batch", size=1400, kind="replication")
    add(names(vms, "pipe-worker")[:2], names(vms, "billing-db")[1:], 5432, 6, 2.0e6, 0.05, "batch", size=1300)
    add(names(vms, "pipe-worker")[2:4], names(vms, "shop-db")[1:], 5432, 6, 3.0e6, 0.05, "batch", size=1300)

    # Shared services: everyone uses them. Light pairs, 30-minute buckets.
    everyone = [vm["name"] for vm in vms]
    dns = names(vms, "dns")
    for i, vm in enumerate(everyone):
        if vm not in dns:
            add([vm], [dns[i % 2]], 53, 17, rng.uniform(40, 400), 0.45, "flat", bucket=30, size=110, kind="dns")
    add(dns[:1], dns[1:], 53, 6, 300, 0.5, "flat", bucket=30, size=600, kind="dns")
    ldap_clients = [v for v in everyone if v.rsplit("-", 1)[0].endswith(("-app", "-web")) or v.startswith(
        ("bastion", "market-auth", "market-users", "pipe-bi", "mon", "backup"))]
    ldap = names(vms, "ldap")
    for i, vm in enumerate(ldap_clients):
        add([vm], [ldap[i % 2]], 636, 6, rng.uniform(200, 2500), 0.3, "business", bucket=30, size=300, kind="ldap")
    add(ldap[:1], ldap[1:], 636, 6, 2000, 0.5, "flat", bucket=30, size=600, kind="ldap")
    mon, logs = names(vms, "mon"), names(vms, "logs")
    for vm in everyone:
        if vm not in mon:
            add(mon, [vm], 9100, 6, rng.uniform(3000, 9000), 0.05, "flat", bucket=30, size=1200, kind="monitoring")
        if vm not in logs:
            add([vm], logs, 514, 6, rng.uniform(2000, 30000), 0.97, "flat", bucket=30, size=1000, kind="logs")
    backups = names(vms, "backup")
    for i, vm in enumerate(everyone):
        if vm not in backups:
            disk = next(v["disk_gib"] for v in vms if v["name"] == vm)
            # An incremental of about 2 % of the disk, pulled in one night-time hour.
            nightly = disk * 1024 ** 3 * 0.02
            add([backups[i % 2]], [vm], 10000 + (i % 2), 6, nightly / 3600.0, 0.02, "backup", bucket=60,
                size=1400, kind="backup")
    add(names(vms, "bastion"), [v for v in everyone if v.endswith(("-app-1", "-db-1"))], 22, 6, 4000, 0.3,
        "business", bucket=30, size=200, kind="admin")
    return edges


EXTERNAL = [
    # (external address, estate VM, port, protocol, peak bytes/s, request share, pattern, direction)
    ("203.0.113.%d", "shop-lb", 443, 6, 4.0e6, 0.06, "consumer", "in", 24),
    ("198.51.100.%d", "market-gw", 443, 6, 3.0e6, 0.08, "consumer", "in", 16),
    ("198.51.100.%d", "crm-lb", 443, 6, 5.0e5, 0.1, "business", "in", 6),
    ("203.0.113.%d", "pipe-ingest", 22, 6, 6.0e6, 0.98, "batch", "in", 3),
    ("198.51.100.%d", "backup", 873, 6, 4.0e6, 0.98, "batch", "out", 1),
]

UNMAPPED = [
    # (client, server address or VM, port, protocol, peak bytes/s, pattern): not in the inventory
    ("10.20.2.99", "dns-1", 53, 17, 150, "flat"),          # a decommissioned CRM VM still resolving
    ("10.20.9.7", "mon-1", 9100, 6, 60, "flat"),           # an unknown host probing the exporter port
    ("192.168.40.21", "ldap-2", 389, 6, 90, "business"),   # the printers' subnet asking LDAP
    ("192.168.40.22", "ldap-2", 389, 6, 70, "business"),
]


def bucket_records(rng, start, minutes, client_ip, server_ip, port, protocol, peak, share, pattern,
                   size, out, sparse=1.0):
    """Appends the request and response records of one bucket (if any traffic)."""
    hour = (start - DAY).total_seconds() / 3600.0 + minutes / 120.0
    if pattern == "backup":
        lvl = 1.0
    else:
        lvl = level(pattern, hour)
    if rng.random() > sparse:
        return
    total = peak * lvl * minutes * 60 * rng.lognormvariate(0, 0.25)
    if total < 64:
        return
    request = max(40, int(total * share))
    response = max(40, int(total * (1 - share)))
    begin = start + timedelta(seconds=rng.randint(0, 20))
    end = start + timedelta(minutes=minutes) - timedelta(seconds=rng.randint(1, 20))
    client_port = rng.randint(32768, 60999) if protocol in (6, 17) else 0
    req_packets = max(1, int(request / min(size, 300 if share < 0.5 else size)))
    resp_packets = max(1, int(response / (size if share < 0.5 else 120)))
    out.append((begin, end, client_ip, client_port, server_ip, port, protocol, request, req_packets))
    out.append((begin, end, server_ip, port, client_ip, client_port, protocol, response, resp_packets))


def build_flows(vms, edges, rng):
    address = {vm["name"]: vm["ips"] for vm in vms}

    def ip(vm, peer):
        # The market speaks IPv6 inside itself, IPv4 to everything else.
        if len(address[vm]) > 1 and peer is not None and len(address[peer]) > 1:
            return address[vm][1]
        return address[vm][0]

    rows = []
    for e in edges:
        if e.pattern == "backup":
            # Each VM's backup runs in one hour between 00:00 and 04:00.
            slot = DAY + timedelta(minutes=60 * rng.randint(0, 3) + rng.choice([0, 15, 30]))
            bucket_records(rng, slot, e.bucket_min, ip(e.client, e.server), ip(e.server, e.client), e.port,
                           e.protocol, e.peak, e.request_share, "backup", e.packet_size, rows)
            continue
        t = DAY
        while t < DAY + timedelta(days=1):
            bucket_records(rng, t, e.bucket_min, ip(e.client, e.server), ip(e.server, e.client), e.port,
                           e.protocol, e.peak, e.request_share, e.pattern, e.packet_size, rows)
            t += timedelta(minutes=e.bucket_min)
    n = 0
    for pattern_ip, prefix, port, protocol, peak, share, pattern, direction, clients in EXTERNAL:
        targets = [vm["name"] for vm in vms if vm["name"].rsplit("-", 1)[0] == prefix]
        for c in range(clients):
            outside = pattern_ip % (10 + c + n)
            for target in targets:
                t = DAY
                while t < DAY + timedelta(days=1):
                    server, client = address[target][0], outside
                    if direction == "out":
                        client, server = server, outside
                    bucket_records(rng, t, 15, client, server, port, protocol, peak / clients / len(targets),
                                   share, pattern, 1200, rows, sparse=0.6)
                    t += timedelta(minutes=15)
        n += clients
    for client, server, port, protocol, peak, pattern in UNMAPPED:
        server_ip = address[server][0] if server in address else server
        t = DAY
        while t < DAY + timedelta(days=1):
            bucket_records(rng, t, 30, client, server_ip, port, protocol, peak, 0.4, pattern, 200, rows, sparse=0.5)
            t += timedelta(minutes=30)
    rows.sort(key=lambda r: (r[0], r[2], r[3], r[4], r[5]))
    return rows


# ---------------------------------------------------------------------------------------------
# Writers
# ---------------------------------------------------------------------------------------------
def iso(t):
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def flows_csv_gz(rows):
    text = io.StringIO()
    text.write("start,end,src_ip,src_port,dst_ip,dst_port,protocol,bytes,packets\n")
    for begin, end, src, sport, dst, dport, proto, nbytes, packets in rows:
        text.write("%s,%s,%s,%d,%s,%d,%d,%d,%d\n" % (iso(begin), iso(end), src, sport, dst, dport, proto,
                                                     nbytes, packets))
    raw = io.BytesIO()
    with gzip.GzipFile(filename="", mode="wb", compresslevel=9, fileobj=raw, mtime=0) as gz:
        gz.write(text.getvalue().encode("ascii"))
    return raw.getvalue()


def inventory_yaml(vms):
    lines = ["# Skylift sample estate: 8 private nodes, %d VMs. Generated by generate.py; do not edit." % len(vms),
             "# Format: see the inventory section of the README (fields as agreed for issue 4).",
             "nodes:"]
    for name, cpus, memory in NODES:
        lines += ["  - name: %s" % name, "    cpus: %d" % cpus, "    memory_mib: %d" % memory]
    lines.append("vms:")
    for vm in vms:
        ips = ", ".join('"%s"' % a if ":" in a else a for a in vm["ips"])
        lines += [
            "  - name: %s" % vm["name"],
            "    ips: [%s]" % ips,
            "    host: %s" % vm["host"],
            "    memory_mib: %d" % vm["memory_mib"],
            "    disk_gib: %d" % vm["disk_gib"],
            "    dirty_mib_s: %.1f" % vm["dirty_mib_s"],
            "    tags: [%s]" % ", ".join(vm["tags"]),
            "    criticality: %s" % vm["criticality"],
            "    labels: {app: %s, tier: %s}" % (vm["labels"]["app"], vm["labels"]["tier"]),
        ]
    return ("\n".join(lines) + "\n").encode("ascii")


def affinity_yaml(vms):
    def group(app, extra=()):
        return [vm["name"] for vm in vms if vm["labels"]["app"] == app] + list(extra)

    def flow(items):
        return "[" + ", ".join(items) + "]"

    gib_day = 1024 ** 3
    lines = [
        "# Skylift sample estate: the operator's affinity rules. Generated by generate.py; do not edit.",
        "# The format is AffinityReader's. weight: bytes per day, the unit of the flow graph's edges, so",
        "# rules and flows add up; a group's weight is given to every pair of its members.",
        "groups:",
    ]
    for app, weight, why in [
        ("shop", 40, "the web shop moves as one; its tiers call each other on every request"),
        ("crm", 10, "CRM, office hours"),
        ("hr", 2, "HR, small and quiet"),
        ("billing", 8, "billing, including the month-end run the sample day does not show"),
        ("market", 60, "the microservice market - gateways, services, cache and queue"),
        ("pipeline", 200, "the nightly data pipeline, heavy but batch"),
    ]:
        members = group(app)
        pairs = len(members) * (len(members) - 1) // 2
        lines += ["  # %s (%d GiB a day over its %d pairs)" % (why, weight, pairs),
                  "  - name: %s" % app, "    weight: %d" % (weight * gib_day // pairs),
                  "    vms: %s" % flow(members)]
    lines += [
        "pairs:",
        "  # month-end reconciliation reads the CRM database directly (not in the sample day)",
        "  - vms: [billing-app-1, crm-db-1]",
        "    weight: %d" % (50 * gib_day),
        "  # quarterly order export, runs from a worker",
        "  - vms: [pipe-worker-5, market-orders-1]",
        "    weight: %d" % (5 * gib_day),
        "# The operator's decision per shared service: order (like any VM) | first (move before the rest)",
        "# | last | exclude (replicated on both sides, kept out of the objective). Without a decision",
        "# Skylift reports hubs and decides nothing.",
        "hubs:",
        "  dns-1: exclude     # DNS will run on both sides during the move",
        "  dns-2: exclude",
        "  ldap-1: first      # the directory is replicated to the cloud first; everything authenticates against it",
        "  ldap-2: first",
        "  mon-1: last        # keep watching the private side until it is empty",
        "  logs-1: last",
        "  backup-1: exclude  # backups are re-pointed per VM after its cutover",
        "  backup-2: exclude",
        "# Producers must find the queue on the side they move to: every queue VM before every producer.",
        "before:",
    ]
    for queue in ["market-queue-1", "market-queue-2", "market-queue-3"]:
        for producer in ["market-orders-1", "market-orders-2", "market-payments-1", "market-payments-2"]:
            lines.append("  - [%s, %s]" % (queue, producer))
    lines += [
        "together:",
        "  - [shop-db-1, shop-db-2]                # primary and replica are cut over in one wave",
        "  - [pipe-warehouse-1, pipe-warehouse-2]  # the warehouse cluster cannot be split",
    ]
    return ("\n".join(lines) + "\n").encode("ascii")


def generate():
    rng = random.Random(SEED)
    vms = build_vms(rng)
    edges = build_edges(vms, rng)
    rows = build_flows(vms, edges, rng)
    return {
        "inventory.yaml": inventory_yaml(vms),
        "flows.csv.gz": flows_csv_gz(rows),
        "affinity.yaml": affinity_yaml(vms),
    }, vms, edges, rows


def main(argv):
    files, vms, edges, rows = generate()
    check = "--check" in argv
    differ = []
    for name, data in files.items():
        path = os.path.join(HERE, name)
        if check:
            with open(path, "rb") as f:
                if f.read() != data:
                    differ.append(name)
        else:
            with open(path, "wb") as f:
                f.write(data)
    pairs = {tuple(sorted((e.client, e.server))) for e in edges}
    total = sum(r[7] for r in rows)
    print("estate: %d VMs on %d nodes, %d communicating pairs, %d flow records, %.1f GiB in the day; "
          "flows.csv.gz %d bytes" % (len(vms), len(NODES), len(pairs), len(rows), total / 1024 ** 3,
                                     len(files["flows.csv.gz"])))
    if differ:
        print("differs from the generator: " + ", ".join(differ), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
