package dev.chainrule.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import dev.chainrule.job.CheckpointView;
import dev.chainrule.diagnosis.LayerTelemetryView;
import dev.chainrule.job.FeedEpoch;
import dev.chainrule.job.HistoryEntry;
import dev.chainrule.job.JobFeed;
import dev.chainrule.job.JobFeedState;
import dev.chainrule.job.JobStatus;
import dev.chainrule.job.MetricsView;
import tools.jackson.databind.json.JsonMapper;

/** The poller against a feed and sinks in memory: fan-out, keep-alive, dropping slow clients, the cap. */
class EventPollerTest {

    private final UUID jobId = UUID.randomUUID();
    private final FakeFeed feed = new FakeFeed();
    private final EventsProperties properties = new EventsProperties(Duration.ofMillis(10), Duration.ofMillis(30), 2,
            4096, 50, Duration.ofSeconds(3));
    private static final UUID TENANT = UUID.randomUUID();
    private final EventStreams streams = new EventStreams(feed, properties);
    private final EventPoller poller = new EventPoller(feed, streams, properties, JsonMapper.builder().build());

    @Test
    void everyStreamOfAJobGetsEachEpochOnceFromOneReadPerPoll() {
        feed.state = snapshot(JobStatus.RUNNING, 0, 0);
        FakeSink a = open(null);
        FakeSink b = open(null);
        poller.poll();
        feed.epochs.add(entry(1));
        feed.state = snapshot(JobStatus.RUNNING, 1, 30);
        int readsBefore = feed.snapshotReads;
        poller.poll();
        assertThat(feed.snapshotReads - readsBefore).isEqualTo(1);
        for (FakeSink sink : List.of(a, b)) {
            assertThat(sink.ids()).containsExactly("status-running-0", "epoch-1", "progress-1-30");
        }
    }

    @Test
    void anEpochEventCarriesItsHistoryEntryInlineAndItsLayersTelemetry() throws Exception {
        feed.state = snapshot(JobStatus.RUNNING, 0, 0);
        FakeSink sink = open(null);
        feed.epochs.add(entry(2));
        feed.state = snapshot(JobStatus.RUNNING, 2, 0);
        poller.poll();
        String epoch = sink.texts.stream().filter(t -> t.startsWith("id: epoch-2")).findFirst().orElseThrow();
        var data = JsonMapper.builder().build().readTree(epoch.substring(epoch.indexOf("data: ") + 6));
        assertThat(data.path("epoch").asInt()).isEqualTo(2);
        assertThat(data.path("loss").asDouble()).isEqualTo(0.5);
        assertThat(data.has("history")).isFalse();
        assertThat(data.path("layers")).hasSize(1);
        assertThat(data.path("layers").get(0).path("gradientNorm").asDouble()).isEqualTo(0.2);
        assertThat(data.path("layers").get(0).path("deadFraction").asDouble()).isEqualTo(0.25);
    }

    @Test
    void aSilentStreamGetsAKeepAliveComment() throws Exception {
        feed.state = snapshot(JobStatus.QUEUED, 0, 0);
        FakeSink sink = open(null);
        poller.poll();
        assertThat(sink.texts).noneMatch(t -> t.startsWith(": keep-alive"));
        Thread.sleep(40);
        poller.poll();
        assertThat(sink.texts).last().isEqualTo(": keep-alive\n\n");
    }

    @Test
    void aClientThatTakesNothingIsDroppedAndItsPlaceFreed() {
        feed.state = snapshot(JobStatus.RUNNING, 0, 0);
        FakeSink stalled = open(null);
        stalled.capacity = 2;
        for (int epoch = 1; epoch <= 5; epoch++) {
            feed.epochs.add(entry(epoch));
        }
        feed.state = snapshot(JobStatus.RUNNING, 5, 50);
        poller.poll();
        assertThat(stalled.isOpen()).isFalse();
        assertThat(streams.openStreams()).isZero();
    }

    @Test
    void theCapRefusesTheThirdStreamUntilOneCloses() {
        feed.state = snapshot(JobStatus.RUNNING, 0, 0);
        FakeSink first = open(null);
        open(null);
        assertThatRefused();
        first.close();
        assertThat(open(null).isOpen()).isTrue();
    }

    private void assertThatRefused() {
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> open(null))
                .isInstanceOf(dev.chainrule.fault.UnavailableException.class)
                .hasMessageContaining("2 event streams");
    }

    private FakeSink open(String lastEventId) {
        FakeSink sink = new FakeSink();
        streams.open(TENANT, jobId, lastEventId, () -> sink);
        return sink;
    }

    private JobFeedState snapshot(JobStatus status, int epoch, long step) {
        return new JobFeedState(jobId, status, epoch, 10, step, epoch / 10.0, null, null, null);
    }

    private static FeedEpoch entry(int epoch) {
        return new FeedEpoch(new HistoryEntry(epoch, new MetricsView(1.0 / epoch, null, 0.5, null, null, null), 0.01, 5),
                List.of(new LayerTelemetryView(epoch, 0, "dense", 2.0, 0.1 * epoch, 0.01, 1e-3, 0.02, 0.4, 0.3, 0.25,
                        null)));
    }

    private final class FakeFeed implements JobFeed {
        JobFeedState state;
        final List<FeedEpoch> epochs = new ArrayList<>();
        int snapshotReads;

        @Override
        public Optional<JobFeedState> snapshot(UUID id) {
            snapshotReads++;
            return Optional.ofNullable(state);
        }

        @Override
        public boolean belongsTo(UUID id, UUID tenant) {
            return state != null && TENANT.equals(tenant);
        }

        @Override
        public List<FeedEpoch> epochsAfter(UUID id, int afterEpoch, int limit) {
            return epochs.stream().filter(e -> e.history().epoch() > afterEpoch).limit(limit).toList();
        }

        @Override
        public List<CheckpointView> checkpointsBetween(UUID id, int afterEpoch, int throughEpoch) {
            return List.of();
        }
    }

    private static final class FakeSink implements EventSink {
        final List<String> texts = new ArrayList<>();
        final List<Runnable> onClose = new ArrayList<>();
        int capacity = Integer.MAX_VALUE;
        boolean open = true;

        @Override
        public boolean send(String text) {
            if (!open) {
                return false;
            }
            if (texts.size() >= capacity) {
                close();
                return false;
            }
            texts.add(text);
            return true;
        }

        @Override
        public void endAfterSent() {
            close();
        }

        @Override
        public void close() {
            if (open) {
                open = false;
                onClose.forEach(Runnable::run);
            }
        }

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void onClose(Runnable action) {
            onClose.add(action);
        }

        List<String> ids() {
            return texts.stream().filter(t -> t.startsWith("id: ")).map(t -> t.substring(4, t.indexOf('\n'))).toList();
        }
    }
}
