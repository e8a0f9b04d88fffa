package dev.repairscope.staleness;

import dev.repairscope.sim.Durations;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Where the replicas sit relative to the client. Each variant reduces to a list of client sites,
 * each with the extra one-way delay from that site to every replica; a write and a read each
 * enter at one site, chosen uniformly at random when there are several. The extra delay is added
 * to every leg (W, A, R, S) between that site's coordinators and the replica.
 */
public sealed interface Placement {

    /** {@code extra[site][replica]}: the extra one-way delay in microseconds. */
    long[][] extraDelays(int replicas);

    String describe();

    /** All replicas next to the client: the legs alone decide. */
    record SingleDatacenter() implements Placement {
        public long[][] extraDelays(int replicas) {
            return new long[1][replicas];
        }

        public String describe() {
            return "one datacenter";
        }
    }

    /**
     * One client site; replica i (n1, n2, ...) is {@code extraMicros.get(i)} further away, every
     * leg, e.g. {@code [0, 0, 40ms]} for a third replica in a remote datacenter.
     */
    record RemoteReplicas(List<Long> extraMicros) implements Placement {
        public RemoteReplicas {
            extraMicros = List.copyOf(extraMicros);
            if (extraMicros.stream().anyMatch(d -> d < 0)) {
                throw new IllegalArgumentException("an extra delay cannot be negative: " + extraMicros);
            }
        }

        public long[][] extraDelays(int replicas) {
            if (extraMicros.size() != replicas) {
                throw new IllegalArgumentException("one extra delay per replica: " + replicas + " replica(s), "
                        + extraMicros.size() + " delay(s) given");
            }
            long[][] extra = new long[1][replicas];
            for (int i = 0; i < replicas; i++) {
                extra[0][i] = extraMicros.get(i);
            }
            return extra;
        }

        public String describe() {
            return "extra delay per replica " + extraMicros.stream().map(Durations::format)
                    .collect(Collectors.joining(", ", "[", "]"));
        }
    }

    /**
     * The paper's WAN: every replica in its own datacenter, {@code remoteMicros} away from the others;
     * each write and each read enters at a datacenter chosen at random (independently), so one
     * replica is local to it and the others are remote.
     */
    record DatacenterPerReplica(long remoteMicros) implements Placement {
        public DatacenterPerReplica {
            if (remoteMicros < 0) {
                throw new IllegalArgumentException("the remote delay cannot be negative: " + remoteMicros);
            }
        }

        public long[][] extraDelays(int replicas) {
            long[][] extra = new long[replicas][replicas];
            for (int site = 0; site < replicas; site++) {
                for (int replica = 0; replica < replicas; replica++) {
                    extra[site][replica] = site == replica ? 0 : remoteMicros;
                }
            }
            return extra;
        }

        public String describe() {
            return "one datacenter per replica, " + Durations.format(remoteMicros)
                    + " between datacenters, client at a random one";
        }
    }
}
