package dev.attache.bench.memory;

import com.sun.management.GarbageCollectorMXBean;
import com.sun.management.GcInfo;
import com.sun.management.ThreadMXBean;
import com.sun.tools.attach.AttachNotSupportedException;
import com.sun.tools.attach.VirtualMachine;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import javax.management.InstanceNotFoundException;
import javax.management.ListenerNotFoundException;
import javax.management.MBeanServerConnection;
import javax.management.NotificationListener;
import javax.management.ObjectName;
import javax.management.remote.JMXConnector;
import javax.management.remote.JMXConnectorFactory;
import javax.management.remote.JMXServiceURL;

/**
 * Reads the memory of another HotSpot JVM on this machine (ingest-api during {@code attache bench}) through its
 * platform MXBeans and its {@code /proc} entries.
 *
 * <p>The connection is a local JMX agent started in the target through the Attach API, so the target needs no
 * JMX options of its own. The agent stays up in the target after this probe closes (the JDK cannot stop it);
 * it listens on the loopback interface only.
 */
public final class JvmProcessProbe implements AutoCloseable {

    private final long pid;
    private final Path procDir;
    private final JMXConnector connector;
    private final MBeanServerConnection connection;
    private final MemoryMXBean memory;
    private final ThreadMXBean threads;
    private final List<Collector> collectors;
    private final HeapPools heapPools;
    private MemoryWindow openWindow;

    /** Name and object name read once: on a remote proxy every getter is a round trip. */
    private record Collector(String name, ObjectName objectName, GarbageCollectorMXBean bean) {
    }

    private JvmProcessProbe(long pid, JMXConnector connector) throws IOException {
        this.pid = pid;
        this.procDir = Path.of("/proc", Long.toString(pid));
        this.connector = connector;
        this.connection = connector.getMBeanServerConnection();
        this.memory = ManagementFactory.newPlatformMXBeanProxy(
                connection, ManagementFactory.MEMORY_MXBEAN_NAME, MemoryMXBean.class);
        this.threads = ManagementFactory.newPlatformMXBeanProxy(
                connection, ManagementFactory.THREAD_MXBEAN_NAME, ThreadMXBean.class);
        this.collectors = remote("its collectors",
                () -> ManagementFactory.getPlatformMXBeans(connection, GarbageCollectorMXBean.class).stream()
                        .map(bean -> new Collector(bean.getName(), bean.getObjectName(), bean))
                        .toList());
        this.heapPools = new HeapPools(remote("its memory pools",
                () -> ManagementFactory.getPlatformMXBeans(connection, MemoryPoolMXBean.class).stream()
                        .filter(pool -> pool.getType() == MemoryType.HEAP)
                        .map(MemoryPoolMXBean::getName)
                        .collect(Collectors.toSet())));
        if (!remote("its thread MXBean", threads::isThreadAllocatedMemorySupported)) {
            throw new IOException("JVM process " + pid + " does not count the bytes its threads allocate");
        }
        // On by default. HotSpot keeps the counters either way; the switch only gates reading them.
        if (!remote("its thread MXBean", threads::isThreadAllocatedMemoryEnabled)) {
            remote("its thread MXBean", () -> {
                threads.setThreadAllocatedMemoryEnabled(true);
                return null;
            });
        }
    }

    /**
     * Connects to the HotSpot JVM with process id {@code pid}, which must run as the same user as this one and
     * must not have been started with {@code -XX:+DisableAttachMechanism}. Attaching to this very JVM also needs
     * {@code -Djdk.attach.allowAttachSelf=true}.
     *
     * @throws IOException with a message that says which process and why, when it cannot be read
     */
    public static JvmProcessProbe attach(long pid) throws IOException {
        if (ProcessHandle.of(pid).filter(ProcessHandle::isAlive).isEmpty()) {
            throw new IOException("cannot attach to JVM process " + pid + ": no such process");
        }
        String address = startLocalManagementAgent(pid);
        JMXConnector connector;
        try {
            connector = JMXConnectorFactory.connect(new JMXServiceURL(address));
        } catch (IOException e) {
            throw new IOException("cannot connect to the management agent of JVM process " + pid + " at "
                    + address + ": " + e, e);
        }
        try {
            return new JvmProcessProbe(pid, connector);
        } catch (IOException | RuntimeException e) {
            closeQuietly(connector, e);
            throw e instanceof IOException io ? io
                    : new IOException("cannot read the MXBeans of JVM process " + pid + ": " + e, e);
        }
    }

    private static String startLocalManagementAgent(long pid) throws IOException {
        VirtualMachine vm;
        try {
            vm = VirtualMachine.attach(Long.toString(pid));
        } catch (AttachNotSupportedException | IOException e) {
            throw new IOException("cannot attach to JVM process " + pid + " (it must be a HotSpot JVM run by the"
                    + " same user, without -XX:+DisableAttachMechanism): " + e.getMessage(), e);
        }
        try {
            return vm.startLocalManagementAgent();
        } catch (IOException e) {
            throw new IOException("cannot start the local management agent in JVM process " + pid + ": "
                    + e.getMessage(), e);
        } finally {
            // The agent outlives the attachment; the attachment itself has no further use.
            try {
                vm.detach();
            } catch (IOException ignored) {
                // detaching only closes our end
            }
        }
    }

    public long pid() {
        return pid;
    }

    /**
     * Starts measuring: heap, resident set and allocation from now until the window closes. One window at a time:
     * each samples the target on its own thread.
     *
     * @throws IllegalStateException if a window of this probe is still open
     */
    public MemoryWindow openWindow() throws IOException {
        return openWindow(MemoryWindow.SAMPLING_INTERVAL);
    }

    synchronized MemoryWindow openWindow(Duration samplingInterval) throws IOException {
        if (openWindow != null) {
            throw new IllegalStateException("a memory window on JVM process " + pid + " is still open");
        }
        openWindow = MemoryWindow.open(this, samplingInterval);
        return openWindow;
    }

    synchronized void windowClosed(MemoryWindow window) {
        if (openWindow == window) {
            openWindow = null;
        }
    }

    HeapPools heapPools() {
        return heapPools;
    }

    long heapUsed() throws IOException {
        return remote("its heap use", () -> memory.getHeapMemoryUsage().getUsed());
    }

    /** All bytes its threads have allocated since it started, those of threads that have ended included. */
    long allocatedBytes() throws IOException {
        long allocated = remote("its allocated bytes", threads::getTotalThreadAllocatedBytes);
        if (allocated < 0) {
            throw new IOException("JVM process " + pid + " stopped counting the bytes its threads allocate");
        }
        return allocated;
    }

    /** Collections done so far, by collector name. */
    Map<String, Long> collectionCounts() throws IOException {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (Collector collector : collectors) {
            counts.put(collector.name(), remote("its collection counts", collector.bean()::getCollectionCount));
        }
        return counts;
    }

    /** The heap in use when the most recent collection, by any collector, ended; empty if none has run yet. */
    OptionalLong heapUsedAfterLastCollection() throws IOException {
        GcInfo last = null;
        for (Collector collector : collectors) {
            GcInfo info = remote("its last collection", collector.bean()::getLastGcInfo);
            if (info != null && (last == null || info.getEndTime() > last.getEndTime())) {
                last = info;
            }
        }
        return last == null ? OptionalLong.empty() : OptionalLong.of(heapPools.used(last.getMemoryUsageAfterGc()));
    }

    ProcStatus procStatus() throws IOException {
        try {
            return ProcStatus.parse(Files.readString(procDir.resolve("status")));
        } catch (IllegalArgumentException e) {
            throw new IOException("cannot read the resident set of process " + pid + ": " + e.getMessage(), e);
        }
    }

    /**
     * Resets the kernel's high-water mark of its resident set (VmHWM) to the current size, so the mark covers
     * only what follows. Needs Linux 4.0+ and write access to {@code clear_refs} (same user, dumpable process).
     *
     * @return whether the mark was reset
     */
    boolean tryResetPeakResident() {
        try {
            Files.writeString(procDir.resolve("clear_refs"), "5");
            return true;
        } catch (IOException | SecurityException e) {
            return false;
        }
    }

    void addCollectionListener(NotificationListener listener) throws IOException {
        for (Collector collector : collectors) {
            try {
                connection.addNotificationListener(collector.objectName(), listener, null, null);
            } catch (InstanceNotFoundException e) {
                throw new IOException("collector " + collector.name() + " of JVM process " + pid + " disappeared", e);
            }
        }
    }

    void removeCollectionListener(NotificationListener listener) throws IOException {
        for (Collector collector : collectors) {
            try {
                connection.removeNotificationListener(collector.objectName(), listener);
            } catch (InstanceNotFoundException | ListenerNotFoundException ignored) {
                // nothing left to remove
            }
        }
    }

    /** Closes the connection; an open window stops measuring without a result. */
    @Override
    public void close() {
        MemoryWindow window;
        synchronized (this) {
            window = openWindow;
        }
        try {
            if (window != null) {
                window.close();
            }
        } finally {
            try {
                connector.close();
            } catch (IOException ignored) {
                // The connector frees its side before telling the target, which fails when the target is gone.
            }
        }
    }

    @Override
    public String toString() {
        return "JvmProcessProbe[pid=" + pid + "]";
    }

    /** MXBean proxies hide a lost connection inside unchecked exceptions; this brings it back as an IOException. */
    private <T> T remote(String what, Callable<T> call) throws IOException {
        try {
            return call.call();
        } catch (IOException e) {
            throw e;
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new IOException("cannot read " + what + " from JVM process " + pid + ": " + cause, e);
        }
    }

    private static void closeQuietly(JMXConnector connector, Exception failure) {
        try {
            connector.close();
        } catch (IOException e) {
            failure.addSuppressed(e);
        }
    }
}
