package dev.chainrule.nn.kernel;

import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How many threads the calling thread's products may use, and the shared helper threads that lend
 * them. The count is per calling thread (each training job pins its own), never a global setting:
 * BLAS and ND4J's own ops stay on one thread, and a product is cut into blocks that depend on its
 * shape only, so the result does not depend on how many threads computed the blocks.
 */
public final class KernelThreads {

    private static final ThreadLocal<int[]> THREADS = ThreadLocal.withInitial(() -> new int[] {1});
    private static final int HELPERS = Math.max(1, Runtime.getRuntime().availableProcessors() - 1);
    private static final AtomicInteger NAMES = new AtomicInteger();
    // a full queue drops the task: its caller computes the blocks no helper took
    private static final ThreadPoolExecutor POOL = new ThreadPoolExecutor(HELPERS, HELPERS, 30, TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(64), KernelThreads::helper, (task, pool) -> {
            });

    static {
        POOL.allowCoreThreadTimeOut(true);
    }

    private KernelThreads() {
    }

    /** Threads for the calling thread's products from now on (1: everything on the caller). */
    public static void set(int threads) {
        if (threads < 1) {
            throw new IllegalArgumentException("thread count must be at least 1, was " + threads);
        }
        THREADS.get()[0] = threads;
    }

    public static int current() {
        return THREADS.get()[0];
    }

    /** Runs {@code task} on a helper thread if one is free soon; dropped when the queue is full. */
    public static void lend(Runnable task) {
        POOL.execute(task);
    }

    private static Thread helper(Runnable work) {
        Thread thread = new Thread(work, "chainrule-kernel-" + NAMES.incrementAndGet());
        thread.setDaemon(true);
        return thread;
    }
}
