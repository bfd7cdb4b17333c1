package org.partnership.stack;

import org.netcrusher.core.reactor.NioReactor;
import org.netcrusher.core.throttle.Throttler;
import org.netcrusher.tcp.TcpCrusher;
import org.netcrusher.tcp.TcpCrusherBuilder;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.time.Duration;

/**
 * A TCP proxy on 127.0.0.1 between two parts of the stack, which a fault-injection test can make slow or drop
 * (Toxiproxy's model: a named link with toxics, run in-process by NetCrusher). Healthy, it forwards bytes unchanged.
 * <ul>
 *   <li>{@link #latency(Duration)}: every chunk of bytes, both ways, waits that long before it is passed on;</li>
 *   <li>{@link #resetConnections()}: every open connection is closed at once with a TCP reset (SO_LINGER 0), as a
 *       crashed middlebox or a NAT timeout would; new connections are accepted again right away;</li>
 *   <li>{@link #heal()}: no latency.</li>
 * </ul>
 */
public final class FaultProxy implements AutoCloseable {

    private final String name;
    private final NioReactor reactor;
    private final TcpCrusher crusher;
    private volatile long delayNanos;

    private FaultProxy(String name, int listenPort, int targetPort) throws IOException {
        this.name = name;
        this.reactor = new NioReactor();
        Throttler delay = bytes -> delayNanos;
        this.crusher = TcpCrusherBuilder.builder()
                .withReactor(reactor)
                .withBindAddress(Ports.LOOPBACK, listenPort)
                .withConnectAddress(Ports.LOOPBACK, targetPort)
                .withLingerMs(0)
                .withTcpNoDelay(true)
                .withIncomingThrottlerFactory(address -> delay)
                .withOutgoingThrottlerFactory(address -> delay)
                .buildAndOpen();
    }

    /** Opens a proxy listening on {@code listenPort} that forwards every connection to {@code targetPort}. */
    public static FaultProxy open(String name, int listenPort, int targetPort) {
        try {
            return new FaultProxy(name, listenPort, targetPort);
        } catch (IOException | RuntimeException e) {
            throw new StackException("the fault proxy " + name + " could not listen on " + Ports.LOOPBACK + ":"
                    + listenPort + ": " + e.getMessage(), e);
        }
    }

    /** What the proxy stands between, e.g. "services -> kafka". */
    public String name() {
        return name;
    }

    public int port() {
        return crusher.getBindAddress().getPort();
    }

    /** Delays every chunk of bytes passed on, both ways, by {@code latency} from now on. */
    public void latency(Duration latency) {
        delayNanos = latency.toNanos();
    }

    /** Closes every open connection with a reset; the proxy keeps accepting new ones. */
    public void resetConnections() {
        crusher.closeAllPairs();
    }

    /** Back to forwarding without delay. */
    public void heal() {
        delayNanos = 0;
    }

    /** The connections open through the proxy now. */
    public int openConnections() {
        return crusher.getClientAddresses().size();
    }

    @Override
    public void close() {
        crusher.close();
        reactor.close();
    }

    @Override
    public String toString() {
        return name + " (" + Ports.LOOPBACK + ":" + port() + ")";
    }
}
