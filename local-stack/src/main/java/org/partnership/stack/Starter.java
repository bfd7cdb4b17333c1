package org.partnership.stack;

import java.util.Set;

/**
 * What every stage of starting the stack shares: the configuration, where to report progress, the addresses, the
 * state file, what has started (to stop it again), the abort flag and the environment variables children must not
 * inherit. {@link InfrastructureStarter} and {@link ServiceStarter} are its two stages.
 */
abstract class Starter {

    protected final StackConfig config;
    protected final Progress progress;
    protected final StackAddresses addresses;
    protected final StackState state;
    protected final StartedComponents started;
    protected final StartAbort abort;
    protected final Set<String> unsetEnv;

    Starter(StackConfig config, Progress progress, StackState state, StartedComponents started, StartAbort abort,
            Set<String> unsetEnv) {
        this.config = config;
        this.progress = progress;
        this.addresses = new StackAddresses(config);
        this.state = state;
        this.started = started;
        this.abort = abort;
        this.unsetEnv = unsetEnv;
    }

    /** Starts this stage and returns when it is ready, or throws (what started is in {@link #started}). */
    abstract void start();
}
