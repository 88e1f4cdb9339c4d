#!/usr/bin/env python3
"""What the cluster's one-activity throughput would be with each process on cores of its own, as the
number of history replicas grows: a discrete-event simulation of the closed loop the benchmark drives
(CONCURRENCY workflows in flight, a new one started as one finishes), fed with the CPU milliseconds per
workflow that scripts/bench-cluster.sh measured per component. See docs/adr/0033.

  scripts/cluster-scaling.py [--replicas=1,2,3,4,6,8] [--concurrency=32] [--cores=2] [--frontends=1]
                             [--brokers=1] [--workflows=20000]

The model, per workflow: the hops of one-activity in order (frontend, Kafka, history, matching, the
worker); each hop holds a core of its process for its share of that process's measured CPU per
workflow, and every Kafka record adds a fixed delay (linger and fetch wake-up) that holds no core.
A history hop goes to the replica that owns the workflow's partition (16 partitions, spread evenly);
the task queue's matching partition is one consumer thread, so its share of matching runs on one core
whatever matching has. Frontends are stateless and share the load; brokers share partitions.
"""
import heapq
import random
import sys

# CPU ms per one-activity workflow per component (scripts/bench-cluster.sh after ADR 33's changes,
# 2 shared cores, load 20-30 from other builds: an upper bound for processes with cores of their own).
DEMAND = {"frontend": 10.5, "history": 18.9, "matching": 7.8, "kafka": 10.9, "worker": 5.1}
# share of matching's CPU that runs on the task queue partition's one consumer thread (JFR: 20%)
MATCHING_SERIAL = 0.20
# one-activity's path, hop by hop; each visit takes an equal share of its component's demand.
PATH = (
    "frontend kafka history kafka frontend "  # start: frontend -> history -> reply
    "worker frontend kafka matching kafka history kafka matching kafka frontend worker "  # workflow task
    "frontend kafka history kafka kafka matching kafka frontend "  # completed: the activity task dispatched
    "worker frontend kafka matching kafka history kafka matching kafka frontend worker "  # activity task
    "frontend kafka history kafka kafka matching kafka frontend "  # activity completed: workflow task
    "worker frontend kafka matching kafka history kafka matching kafka frontend worker "  # workflow task
    "frontend kafka history kafka frontend "  # completed
    "frontend kafka history kafka frontend"  # the result
).split()
RECORD_DELAY_MS = 4.0  # linger (up to 5 ms) and the consumer's wake-up, per Kafka record
HISTORY_PARTITIONS = 16


VISITS = {component: PATH.count(component) for component in DEMAND}


class Station:
    """A process (or one thread of it): `servers` cores, first come first served."""

    def __init__(self, servers):
        self.free = servers
        self.queue = []

    def arrive(self, now, job, service, schedule):
        if self.free > 0:
            self.free -= 1
            schedule(now + service, job)
        else:
            self.queue.append((job, service))

    def depart(self, now, schedule):
        if self.queue:
            job, service = self.queue.pop(0)
            schedule(now + service, job)
        else:
            self.free += 1


def simulate(replicas, concurrency, cores, frontends, brokers, workflows, seed=1):
    rng = random.Random(seed)
    stations = {
        "frontend": Station(cores * frontends),
        "kafka": Station(cores * brokers),
        "matching": Station(cores),
        "matching-partition": Station(1),
        "worker": Station(cores * 4),  # workers scale out freely; never the bottleneck here
    }
    for r in range(replicas):
        stations[f"history-{r}"] = Station(cores)
    events = []
    seq = [0]

    def schedule(at, job):
        seq[0] += 1
        heapq.heappush(events, (at, seq[0], job))

    done = []
    started = [0]

    def new_job(now):
        started[0] += 1
        owner = rng.randrange(HISTORY_PARTITIONS) % replicas
        return {"step": -1, "station": None, "owner": owner, "start": now}

    def advance(now, job):
        if job["station"] is not None:
            stations[job["station"]].depart(now, schedule)
            job["station"] = None
        job["step"] += 1
        if job["step"] == len(PATH):
            done.append(now - job["start"])
            if started[0] < workflows:
                advance(now, new_job(now))
            return
        component = PATH[job["step"]]
        service = DEMAND[component] / VISITS[component] * rng.expovariate(1.0)
        if component == "kafka":
            # a record waits (no core) before the broker's work on it
            job["delay"] = RECORD_DELAY_MS
        name = component
        if component == "history":
            name = f"history-{job['owner']}"
        elif component == "matching":
            serial = service * MATCHING_SERIAL
            stations["matching-partition"].arrive(now, {"hold": job, "rest": service - serial}, serial, schedule)
            return
        job["station"] = name
        stations[name].arrive(now + job.pop("delay", 0.0), job, service, schedule)

    for _ in range(concurrency):
        advance(0.0, new_job(0.0))
    now = 0.0
    while events:
        now, _, job = heapq.heappop(events)
        if "hold" in job:  # the matching partition's thread is done: the rest runs on matching's cores
            stations["matching-partition"].depart(now, schedule)
            inner = job["hold"]
            inner["station"] = "matching"
            stations["matching"].arrive(now, inner, job["rest"], schedule)
        else:
            advance(now, job)
    warm = len(done) // 10
    elapsed = now / 1000
    latencies = sorted(done[warm:])
    return len(done) / elapsed, latencies[len(latencies) // 2]


def main():
    options = {"replicas": "1,2,3,4,6,8", "concurrency": "32", "cores": "2", "frontends": "1", "brokers": "1",
               "workflows": "20000"}
    for arg in sys.argv[1:]:
        key, _, value = arg.lstrip("-").partition("=")
        if key not in options:
            sys.exit(__doc__)
        options[key] = value
    print(f"cores per process={options['cores']} frontends={options['frontends']} brokers={options['brokers']} "
          f"concurrency={options['concurrency']}")
    for replicas in [int(r) for r in options["replicas"].split(",")]:
        rate, p50 = simulate(replicas, int(options["concurrency"]), int(options["cores"]), int(options["frontends"]),
                             int(options["brokers"]), int(options["workflows"]))
        print(f"history replicas={replicas:2d}  wf/s={rate:7.1f}  p50 ms={p50:6.1f}")


if __name__ == "__main__":
    main()
